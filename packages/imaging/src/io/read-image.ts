import { statSync } from 'node:fs';
import { TaceError } from '@tace/core';
import type { Image } from '../image/types.js';
import { readDicomSeries } from './dicom-series.js';
import { readFileHead, readRegularFile } from './file-access.js';
import { parseNifti } from './nifti.js';
import { parseNrrd } from './nrrd.js';

/**
 * Reads a volume, choosing the format from the content: a folder is a DICOM series ({@link readDicomSeries}),
 * otherwise NRRD (magic `NRRD`), NIfTI-1/2 (`.nii`, `.nii.gz`, detected by header size), or a single DICOM
 * file (its folder's series is read).
 *
 * Only regular files and folders are opened: a device (`/dev/zero`), FIFO or socket is refused before it is
 * opened. A `.nii.gz` is checked against what its header declares before it is inflated (see `parseNifti`).
 *
 * @throws {TaceError} `IO_ERROR` when the path does not exist or is not a regular file or folder,
 *   `UNSUPPORTED` for an unknown format, and the readers' errors.
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
  const head = readFileHead(path, 132);
  if (String.fromCharCode(...head.subarray(0, 4)) === 'NRRD') return parseNrrd(readRegularFile(path), path);
  if (head.length === 132 && String.fromCharCode(...head.subarray(128, 132)) === 'DICM') {
    const folder = path.replace(/[/\\][^/\\]*$/, '') || '.';
    return readDicomSeries(folder).image;
  }
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const size = head.length >= 4 ? view.getInt32(0, true) : 0;
  const sizeBig = head.length >= 4 ? view.getInt32(0, false) : 0;
  // parseNifti inflates a .nii.gz itself, bounded by the size its header declares.
  if (gzip || [348, 540].includes(size) || [348, 540].includes(sizeBig)) {
    return parseNifti(readRegularFile(path), path);
  }
  throw new TaceError('UNSUPPORTED', `${path}: unknown image format`, {
    param: path,
    remedy: 'use NIfTI (.nii, .nii.gz), NRRD (.nrrd) or a folder of DICOM slices',
  });
}
