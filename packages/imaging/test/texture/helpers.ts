/**
 * Test helpers for the PyRadiomics baselines: a .npy reader, a gzip NRRD reader and PyRadiomics'
 * discretisation (fixed bin width / bin count), so that texture tests do not depend on the I/O and
 * preprocessing areas. Reference: numpy `format.py` (NPY 1.0), teem NRRD0004, PyRadiomics
 * `imageoperations.getBinEdges` + `numpy.digitize`.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface NpyArray {
  shape: number[];
  /** Values in C (row-major) order. */
  data: Float64Array;
}

/** Reads a little-endian `<f8` or `|u1` .npy (v1/v2), C or Fortran order, into C order. */
export function readNpy(path: string): NpyArray {
  const buf = readFileSync(path);
  const major = buf[6];
  const headerLength = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const offset = major === 1 ? 10 : 12;
  const header = buf.subarray(offset, offset + headerLength).toString('latin1');
  const descr = /'descr':\s*'([^']+)'/.exec(header)![1];
  const fortran = /'fortran_order':\s*True/.test(header);
  const shape = /'shape':\s*\(([^)]*)\)/
    .exec(header)![1]
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  const n = shape.reduce((p, s) => p * s, 1);
  const body = buf.subarray(offset + headerLength);
  const raw = new Float64Array(n);
  for (let k = 0; k < n; k++) raw[k] = descr === '<f8' ? body.readDoubleLE(8 * k) : body[k];
  if (!fortran || shape.length < 2) return { shape, data: raw };
  const data = new Float64Array(n);
  const idx = new Array(shape.length).fill(0);
  for (let k = 0; k < n; k++) {
    // k runs in Fortran order (first index fastest); write to the C-order position.
    let c = 0;
    for (let d = 0; d < shape.length; d++) c = c * shape[d] + idx[d];
    data[c] = raw[k];
    for (let d = 0; d < shape.length; d++) {
      idx[d]++;
      if (idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return { shape, data };
}

export interface NrrdVolume {
  data: Float64Array;
  size: [number, number, number];
  spacing: [number, number, number];
}

/** Reads the PyRadiomics test NRRDs (gzip, little endian, short/int/uchar, axis-aligned directions). */
export function readNrrd(path: string): NrrdVolume {
  const buf = readFileSync(path);
  const end = buf.indexOf('\n\n');
  const fields = new Map<string, string>();
  for (const line of buf.subarray(0, end).toString('latin1').split('\n')) {
    const m = /^([^:#]+):\s*(.*)$/.exec(line);
    if (m) fields.set(m[1].trim(), m[2].trim());
  }
  const size = fields.get('sizes')!.split(/\s+/).map(Number) as [number, number, number];
  const directions = [...fields.get('space directions')!.matchAll(/\(([^)]*)\)/g)].map((m) =>
    m[1].split(',').map(Number),
  );
  const spacing = directions.map((v) => Math.hypot(...v)) as [number, number, number];
  let body = buf.subarray(end + 2);
  if (fields.get('encoding') === 'gzip') body = gunzipSync(body);
  const n = size[0] * size[1] * size[2];
  const type = fields.get('type')!;
  const data = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    if (type === 'short') data[k] = body.readInt16LE(2 * k);
    else if (type === 'int') data[k] = body.readInt32LE(4 * k);
    else if (type === 'unsigned char' || type === 'uchar') data[k] = body[k];
    else throw new Error(`unsupported NRRD type ${type}`);
  }
  return { data, size, spacing };
}

/** Baseline CSV: feature name -> column name -> value (numbers only; diagnostics rows kept as text). */
export function readBaselineCsv(path: string): { columns: string[]; rows: Map<string, string[]> } {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const parse = (line: string): string[] => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const header = parse(lines[0]);
  const rows = new Map<string, string[]>();
  for (const line of lines.slice(1)) {
    const cells = parse(line);
    rows.set(cells[0], cells.slice(1));
  }
  return { columns: header.slice(1), rows };
}

export interface Discretised {
  grayLevels: Int32Array;
  size: [number, number, number];
  spacing: [number, number, number];
  /** Intensities cropped to the same box. */
  intensities: Float64Array;
}

/**
 * PyRadiomics discretisation of the ROI (label 1), cropped to the ROI bounding box: fixed bin width
 * (edges `arange(min - min % w, max + 2w, w)`) or bin count (`histogram(roi, n)` edges, last edge + 1),
 * then `digitize`. `resegmentLower` drops ROI voxels below it (PyRadiomics `resegmentRange: [lower]`).
 */
export function discretise(
  image: NrrdVolume,
  mask: NrrdVolume,
  options: { binWidth?: number; binCount?: number; resegmentLower?: number },
): Discretised {
  const [nx, ny, nz] = image.size;
  const lo = [nx, ny, nz];
  const hi = [-1, -1, -1];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const inRoi = (v: number) =>
    mask.data[v] === 1 && (options.resegmentLower === undefined || image.data[v] >= options.resegmentLower);
  for (let z = 0, v = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++, v++) {
        if (mask.data[v] !== 1) continue;
        const c = [x, y, z];
        for (let d = 0; d < 3; d++) {
          lo[d] = Math.min(lo[d], c[d]);
          hi[d] = Math.max(hi[d], c[d]);
        }
        if (!inRoi(v)) continue;
        min = Math.min(min, image.data[v]);
        max = Math.max(max, image.data[v]);
      }
    }
  }
  let edges: number[];
  if (options.binCount !== undefined) {
    const n = options.binCount;
    const [first, last] = min === max ? [min - 0.5, max + 0.5] : [min, max];
    const step = (last - first) / n;
    edges = Array.from({ length: n + 1 }, (_, k) => k * step + first);
    edges[n] = last + 1;
  } else {
    const w = options.binWidth ?? 25;
    const low = min - (((min % w) + w) % w);
    const high = max + 2 * w;
    const count = Math.ceil((high - low) / w);
    edges = Array.from({ length: count }, (_, k) => low + k * w);
  }
  const size: [number, number, number] = [hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1];
  const n = size[0] * size[1] * size[2];
  const grayLevels = new Int32Array(n);
  const intensities = new Float64Array(n);
  for (let z = 0, u = 0; z < size[2]; z++) {
    for (let y = 0; y < size[1]; y++) {
      for (let x = 0; x < size[0]; x++, u++) {
        const v = x + lo[0] + nx * (y + lo[1] + ny * (z + lo[2]));
        intensities[u] = image.data[v];
        if (!inRoi(v)) continue;
        let level = 0;
        while (level < edges.length && edges[level] <= image.data[v]) level++;
        grayLevels[u] = level;
      }
    }
  }
  return { grayLevels, size, spacing: image.spacing, intensities };
}

/**
 * Relative difference |a - b| / max(|b|, 1e-6): relative for |b| >= 1e-6, so that a 1e-6 bound means an
 * absolute 1e-12 below (values that are 0 up to rounding, e.g. entropies of flat regions). 0 when both are NaN.
 */
export function relativeDifference(a: number, b: number): number {
  if (Number.isNaN(a) && Number.isNaN(b)) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-6);
}
