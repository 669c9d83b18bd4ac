/** Test helpers for the PyRadiomics baselines: a .npy reader (numpy `format.py`, NPY 1.0/2.0). */
import { readFileSync } from 'node:fs';

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

/**
 * Relative difference |a - b| / max(|b|, 1e-6): relative for |b| >= 1e-6, so that a 1e-6 bound means an
 * absolute 1e-12 below (values that are 0 up to rounding, e.g. entropies of flat regions). 0 when both are NaN.
 */
export function relativeDifference(a: number, b: number): number {
  if (Number.isNaN(a) && Number.isNaN(b)) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-6);
}
