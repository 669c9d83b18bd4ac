import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { TaceError } from '@tace/core';
import type { Image } from '../image/types.js';
import { readDicomSeries } from './dicom-series.js';
import { parseNifti } from './nifti.js';
import { parseNrrd } from './nrrd.js';

/**
 * Reads a volume, choosing the format from the content: a folder is a DICOM series ({@link readDicomSeries}),
 * otherwise NRRD (magic `NRRD`), NIfTI-1/2 (`.nii`, `.nii.gz`, detected by header size), or a single DICOM
 * file (its folder's series is read).
 *
 * @throws {TaceError} `IO_ERROR` when the path does not exist, `UNSUPPORTED` for an unknown format, and the
 *   readers' errors.
 * @example const ct = readImage('patient01/ct.nii.gz');
 */
export function readImage(path: string): Image {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch (cause) {
    throw new TaceError('IO_ERROR', `cannot read ${path}: no such file or folder`, { param: path, cause });
  }
  if (stats.isDirectory()) return readDicomSeries(path).image;
  const head = new Uint8Array(132);
  const fd = openSync(path, 'r');
  readSync(fd, head, 0, 132, 0);
  closeSync(fd);
  if (String.fromCharCode(...head.subarray(0, 4)) === 'NRRD') return parseNrrd(readFileSync(path), path);
  if (String.fromCharCode(...head.subarray(128, 132)) === 'DICM') {
    const folder = path.replace(/[/\\][^/\\]*$/, '') || '.';
    return readDicomSeries(folder).image;
  }
  let bytes: Uint8Array = readFileSync(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = new Uint8Array(gunzipSync(bytes));
    } catch (cause) {
      throw new TaceError('PARSE_ERROR', `${path}: corrupt gzip data (${(cause as Error).message})`, {
        param: path,
        cause,
      });
    }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4));
  const size = bytes.length >= 4 ? view.getInt32(0, true) : 0;
  const sizeBig = bytes.length >= 4 ? view.getInt32(0, false) : 0;
  if ([348, 540].includes(size) || [348, 540].includes(sizeBig)) return parseNifti(bytes, path);
  throw new TaceError('UNSUPPORTED', `${path}: unknown image format`, {
    param: path,
    remedy: 'use NIfTI (.nii, .nii.gz), NRRD (.nrrd) or a folder of DICOM slices',
  });
}
