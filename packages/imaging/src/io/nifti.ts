import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { TaceError, writeFileAtomic } from '@tace/core';
import type { Image, VoxelArray } from '../image/types.js';
import { readRegularFile } from './file-access.js';
import { decodeVoxels, type VoxelType, voxelBytes, voxelTypeBytes, voxelTypeOf } from './typed-arrays.js';

const NIFTI_TYPES: Record<number, VoxelType> = {
  2: 'uint8',
  4: 'int16',
  8: 'int32',
  16: 'float32',
  64: 'float64',
  256: 'int8',
  512: 'uint16',
  768: 'uint32',
};
const NIFTI_CODES: Record<VoxelType, [number, number]> = {
  uint8: [2, 8],
  int16: [4, 16],
  int32: [8, 32],
  float32: [16, 32],
  float64: [64, 64],
  int8: [256, 8],
  uint16: [512, 16],
  uint32: [768, 32],
};

/** Fields of a NIfTI-1 or NIfTI-2 header that define the voxel grid. */
interface NiftiHeader {
  version: 1 | 2;
  littleEndian: boolean;
  dims: number[];
  datatype: number;
  pixdim: number[];
  voxOffset: number;
  sclSlope: number;
  sclInter: number;
  qformCode: number;
  sformCode: number;
  quatern: [number, number, number];
  qoffset: [number, number, number];
  srow: number[];
}

function parseHeader(view: DataView, source: string): NiftiHeader {
  let littleEndian = true;
  let size = view.getInt32(0, true);
  if (size !== 348 && size !== 540) {
    littleEndian = false;
    size = view.getInt32(0, false);
  }
  if (size !== 348 && size !== 540) {
    throw new TaceError('PARSE_ERROR', `${source}: not a NIfTI file (sizeof_hdr is neither 348 nor 540)`, {
      param: source,
    });
  }
  const le = littleEndian;
  if (size === 348) {
    const f = (o: number) => view.getFloat32(o, le);
    return {
      version: 1,
      littleEndian,
      dims: Array.from({ length: 8 }, (_, i) => view.getInt16(40 + 2 * i, le)),
      datatype: view.getInt16(70, le),
      pixdim: Array.from({ length: 8 }, (_, i) => f(76 + 4 * i)),
      voxOffset: f(108),
      sclSlope: f(112),
      sclInter: f(116),
      qformCode: view.getInt16(252, le),
      sformCode: view.getInt16(254, le),
      quatern: [f(256), f(260), f(264)],
      qoffset: [f(268), f(272), f(276)],
      srow: Array.from({ length: 12 }, (_, i) => f(280 + 4 * i)),
    };
  }
  const d = (o: number) => view.getFloat64(o, le);
  const i64 = (o: number) => Number(view.getBigInt64(o, le));
  return {
    version: 2,
    littleEndian,
    dims: Array.from({ length: 8 }, (_, i) => i64(16 + 8 * i)),
    datatype: view.getInt16(12, le),
    pixdim: Array.from({ length: 8 }, (_, i) => d(104 + 8 * i)),
    voxOffset: i64(168),
    sclSlope: d(176),
    sclInter: d(184),
    qformCode: view.getInt32(344, le),
    sformCode: view.getInt32(348, le),
    quatern: [d(352), d(360), d(368)],
    qoffset: [d(376), d(384), d(392)],
    srow: Array.from({ length: 12 }, (_, i) => d(400 + 8 * i)),
  };
}

/** RAS affine (3x4, row-major) of the header: sform when set, else qform, else pixdim scaling. */
function rasAffine(h: NiftiHeader): number[] {
  if (h.sformCode > 0) return h.srow;
  const [sx, sy, sz] = [
    Math.abs(h.pixdim[1]!) || 1,
    Math.abs(h.pixdim[2]!) || 1,
    Math.abs(h.pixdim[3]!) || 1,
  ];
  if (h.qformCode > 0) {
    const [b, c, d] = h.quatern;
    const a = Math.sqrt(Math.max(0, 1 - b * b - c * c - d * d));
    const qfac = h.pixdim[0] === -1 ? -1 : 1;
    const r = [
      [a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)],
      [2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)],
      [2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b],
    ];
    return r.flatMap((row, i) => [row[0]! * sx, row[1]! * sy, row[2]! * sz * qfac, h.qoffset[i]!]);
  }
  return [sx, 0, 0, 0, 0, sy, 0, 0, 0, 0, sz, 0];
}

/**
 * Largest decompressed size of a `.nii.gz` (vox_offset + voxel bytes) read without an explicit `maxBytes`:
 * 2 GiB, a 1024^3 int16 volume.
 */
export const MAX_NIFTI_BYTES = 2 ** 31;

/** Deflate expands at most 1032:1 (RFC 1951 stored/repeat limits): a larger declared size cannot be in the file. */
const MAX_DEFLATE_RATIO = 1032;

/**
 * Decompresses a `.nii.gz` without trusting it: the header is inflated first (from the first KiBs), then the
 * size it declares (vox_offset + voxel bytes) is checked against what the compressed length can hold and
 * against `maxBytes`, and the whole file may grow only to that size, so neither a gzip bomb nor a header
 * declaring gigabytes costs time or memory.
 */
function gunzip(input: Uint8Array, source: string, maxBytes: number): Uint8Array {
  let head: Uint8Array;
  try {
    head = gunzipSync(input.subarray(0, Math.min(input.length, 8192)), {
      finishFlush: constants.Z_SYNC_FLUSH,
    });
  } catch (cause) {
    throw corrupt(source, cause);
  }
  // too short for a header: parseNifti reports it (bounded: a real header is inflated from its first bytes)
  if (head.length < 348) return inflate(input, source, 65536);
  const limit = declaredBytes(head);
  // An unusable header: its first bytes are enough for parseNifti to say what is wrong.
  if (limit === undefined) return new Uint8Array(head);
  if (limit > input.length * MAX_DEFLATE_RATIO + 65536) {
    throw new TaceError(
      'PARSE_ERROR',
      `${source}: the header declares ${limit} bytes, but ${input.length} bytes of gzip data can hold at most ${input.length * MAX_DEFLATE_RATIO}`,
      { param: source, remedy: 'the file is truncated or its header (dims, datatype, vox_offset) is wrong' },
    );
  }
  if (limit > maxBytes) {
    throw new TaceError(
      'PARSE_ERROR',
      `${source}: the header declares ${limit} bytes of image, more than the limit of ${maxBytes}`,
      { param: source, remedy: `check the header's dims; to read it anyway pass { maxBytes: ${limit} }` },
    );
  }
  return inflate(input, source, limit);
}

function inflate(input: Uint8Array, source: string, limit: number): Uint8Array {
  try {
    return new Uint8Array(gunzipSync(input, { maxOutputLength: limit }));
  } catch (cause) {
    throw corrupt(source, cause);
  }
}

function corrupt(source: string, cause: unknown): TaceError {
  return new TaceError('PARSE_ERROR', `${source}: corrupt gzip data (${(cause as Error).message})`, {
    param: source,
    cause,
  });
}

/** vox_offset + voxel bytes declared by a NIfTI header, or undefined when the header is not usable. */
function declaredBytes(head: Uint8Array): number | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let h: NiftiHeader;
  try {
    if (view.getInt32(0, true) === 540 || view.getInt32(0, false) === 540) {
      if (head.length < 540) return undefined;
    }
    h = parseHeader(view, 'NIfTI');
  } catch {
    return undefined;
  }
  const type = NIFTI_TYPES[h.datatype];
  const nd = h.dims[0]!;
  if (type === undefined || nd < 1 || nd > 7) return undefined;
  let count = 1;
  for (let i = 1; i <= nd; i++) count *= Math.max(1, h.dims[i]!);
  const total = Math.max(0, h.voxOffset) + count * voxelTypeBytes(type);
  return Number.isSafeInteger(Math.ceil(total)) ? Math.ceil(total) : undefined;
}

/**
 * Reads a NIfTI-1 or NIfTI-2 volume (`.nii`, `.nii.gz`; either byte order). Geometry comes from the sform
 * when `sform_code > 0`, else the qform quaternion, else `pixdim`; the RAS affine is converted to LPS (x and y
 * negated) and split into spacing (column norms), direction (normalised columns) and origin.
 * A `scl_slope` other than 0 or 1 (or a non-zero `scl_inter`) is applied, giving `Float32Array` data (as ITK).
 *
 * A 4D image (phases or time points as volumes) needs `{ volume }`, or use {@link readNiftiVolumes}.
 *
 * @throws {TaceError} `PARSE_ERROR` for a bad header or short data, `UNSUPPORTED` for 5D+ data or unknown types,
 *   `INVALID_ARGUMENT` for a 4D image without `volume`.
 * @example const ct = readNifti('ct.nii.gz');
 */
export function readNifti(path: string, options: ReadNiftiOptions = {}): Image {
  return parseNifti(readRegularFile(path), path, options);
}

/** Options of {@link readNifti} and {@link parseNifti}. */
export interface ReadNiftiOptions {
  /**
   * Largest decompressed size (bytes: vox_offset + voxel data) of a `.nii.gz`; a header declaring more is a
   * `PARSE_ERROR` before anything is inflated. Not a nibabel argument (nibabel has no limit).
   * @default MAX_NIFTI_BYTES (2 GiB)
   */
  maxBytes?: number;
  /**
   * Volume (0-based index along the 4th dimension, e.g. a contrast phase or time point) of a 4D image;
   * required when there are several (nibabel `img.slicer[..., t]`).
   * @default 0 when the image has one volume
   */
  volume?: number;
}

/**
 * Reads every volume of a NIfTI image (one for 3D, `dims[4]` for 4D: phases or time points), each an
 * {@link Image} with the same geometry.
 * @throws {TaceError} as {@link readNifti}.
 * @example const [arterial, portal] = readNiftiVolumes('phases.nii.gz');
 */
export function readNiftiVolumes(path: string, options: Omit<ReadNiftiOptions, 'volume'> = {}): Image[] {
  const bytes = readRegularFile(path);
  const plain =
    bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzip(bytes, path, options.maxBytes ?? MAX_NIFTI_BYTES) : bytes;
  const view = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
  const h = plain.length >= 348 ? parseHeader(view, path) : undefined;
  const volumes = h !== undefined && h.dims[0] === 4 ? Math.max(1, h.dims[4]!) : 1;
  return Array.from({ length: volumes }, (_, volume) => parseNifti(plain, path, { ...options, volume }));
}

/**
 * Parses NIfTI bytes (gzip-compressed or not), as {@link readNifti}; `source` names the file in errors.
 * @example const image = parseNifti(readFileSync('ct.nii.gz'), 'ct.nii.gz');
 */
export function parseNifti(input: Uint8Array, source = 'NIfTI', options: ReadNiftiOptions = {}): Image {
  const maxBytes = options.maxBytes ?? MAX_NIFTI_BYTES;
  const bytes = input[0] === 0x1f && input[1] === 0x8b ? gunzip(input, source, maxBytes) : input;
  if (bytes.length < 348 || (bytes.length < 540 && bytes[0] === 0x1c && bytes[1] === 0x02)) {
    throw new TaceError('PARSE_ERROR', `${source}: ${bytes.length} bytes is too short for a NIfTI header`, {
      param: source,
      remedy: 'the file is truncated; copy or export it again',
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = parseHeader(view, source);
  if (h.version === 2 && bytes.length < 540) {
    throw new TaceError('PARSE_ERROR', `${source}: ${bytes.length} bytes is too short for a NIfTI-2 header`, {
      param: source,
    });
  }
  const nd = h.dims[0]!;
  if (h.dims.slice(1, Math.min(Math.max(nd, 0), 7) + 1).some((d) => !Number.isSafeInteger(d) || d < 1)) {
    throw new TaceError('PARSE_ERROR', `${source}: NIfTI dims ${h.dims.join(',')} are not positive sizes`, {
      param: source,
    });
  }
  if (nd < 2 || nd > 4) {
    throw new TaceError(
      'UNSUPPORTED',
      `${source}: only 2D, 3D and 4D NIfTI images are read, found ${nd}D with dims ${h.dims.slice(1, nd + 1).join('x')}`,
      { param: source },
    );
  }
  const volumes = nd === 4 ? h.dims[4]! : 1;
  const volume = options.volume ?? (volumes === 1 ? 0 : undefined);
  if (volume === undefined) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `${source}: a 4D NIfTI with ${volumes} volumes (dims ${h.dims.slice(1, 5).join('x')}); choose one with { volume }`,
      { param: 'volume', remedy: 'pass { volume: 0 } (the first), or read them all with readNiftiVolumes' },
    );
  }
  if (!Number.isInteger(volume) || volume < 0 || volume >= volumes) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `volume must be an integer in [0, ${volumes - 1}], but was ${volume}`,
      {
        param: 'volume',
      },
    );
  }
  const type = NIFTI_TYPES[h.datatype];
  if (type === undefined)
    throw new TaceError('UNSUPPORTED', `${source}: NIfTI datatype ${h.datatype} is not supported`, {
      param: source,
    });
  const headerEnd = h.version === 1 ? 348 : 540;
  if (!(h.voxOffset >= headerEnd)) {
    throw new TaceError(
      'PARSE_ERROR',
      `${source}: vox_offset ${h.voxOffset} points inside the ${headerEnd}-byte NIfTI-${h.version} header`,
      {
        param: source,
        remedy: `a single-file NIfTI stores its voxels at vox_offset >= ${headerEnd + 4}; the header is damaged`,
      },
    );
  }
  const size: [number, number, number] = [h.dims[1]!, h.dims[2]!, nd >= 3 ? h.dims[3]! : 1];
  const perVolume = size[0] * size[1] * size[2];
  if (volumes > 1 && bytes.length - h.voxOffset < volumes * perVolume * voxelTypeBytes(type)) {
    throw new TaceError(
      'PARSE_ERROR',
      `${source}: expected ${volumes * perVolume * voxelTypeBytes(type)} bytes of voxel data for ${volumes} volumes, found ${bytes.length - h.voxOffset}`,
      { param: source, remedy: 'check that the file is complete and its header sizes are right' },
    );
  }
  let data: VoxelArray = decodeVoxels(
    bytes,
    h.voxOffset + volume * perVolume * voxelTypeBytes(type),
    type,
    perVolume,
    h.littleEndian,
    source,
  );
  const scaled = h.sclSlope !== 0 && Number.isFinite(h.sclSlope) && (h.sclSlope !== 1 || h.sclInter !== 0);
  if (scaled) {
    const out = new Float32Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = data[i]! * h.sclSlope + h.sclInter;
    data = out;
  }
  const m = rasAffine(h);
  // RAS -> LPS: negate the x and y rows.
  const lps = m.map((v, i) => (i < 8 ? -v : v));
  const spacing: [number, number, number] = [0, 1, 2].map((c) =>
    Math.hypot(lps[c]!, lps[4 + c]!, lps[8 + c]!),
  ) as [number, number, number];
  // `+ 0` turns the -0 left by the RAS -> LPS negation into 0
  const direction = [0, 1, 2].flatMap((r) =>
    [0, 1, 2].map((c) => lps[4 * r + c]! / spacing[c]! + 0),
  ) as Image['direction'];
  return { data, size, spacing, origin: [lps[3]! + 0, lps[7]! + 0, lps[11]! + 0], direction };
}

/**
 * Writes an {@link Image} as NIfTI-1 (gzip-compressed when the path ends in `.gz`), keeping the voxel type,
 * with sform and qform (codes 1, scanner) describing the same LPS geometry in NIfTI's RAS convention.
 * Written atomically (temporary file + rename): a crash never leaves a partial file.
 * @example writeNifti('mask.nii.gz', mask);
 */
export function writeNifti(path: string, image: Image): void {
  const bytes = formatNifti(image);
  writeFileAtomic(path, path.endsWith('.gz') ? gzipSync(bytes) : bytes);
}

/** The uncompressed bytes {@link writeNifti} writes. */
export function formatNifti(image: Image): Uint8Array {
  const [code, bitpix] = NIFTI_CODES[voxelTypeOf(image.data)];
  const header = new ArrayBuffer(352);
  const v = new DataView(header);
  v.setInt32(0, 348, true);
  [3, ...image.size, 1, 1, 1, 1].forEach((d, i) => {
    v.setInt16(40 + 2 * i, d, true);
  });
  v.setInt16(70, code, true);
  v.setInt16(72, bitpix, true);
  const d = image.direction;
  // LPS -> RAS rotation
  const r = [-d[0], -d[1], -d[2], -d[3], -d[4], -d[5], d[6], d[7], d[8]];
  const det =
    r[0]! * (r[4]! * r[8]! - r[5]! * r[7]!) -
    r[1]! * (r[3]! * r[8]! - r[5]! * r[6]!) +
    r[2]! * (r[3]! * r[7]! - r[4]! * r[6]!);
  const qfac = det < 0 ? -1 : 1;
  [qfac, ...image.spacing, 0, 0, 0, 0].forEach((p, i) => {
    v.setFloat32(76 + 4 * i, p, true);
  });
  v.setFloat32(108, 352, true);
  v.setFloat32(112, 1, true);
  v.setInt8(123, 2); // xyzt_units: mm
  v.setInt16(252, 1, true);
  v.setInt16(254, 1, true);
  // quaternion of the rotation with the third column multiplied by qfac
  const m = [r[0]!, r[1]!, r[2]! * qfac, r[3]!, r[4]!, r[5]! * qfac, r[6]!, r[7]!, r[8]! * qfac];
  const trace = m[0]! + m[4]! + m[8]!;
  let a: number;
  let b: number;
  let c: number;
  let dd: number;
  if (trace > -0.99) {
    a = 0.5 * Math.sqrt(1 + trace);
    b = (m[7]! - m[5]!) / (4 * a);
    c = (m[2]! - m[6]!) / (4 * a);
    dd = (m[3]! - m[1]!) / (4 * a);
  } else if (m[0]! >= m[4]! && m[0]! >= m[8]!) {
    b = 0.5 * Math.sqrt(1 + m[0]! - m[4]! - m[8]!);
    a = (m[7]! - m[5]!) / (4 * b);
    c = (m[1]! + m[3]!) / (4 * b);
    dd = (m[2]! + m[6]!) / (4 * b);
  } else if (m[4]! >= m[8]!) {
    c = 0.5 * Math.sqrt(1 + m[4]! - m[0]! - m[8]!);
    a = (m[2]! - m[6]!) / (4 * c);
    b = (m[1]! + m[3]!) / (4 * c);
    dd = (m[5]! + m[7]!) / (4 * c);
  } else {
    dd = 0.5 * Math.sqrt(1 + m[8]! - m[0]! - m[4]!);
    a = (m[3]! - m[1]!) / (4 * dd);
    b = (m[2]! + m[6]!) / (4 * dd);
    c = (m[5]! + m[7]!) / (4 * dd);
  }
  if (a < 0) {
    b = -b;
    c = -c;
    dd = -dd;
  }
  const origin = [-image.origin[0], -image.origin[1], image.origin[2]];
  [b, c, dd, ...origin].forEach((q, i) => {
    v.setFloat32(256 + 4 * i, q, true);
  });
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 3; col++)
      v.setFloat32(280 + 16 * row + 4 * col, r[3 * row + col]! * image.spacing[col]!, true);
    v.setFloat32(280 + 16 * row + 12, origin[row]!, true);
  }
  new Uint8Array(header).set([0x6e, 0x2b, 0x31, 0], 344); // "n+1\0"
  const body = voxelBytes(image.data);
  const out = new Uint8Array(352 + body.length);
  out.set(new Uint8Array(header), 0);
  out.set(body, 352);
  return out;
}
