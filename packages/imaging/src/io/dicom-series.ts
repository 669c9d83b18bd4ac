import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isTaceError, TaceError } from '@tace/core';
import type { DataSet } from 'dicom-parser';
import { directionFromColumns } from '../image/geometry.js';
import type { Image } from '../image/types.js';
import { type FrameGeometry, frameGeometries } from './dicom-frames.js';
import { parseDicomFile, parserReason } from './dicom-parse.js';
import { assertReadableSyntax, frameValues, isEncapsulated } from './dicom-pixels.js';

/** Options of {@link readDicomSeries}. */
export interface ReadDicomOptions {
  /** Series to read when the folder holds several (SeriesInstanceUID). @default the only series */
  seriesInstanceUid?: string;
  /** Accept unevenly spaced slices, using their mean spacing (positions then approximate). @default false */
  allowUnevenSpacing?: boolean;
  /** Largest deviation (mm) of a slice gap from the mean gap before the spacing counts as uneven. @default 0.01 */
  spacingTolerance?: number;
  /**
   * What to do with a file that should be a slice and is not: a DICOM file (Part 10 preamble) that does not
   * parse, an image-storage file without pixel data, or pixel data shorter than Rows x Columns (a truncated
   * copy). `'error'` throws naming the file; `'skip'` leaves it out and lists it in `skipped` (the slice gap it
   * leaves is still checked). Not a GDCM/ITK option: ITK's series reader fails on such files too.
   * @default 'error'
   */
  invalidFiles?: 'error' | 'skip';
}

/** A file of the folder that should have been a slice and was left out (`invalidFiles: 'skip'`). */
export interface SkippedFile {
  /** Path of the file. */
  path: string;
  /** Why it is not a slice. */
  reason: string;
}

/** A DICOM series read into an {@link Image}, with what was found on the way. */
export interface DicomSeries {
  /** The volume in Hounsfield units (RescaleSlope/Intercept applied per slice); `Int16Array` when every value is an integer in range, else `Float32Array`. */
  image: Image;
  /** SeriesInstanceUID of the series read. */
  seriesInstanceUid: string;
  /** Files in slice order (increasing position along the slice normal); a frame of a multi-frame file as `path#frame` (1-based). */
  files: string[];
  /** Gaps (mm) between consecutive slices along the normal. */
  sliceGaps: number[];
  /** True when the gaps differ by more than `spacingTolerance` (only possible with `allowUnevenSpacing`). */
  unevenSpacing: boolean;
  /** Files that should have been slices and were left out (only with `invalidFiles: 'skip'`; else `[]`). */
  skipped: SkippedFile[];
}

interface Slice extends FrameGeometry {
  path: string;
  dataSet: DataSet;
  distance: number;
}

const IMAGE_STORAGE_EXCLUDED = new Set(['RTSTRUCT', 'RTPLAN', 'RTDOSE', 'SR', 'PR', 'SEG', 'REG', 'KO']);

/** Storage SOP classes that hold no image slice: DICOMDIR, RT objects, SR, presentation states, SEG, REG, KO, PDF. */
function isNonImageClass(uid: string): boolean {
  return (
    uid === '1.2.840.10008.1.3.10' || /^1\.2\.840\.10008\.5\.1\.4\.1\.1\.(481\.|88\.|11\.|66|104\.)/.test(uid)
  );
}

/** Image storage SOP classes whose files must carry pixel data (CT, MR, PET, NM, CR/DX, SC, US, XA and their enhanced forms). */
function isImageClass(uid: string): boolean {
  return /^1\.2\.840\.10008\.5\.1\.4\.1\.1\.(1|2|3|4|6|7|12|20|128|130)(\.|$)/.test(uid);
}

/**
 * Reads a DICOM image series (CT, MR, PET slices) from a folder into an LPS {@link Image}, as ITK/GDCM do:
 * slices sorted by ImagePositionPatient projected on the slice normal (row x column direction cosines),
 * never by InstanceNumber; origin = position of the first slice; spacing = (column spacing, row spacing,
 * slice gap); per-slice RescaleSlope/RescaleIntercept applied; signed or unsigned 8/16/32-bit pixels.
 * Enhanced multi-frame files (enhanced CT/MR) contribute one slice per frame, placed by the position,
 * orientation, pixel measures and rescale of their Per-frame (or Shared) Functional Groups, never by frame
 * order. Compressed pixel data are decoded by optional packages (`CODEC_PACKAGES`), loaded when needed.
 *
 * @throws {TaceError} `EMPTY_INPUT` for no image slices; `INVALID_ARGUMENT` when several series are present
 *   and none is chosen; `UNSUPPORTED` for transfer syntaxes without a decoder (named in the message) or
 *   differing orientations; `MISSING_DEPENDENCY` when a decoder package is not installed; `GEOMETRY_MISMATCH` for uneven slice spacing unless `allowUnevenSpacing`.
 * @example const { image } = readDicomSeries('patient01/CT'); // image.data in HU
 */
export function readDicomSeries(folder: string, options: ReadDicomOptions = {}): DicomSeries {
  let entries: string[];
  try {
    entries = readdirSync(folder)
      .map((name) => join(folder, name))
      .filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile() === true);
  } catch (cause) {
    throw new TaceError('IO_ERROR', `cannot read the DICOM folder ${folder}: ${(cause as Error).message}`, {
      param: folder,
      cause,
    });
  }
  const skipped: SkippedFile[] = [];
  const invalid = (path: string, reason: string): void => {
    if (options.invalidFiles === 'skip') {
      skipped.push({ path, reason });
      return;
    }
    throw new TaceError('PARSE_ERROR', `${path}: should be a slice of the series but ${reason}`, {
      param: path,
      remedy:
        "replace the file with a complete copy or remove it; { invalidFiles: 'skip' } reads the series without it and lists it in `skipped`",
    });
  };
  const bySeries = new Map<string, Slice[]>();
  for (const path of entries) {
    let dataSet: DataSet;
    try {
      dataSet = parseDicomFile(path);
    } catch (error) {
      // Files without the DICM preamble are not DICOM (README, DICOMDIR companions...) and are skipped; a
      // damaged DICOM file fails the series rather than silently leaving a slice out of the volume.
      if (!hasDicomPreamble(path)) continue;
      if (!isTaceError(error) || error.code !== 'PARSE_ERROR') throw error;
      invalid(path, `does not parse (${parserReason(error.cause)}): it is probably truncated or damaged`);
      continue;
    }
    const modality = dataSet.string('x00080060') ?? '';
    const sopClass = dataSet.string('x00020002') ?? dataSet.string('x00080016') ?? '';
    if (IMAGE_STORAGE_EXCLUDED.has(modality) || isNonImageClass(sopClass)) continue;
    if (dataSet.elements.x7fe00010 === undefined) {
      // An image-storage file (or one with Rows) without pixel data is a cut or damaged slice.
      if (isImageClass(sopClass) || dataSet.elements.x00280010 !== undefined) {
        invalid(path, `has no PixelData (${dataSet.byteArray.length} bytes: the file is probably truncated)`);
      }
      continue;
    }
    const problem = pixelDataProblem(dataSet);
    if (problem !== null) {
      invalid(path, problem);
      continue;
    }
    const uid = dataSet.string('x0020000e') ?? '';
    const list = bySeries.get(uid) ?? [];
    for (const frame of frameGeometries(dataSet, path)) list.push({ ...frame, path, dataSet, distance: 0 });
    bySeries.set(uid, list);
  }
  if (bySeries.size === 0) {
    throw new TaceError('EMPTY_INPUT', `${folder}: no DICOM image slices found`, { param: folder });
  }
  let uid = options.seriesInstanceUid;
  if (uid === undefined) {
    if (bySeries.size > 1) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `${folder} holds ${bySeries.size} series: ${[...bySeries.keys()].join(', ')}`,
        {
          param: 'seriesInstanceUid',
          remedy: 'choose one with options.seriesInstanceUid',
        },
      );
    }
    uid = [...bySeries.keys()][0]!;
  }
  const slices = bySeries.get(uid);
  if (slices === undefined) {
    throw new TaceError('INVALID_ARGUMENT', `series ${uid} is not in ${folder}`, {
      param: 'seriesInstanceUid',
    });
  }
  const first = slices[0]!.dataSet;
  const orientation = slices[0]!.orientation;
  const row = orientation.slice(0, 3);
  const column = orientation.slice(3, 6);
  const normal = [
    row[1]! * column[2]! - row[2]! * column[1]!,
    row[2]! * column[0]! - row[0]! * column[2]!,
    row[0]! * column[1]! - row[1]! * column[0]!,
  ];
  for (const slice of slices) {
    const o = slice.orientation;
    if (o.some((v, i) => Math.abs(v - orientation[i]!) > 1e-4)) {
      throw new TaceError(
        'UNSUPPORTED',
        `${slice.path}: ImageOrientationPatient differs from the rest of the series`,
      );
    }
    slice.distance =
      slice.position[0]! * normal[0]! + slice.position[1]! * normal[1]! + slice.position[2]! * normal[2]!;
  }
  slices.sort((a, b) => a.distance - b.distance);
  const rows = first.uint16('x00280010') ?? 0;
  const columns = first.uint16('x00280011') ?? 0;
  if (rows < 1 || columns < 1) {
    throw new TaceError(
      'PARSE_ERROR',
      `${slices[0]!.path}: Rows ${rows} x Columns ${columns} is not an image`,
      {
        param: slices[0]!.path,
      },
    );
  }
  const pixelSpacing = slices[0]!.pixelSpacing;
  const gaps = slices.slice(1).map((s, i) => s.distance - slices[i]!.distance);
  const meanGap =
    gaps.length === 0 ? (slices[0]!.thickness ?? 1) : gaps.reduce((a, b) => a + b, 0) / gaps.length;
  const tolerance = options.spacingTolerance ?? 0.01;
  const uneven = gaps.some((g) => Math.abs(g - meanGap) > tolerance);
  if (gaps.some((g) => g <= 0)) {
    throw new TaceError('GEOMETRY_MISMATCH', `${folder}: two slices share the same position`, {
      remedy:
        'the folder may mix series or hold duplicates; check SeriesInstanceUID and remove duplicate slices',
    });
  }
  if (uneven && options.allowUnevenSpacing !== true) {
    let widest = 0;
    gaps.forEach((g, i) => {
      if (Math.abs(g - meanGap) > Math.abs(gaps[widest]! - meanGap)) widest = i;
    });
    throw new TaceError(
      'GEOMETRY_MISMATCH',
      `${folder}: slices are unevenly spaced (gaps ${Math.min(...gaps).toFixed(3)} to ${Math.max(...gaps).toFixed(3)} mm; ` +
        `the gap of ${gaps[widest]!.toFixed(3)} mm lies between ${slices[widest]!.path} and ${slices[widest + 1]!.path})`,
      {
        param: folder,
        remedy:
          'a slice may be missing there; pass { allowUnevenSpacing: true } to read with the mean gap, or resample the series first',
      },
    );
  }
  const perSlice = rows * columns;
  // Check every slice's pixel data against its header before allocating the volume from Rows x Columns.
  for (const slice of slices) assertPixelDataFits(slice.dataSet, perSlice, slice.path);
  const values = new Float64Array(perSlice * slices.length);
  let integral = true;
  slices.forEach((slice, k) => {
    const ds = slice.dataSet;
    assertReadableSyntax(ds, slice.path);
    if (ds.uint16('x00280010') !== rows || ds.uint16('x00280011') !== columns) {
      throw new TaceError('UNSUPPORTED', `${slice.path}: slice size differs from the rest of the series`);
    }
    const { slope, intercept } = slice;
    if (!Number.isInteger(slope) || !Number.isInteger(intercept)) integral = false;
    const raw = frameValues(ds, perSlice, slice.path, slice.frame);
    const offset = k * perSlice;
    for (let i = 0; i < perSlice; i++) values[offset + i] = raw[i]! * slope + intercept;
  });
  let data: Image['data'];
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (integral && min >= -32768 && max <= 32767) data = Int16Array.from(values);
  else data = Float32Array.from(values);
  const image: Image = {
    data,
    size: [columns, rows, slices.length],
    spacing: [pixelSpacing[1]!, pixelSpacing[0]!, meanGap],
    origin: slices[0]!.position.slice(0, 3) as [number, number, number],
    direction: directionFromColumns([row, column, normal]),
  };
  return {
    image,
    seriesInstanceUid: uid,
    files: slices.map((s) =>
      (s.dataSet.intString('x00280008') ?? 1) > 1 ? `${s.path}#${s.frame + 1}` : s.path,
    ),
    sliceGaps: gaps,
    unevenSpacing: uneven,
    skipped,
  };
}

/** True when the file has the Part 10 preamble: `DICM` at byte 128. */
function hasDicomPreamble(path: string): boolean {
  const head = new Uint8Array(132);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return readSync(fd, head, 0, 132, 0) === 132 && String.fromCharCode(...head.subarray(128)) === 'DICM';
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Why the PixelData element of a native-syntax file cannot hold Rows x Columns pixels, or null when it can. */
function pixelDataProblem(ds: DataSet): string | null {
  const element = ds.elements.x7fe00010!;
  const inFile = element.dataOffset >= 0 && element.dataOffset + element.length <= ds.byteArray.length;
  if (!inFile) {
    return `its PixelData run past the end of the file (${ds.byteArray.length} bytes: the file is probably truncated)`;
  }
  if (isEncapsulated(ds)) return null;
  const bits = ds.uint16('x00280100') ?? 16;
  const count =
    (ds.uint16('x00280010') ?? 0) * (ds.uint16('x00280011') ?? 0) * (ds.intString('x00280008') ?? 1);
  if ([8, 16, 32].includes(bits) && element.length < (count * bits) / 8) {
    return `its PixelData hold ${element.length} bytes, expected ${(count * bits) / 8} (truncated, or Rows/Columns/BitsAllocated are wrong)`;
  }
  return null;
}

/** Throws unless the slice's pixel data hold `count` pixels of a supported width. */
function assertPixelDataFits(ds: DataSet, count: number, path: string): void {
  const bits = ds.uint16('x00280100') ?? 16;
  if (![8, 16, 32].includes(bits)) {
    throw new TaceError('UNSUPPORTED', `${path}: BitsAllocated ${bits} is not supported`, { param: path });
  }
  const element = ds.elements.x7fe00010!;
  if (!isEncapsulated(ds) && element.length < (count * bits) / 8) {
    throw new TaceError(
      'PARSE_ERROR',
      `${path}: pixel data hold ${element.length} bytes, expected ${(count * bits) / 8}`,
      { param: path, remedy: 'the file is truncated or its Rows/Columns/BitsAllocated are wrong' },
    );
  }
}
