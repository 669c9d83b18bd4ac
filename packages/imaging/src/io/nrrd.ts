import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { TaceError, writeFileAtomic } from '@tace/core';
import { directionFromColumns } from '../image/geometry.js';
import type { Image } from '../image/types.js';
import { readRegularFile } from './file-access.js';
import { decodeVoxels, type VoxelType, voxelBytes, voxelTypeBytes, voxelTypeOf } from './typed-arrays.js';

const NRRD_TYPES: Record<string, VoxelType> = {
  'signed char': 'int8',
  int8: 'int8',
  int8_t: 'int8',
  uchar: 'uint8',
  'unsigned char': 'uint8',
  uint8: 'uint8',
  uint8_t: 'uint8',
  short: 'int16',
  'short int': 'int16',
  'signed short': 'int16',
  'signed short int': 'int16',
  int16: 'int16',
  int16_t: 'int16',
  ushort: 'uint16',
  'unsigned short': 'uint16',
  'unsigned short int': 'uint16',
  uint16: 'uint16',
  uint16_t: 'uint16',
  int: 'int32',
  'signed int': 'int32',
  int32: 'int32',
  int32_t: 'int32',
  uint: 'uint32',
  'unsigned int': 'uint32',
  uint32: 'uint32',
  uint32_t: 'uint32',
  float: 'float32',
  double: 'float64',
};

function parseVector(text: string, source: string): number[] {
  const match = /^\(([^)]*)\)$/.exec(text.trim());
  if (match === null)
    throw new TaceError('PARSE_ERROR', `${source}: cannot read vector ${JSON.stringify(text)}`);
  return match[1]!.split(',').map((v) => Number(v));
}

/** Splits an NRRD header from its data; returns the fields (lower-case keys) and the data offset. */
function parseHeader(bytes: Uint8Array, source: string): { fields: Map<string, string>; dataOffset: number } {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 65536)));
  if (!head.startsWith('NRRD')) {
    throw new TaceError('PARSE_ERROR', `${source}: not an NRRD file (magic "NRRD000x" missing)`, {
      param: source,
    });
  }
  const fields = new Map<string, string>();
  let position = head.indexOf('\n') + 1;
  for (;;) {
    const end = head.indexOf('\n', position);
    if (end < 0) throw new TaceError('PARSE_ERROR', `${source}: NRRD header has no terminating blank line`);
    const line = head.slice(position, end).replace(/\r$/, '');
    position = end + 1;
    if (line === '') break;
    if (line.startsWith('#')) continue;
    const separator = line.indexOf(':=') >= 0 ? -1 : line.indexOf(': ');
    if (separator > 0)
      fields.set(line.slice(0, separator).trim().toLowerCase(), line.slice(separator + 2).trim());
  }
  return { fields, dataOffset: position };
}

/**
 * Reads an NRRD volume (`.nrrd` attached or `.nhdr` with a detached data file; `raw` or `gzip` encoding),
 * as written by 3D Slicer, ITK and PyRadiomics' test data.
 *
 * Geometry: spacing is the norm of each `space directions` vector, the direction matrix their normalised
 * columns, the origin `space origin`; a `right-anterior-superior` (RAS) space is converted to LPS by
 * negating x and y.
 *
 * @throws {TaceError} `PARSE_ERROR` for a malformed header, `UNSUPPORTED` for other encodings or non-3D data.
 * @example const ct = readNrrd('brain1_image.nrrd'); // Int16Array data, spacing [0.78125, 0.78125, 6.5]
 */
export function readNrrd(path: string, options: ReadNrrdOptions = {}): Image {
  return parseNrrd(readBytes(path, path), path, options);
}

/** Options of {@link readNrrd} and {@link parseNrrd}. */
export interface ReadNrrdOptions {
  /**
   * Follow a `data file:` that lies outside the header's folder (an absolute path, or `..` leading out of
   * it). Off by default: a header from elsewhere must not make the reader open arbitrary files. teem and ITK
   * follow any path.
   * @default false
   */
  allowDataFileOutsideFolder?: boolean;
}

function readBytes(path: string, source: string): Uint8Array {
  return readRegularFile(path, { source });
}

/** Parses NRRD bytes; `source` names the file in errors and locates a detached data file. */
export function parseNrrd(bytes: Uint8Array, source = 'NRRD', options: ReadNrrdOptions = {}): Image {
  const { fields, dataOffset } = parseHeader(bytes, source);
  const get = (key: string): string => {
    const value = fields.get(key);
    if (value === undefined) throw new TaceError('PARSE_ERROR', `${source}: NRRD header lacks "${key}"`);
    return value;
  };
  const dimension = Number(get('dimension'));
  const sizes = get('sizes').split(/\s+/).map(Number);
  if (dimension < 2 || dimension > 3 || sizes.length !== dimension) {
    throw new TaceError(
      'UNSUPPORTED',
      `${source}: only 2D or 3D scalar NRRD volumes are read, found dimension ${dimension}`,
    );
  }
  const type = NRRD_TYPES[get('type').toLowerCase()];
  if (type === undefined)
    throw new TaceError('UNSUPPORTED', `${source}: NRRD type "${get('type')}" is not supported`);
  if (sizes.some((n) => !Number.isSafeInteger(n) || n < 1)) {
    throw new TaceError('PARSE_ERROR', `${source}: NRRD sizes "${get('sizes')}" are not positive integers`, {
      param: source,
    });
  }
  const size: [number, number, number] = [sizes[0]!, sizes[1]!, sizes[2] ?? 1];
  const spacing: [number, number, number] = [1, 1, 1];
  const columns: number[][] = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  const space = (fields.get('space') ?? 'left-posterior-superior').toLowerCase();
  const ras = space === 'right-anterior-superior' || space === 'ras';
  const directions = fields.get('space directions');
  if (directions !== undefined) {
    const vectors = directions.match(/\([^)]*\)|none/g) ?? [];
    vectors.forEach((text, axis) => {
      if (text === 'none' || axis > 2) return;
      const v = parseVector(text, source);
      while (v.length < 3) v.push(0);
      const norm = Math.hypot(v[0]!, v[1]!, v[2]!);
      if (v.some((c) => !Number.isFinite(c)) || !(norm > 0)) {
        throw new TaceError(
          'PARSE_ERROR',
          `${source}: NRRD space direction ${text} of axis ${axis} is not a finite non-zero vector`,
          {
            param: source,
            remedy: 'the header is damaged: each space direction gives the voxel spacing in mm',
          },
        );
      }
      spacing[axis] = norm;
      columns[axis] = v.map((c) => c / norm);
    });
  } else if (fields.has('spacings')) {
    fields
      .get('spacings')!
      .split(/\s+/)
      .forEach((s, axis) => {
        if (axis > 2 || s.toLowerCase() === 'nan') return; // nan: no spacing for this axis (NRRD spec)
        const value = Number(s);
        if (!Number.isFinite(value) || value === 0) {
          throw new TaceError(
            'PARSE_ERROR',
            `${source}: NRRD spacing ${s} of axis ${axis} is not finite and non-zero`,
            {
              param: source,
            },
          );
        }
        spacing[axis] = Math.abs(value);
      });
  }
  const originText = fields.get('space origin');
  const origin = (originText !== undefined ? parseVector(originText, source) : [0, 0, 0])
    .concat([0, 0, 0])
    .slice(0, 3) as [number, number, number];
  if (ras) {
    origin[0] = -origin[0];
    origin[1] = -origin[1];
    for (const c of columns) {
      c[0] = -c[0]!;
      c[1] = -c[1]!;
    }
  }
  const encoding = (fields.get('encoding') ?? 'raw').toLowerCase();
  let payload: Uint8Array;
  const dataFile = fields.get('data file') ?? fields.get('datafile');
  if (dataFile !== undefined) {
    payload = readBytes(detachedPath(source, dataFile, options), source);
  } else {
    payload = bytes.subarray(dataOffset);
  }
  // line skip: whole lines before the data, skipped in the file as stored (before decompression, as teem)
  const lineSkip = Number(fields.get('line skip') ?? fields.get('lineskip') ?? 0);
  if (!Number.isSafeInteger(lineSkip) || lineSkip < 0) {
    throw new TaceError('PARSE_ERROR', `${source}: NRRD line skip ${fields.get('line skip')} is invalid`, {
      param: source,
    });
  }
  for (let line = 0; line < lineSkip; line++) {
    const end = payload.indexOf(0x0a);
    if (end < 0) {
      throw new TaceError('PARSE_ERROR', `${source}: NRRD line skip ${lineSkip} passes the end of the data`, {
        param: source,
      });
    }
    payload = payload.subarray(end + 1);
  }
  const count = size[0] * size[1] * size[2];
  const byteSkip = Number(fields.get('byte skip') ?? fields.get('byteskip') ?? 0);
  if (!Number.isSafeInteger(byteSkip) || byteSkip < -1) {
    throw new TaceError('PARSE_ERROR', `${source}: NRRD byte skip ${fields.get('byte skip')} is invalid`, {
      param: source,
    });
  }
  const dataBytes = count * voxelTypeBytes(type);
  if (encoding === 'gzip' || encoding === 'gz') {
    try {
      // Bounded by what the header declares (a gzip bomb cannot exhaust memory); byte skip -1 needs it all.
      payload = gunzipSync(payload, byteSkip === -1 ? {} : { maxOutputLength: dataBytes + byteSkip });
    } catch (cause) {
      throw new TaceError('PARSE_ERROR', `${source}: corrupt gzip data (${(cause as Error).message})`, {
        param: source,
        cause,
      });
    }
  } else if (encoding !== 'raw') {
    throw new TaceError('UNSUPPORTED', `${source}: NRRD encoding "${encoding}" is not supported`, {
      remedy: 'resave the volume with raw or gzip encoding',
    });
  }
  // byte skip -1: the data are the last bytes of the (decoded) payload.
  const offset = byteSkip === -1 ? payload.length - dataBytes : byteSkip;
  const littleEndian = (fields.get('endian') ?? 'little').toLowerCase() !== 'big';
  const data = decodeVoxels(payload, Math.max(0, offset), type, count, littleEndian, source);
  return { data, size, spacing, origin, direction: directionFromColumns(columns) };
}

/** The detached data file of a header, refused when it lies outside the header's folder (unless allowed). */
function detachedPath(source: string, dataFile: string, options: ReadNrrdOptions): string {
  const folder = resolve(dirname(source));
  const path = resolve(folder, dataFile);
  const inside = relative(folder, path);
  if (options.allowDataFileOutsideFolder !== true && (inside.startsWith('..') || isAbsolute(inside))) {
    throw new TaceError(
      'IO_ERROR',
      `${source}: detached data file "${dataFile}" lies outside the header's folder ${folder}`,
      {
        param: source,
        remedy:
          'keep the data file beside the header, or pass { allowDataFileOutsideFolder: true } if you trust it',
      },
    );
  }
  return path;
}

const WRITE_TYPES: Record<VoxelType, string> = {
  int8: 'int8',
  uint8: 'uint8',
  int16: 'short',
  uint16: 'ushort',
  int32: 'int',
  uint32: 'uint',
  float32: 'float',
  float64: 'double',
};

/** Options of {@link writeNrrd}. */
export interface WriteNrrdOptions {
  /** Compress the voxel data with gzip. @default true */
  gzip?: boolean;
}

/**
 * Writes an {@link Image} as a single-file NRRD in LPS space, keeping the voxel type; atomically
 * (temporary file + rename), so a crash never leaves a partial file.
 * @example writeNrrd('mask.nrrd', mask);
 */
export function writeNrrd(path: string, image: Image, options: WriteNrrdOptions = {}): void {
  writeFileAtomic(path, formatNrrd(image, options));
}

/** The bytes {@link writeNrrd} writes. */
export function formatNrrd(image: Image, options: WriteNrrdOptions = {}): Uint8Array {
  const gzip = options.gzip ?? true;
  const d = image.direction;
  const vector = (axis: number): string =>
    `(${[d[axis]! * image.spacing[axis]!, d[3 + axis]! * image.spacing[axis]!, d[6 + axis]! * image.spacing[axis]!].join(',')})`;
  const header = [
    'NRRD0004',
    `type: ${WRITE_TYPES[voxelTypeOf(image.data)]}`,
    'dimension: 3',
    'space: left-posterior-superior',
    `sizes: ${image.size.join(' ')}`,
    `space directions: ${vector(0)} ${vector(1)} ${vector(2)}`,
    'kinds: domain domain domain',
    'endian: little',
    `encoding: ${gzip ? 'gzip' : 'raw'}`,
    `space origin: (${image.origin.join(',')})`,
    '',
    '',
  ].join('\n');
  const raw = voxelBytes(image.data);
  const body = gzip ? gzipSync(raw) : raw;
  const head = new TextEncoder().encode(header);
  const out = new Uint8Array(head.length + body.length);
  out.set(head, 0);
  out.set(body, head.length);
  return out;
}
