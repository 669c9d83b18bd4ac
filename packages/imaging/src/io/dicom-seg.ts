import { TaceError } from '@tace/core';
import type { DataSet } from 'dicom-parser';
import { pointToIndex } from '../image/geometry.js';
import type { Image } from '../image/types.js';
import { frameGeometries } from './dicom-frames.js';
import { parseDicomFile } from './dicom-parse.js';
import { frameValues } from './dicom-pixels.js';

/** One segment of a DICOM SEG (Segment Sequence item). */
export interface DicomSegment {
  /** SegmentNumber (1-based), the label written in the mask. */
  number: number;
  /** SegmentLabel. */
  label: string;
}

/** Options of {@link readDicomSeg}. */
export interface ReadDicomSegOptions {
  /** Segment to read, by number or label (case-insensitive); the mask is then 1 inside. @default every segment, labelled by number */
  segment?: number | string;
  /** Fractional SEG: a voxel is inside when value / MaximumFractionalValue >= this. @default 0.5 */
  fractionalThreshold?: number;
  /** Largest distance (in voxels) of a frame's corner from a voxel centre of the reference grid. @default 0.01 */
  gridTolerance?: number;
}

function segmentTable(ds: DataSet): DicomSegment[] {
  return (ds.elements.x00620002?.items ?? []).map((item) => {
    const inner = item.dataSet;
    const element = inner?.elements.x00620004;
    // SegmentNumber is US; implicit-VR files leave the VR unknown, where a 2-byte value is still US
    const number =
      element?.vr === 'US' || (element?.vr === undefined && element?.length === 2)
        ? inner?.uint16('x00620004')
        : Number(inner?.string('x00620004'));
    return { number: number ?? Number.NaN, label: inner?.string('x00620005') ?? '' };
  });
}

/**
 * Segments (numbers and labels) of a DICOM SEG file.
 * @example dicomSegSegments('seg.dcm') // [{ number: 1, label: 'Liver' }, { number: 2, label: 'Tumor' }]
 */
export function dicomSegSegments(path: string): DicomSegment[] {
  return segmentTable(parseDicomFile(path));
}

/**
 * Reads a DICOM Segmentation (SEG, binary or fractional) onto the grid of `reference` (the image it was
 * drawn on), as a `Uint8Array`/`Uint16Array` label mask: each frame is placed by its own Plane Position
 * (Per-frame Functional Groups), never by frame order, and belongs to the segment its Segment Identification
 * names. Binary frames are bit-packed (BitsAllocated 1, frames not byte-aligned); fractional frames are kept
 * where value / MaximumFractionalValue >= `fractionalThreshold`. Without `segment`, voxels are labelled by
 * segment number; overlapping segments are then an error (choose one).
 *
 * @throws {TaceError} `INVALID_ARGUMENT` for an unknown segment (listing them) or overlapping segments,
 *   `GEOMETRY_MISMATCH` when a frame's plane, orientation or pixel spacing is not that of the reference grid,
 *   `PARSE_ERROR` for a file that is not a SEG.
 * @example const tumor = readDicomSeg('seg.dcm', ct, { segment: 'Tumor' });
 */
export function readDicomSeg(path: string, reference: Image, options: ReadDicomSegOptions = {}): Image {
  const ds = parseDicomFile(path);
  if ((ds.string('x00080060') ?? '') !== 'SEG') {
    throw new TaceError(
      'PARSE_ERROR',
      `${path}: not a DICOM SEG (Modality ${ds.string('x00080060') ?? 'absent'})`,
      {
        param: path,
      },
    );
  }
  const segments = segmentTable(ds);
  let chosen: number | null = null;
  if (options.segment !== undefined) {
    const wanted = options.segment;
    const found = segments.find((s) =>
      typeof wanted === 'number' ? s.number === wanted : s.label.toLowerCase() === wanted.toLowerCase(),
    );
    if (found === undefined) {
      throw new TaceError('INVALID_ARGUMENT', `${path}: no segment ${JSON.stringify(wanted)}`, {
        param: 'segment',
        remedy: `use one of ${segments.map((s) => `${s.number} (${s.label})`).join(', ')}`,
      });
    }
    chosen = found.number;
  }
  const rows = ds.uint16('x00280010') ?? 0;
  const columns = ds.uint16('x00280011') ?? 0;
  const bits = ds.uint16('x00280100') ?? 1;
  const fractional = (ds.string('x00620001') ?? 'BINARY').toUpperCase() === 'FRACTIONAL';
  const maxFraction = ds.uint16('x0062000e') ?? 255;
  const threshold = options.fractionalThreshold ?? 0.5;
  const tolerance = options.gridTolerance ?? 0.01;
  const frames = frameGeometries(ds, path);
  const perFrame = ds.elements.x52009230?.items ?? [];
  const [nx, ny, nz] = reference.size;
  const maxLabel = Math.max(1, ...segments.map((s) => s.number));
  const out = maxLabel > 255 ? new Uint16Array(nx * ny * nz) : new Uint8Array(nx * ny * nz);
  const count = rows * columns;
  const pixel = ds.elements.x7fe00010;
  if (pixel === undefined)
    throw new TaceError('PARSE_ERROR', `${path}: SEG without PixelData`, { param: path });
  const d = reference.direction;
  let overlaps = 0;
  for (const frame of frames) {
    const item = perFrame[frame.frame]?.dataSet;
    const number = Number(
      item?.elements.x0062000a?.items?.[0]?.dataSet?.uint16('x0062000b') ?? segments[0]?.number ?? 1,
    );
    if (chosen !== null && number !== chosen) continue;
    const o = frame.orientation;
    const sameOrientation = [0, 1, 2].every(
      (r) => Math.abs(o[r]! - d[3 * r]!) < 1e-4 && Math.abs(o[3 + r]! - d[3 * r + 1]!) < 1e-4,
    );
    const sameSpacing =
      Math.abs(frame.pixelSpacing[1]! - reference.spacing[0]) < 1e-4 &&
      Math.abs(frame.pixelSpacing[0]! - reference.spacing[1]) < 1e-4;
    const [fi, fj, fk] = pointToIndex(reference, frame.position);
    const [i0, j0, k] = [Math.round(fi), Math.round(fj), Math.round(fk)];
    if (
      !sameOrientation ||
      !sameSpacing ||
      Math.abs(fi - i0) > tolerance ||
      Math.abs(fj - j0) > tolerance ||
      Math.abs(fk - k) > tolerance
    ) {
      throw new TaceError(
        'GEOMETRY_MISMATCH',
        `${path}: frame ${frame.frame + 1} (segment ${number}) at (${frame.position.join(', ')}) does not lie on a plane of the reference grid`,
        { param: path, remedy: 'read the SEG with the image series it was drawn on, or resample it first' },
      );
    }
    const values =
      bits === 1 ? binaryFrame(ds, frame.frame, count) : frameValues(ds, count, path, frame.frame);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const v = values[c + r * columns]!;
        const inside = bits === 1 ? v !== 0 : fractional ? v / maxFraction >= threshold : v !== 0;
        if (!inside) continue;
        const i = i0 + c;
        const j = j0 + r;
        if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) {
          throw new TaceError(
            'GEOMETRY_MISMATCH',
            `${path}: segment ${number} extends outside the reference grid`,
            {
              param: path,
            },
          );
        }
        const at = i + nx * (j + ny * k);
        const label = chosen !== null ? 1 : number;
        if (out[at] !== 0 && out[at] !== label) overlaps++;
        out[at] = label;
      }
    }
  }
  if (overlaps > 0) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `${path}: segments overlap at ${overlaps} voxels; a label map cannot hold both`,
      {
        param: 'segment',
        remedy: `read one segment at a time with { segment } (${segments.map((s) => `${s.number} ${s.label}`).join(', ')})`,
      },
    );
  }
  return {
    data: out,
    size: [...reference.size],
    spacing: [...reference.spacing],
    origin: [...reference.origin],
    direction: [...reference.direction],
  };
}

/** Bits of frame `frame` of a binary SEG (bit-packed, least significant bit first, frames not byte-aligned). */
function binaryFrame(ds: DataSet, frame: number, count: number): Uint8Array {
  const element = ds.elements.x7fe00010!;
  const bytes = ds.byteArray;
  const start = frame * count;
  if (Math.ceil((start + count) / 8) > element.length) {
    throw new TaceError(
      'PARSE_ERROR',
      `SEG pixel data hold ${element.length} bytes, too few for frame ${frame + 1}`,
    );
  }
  const out = new Uint8Array(count);
  for (let p = 0; p < count; p++) {
    const bit = start + p;
    out[p] = (bytes[element.dataOffset + (bit >> 3)]! >> (bit & 7)) & 1;
  }
  return out;
}
