import { TaceError } from '@tace/core';
import type { DataSet } from 'dicom-parser';
import { pointToIndex } from '../image/geometry.js';
import type { Image } from '../image/types.js';
import { numbers, parseDicomFile } from './dicom-parse.js';

/** Options of {@link readRtstruct}. */
export interface ReadRtstructOptions {
  /** ROI name (StructureSetROISequence ROIName), matched case-insensitively. @default the only ROI */
  roi?: string;
  /** Largest distance (in slices) between a contour's plane and the nearest slice centre. @default 0.25 */
  sliceTolerance?: number;
}

/** Names of the ROIs defined in an RTSTRUCT file. */
export function rtstructRoiNames(path: string): string[] {
  return roiTable(parseDicomFile(path)).map((r) => r.name);
}

function roiTable(ds: DataSet): { number: number; name: string }[] {
  return (ds.elements.x30060020?.items ?? []).map((item) => ({
    number: Number(item.dataSet?.string('x30060022')),
    name: item.dataSet?.string('x30060026') ?? '',
  }));
}

/**
 * Rasterises one ROI of a DICOM RTSTRUCT onto the grid of `reference` (the CT it was drawn on): each
 * CLOSED_PLANAR contour is mapped to continuous voxel indices, assigned to its nearest slice, and each
 * slice is filled by the even-odd rule over all its contours (so inner contours make holes); a voxel is
 * inside when its centre is. Returns a `Uint8Array` mask image (1 inside) with the reference geometry.
 *
 * Validated on the IBSI CT phantom: GTV-1 against the published NIfTI mask (Dice > 0.99, see tests).
 *
 * @throws {TaceError} `INVALID_ARGUMENT` when the ROI is not found (listing the names), `EMPTY_INPUT` when it has no contour on the grid,
 *   `GEOMETRY_MISMATCH` when a contour lies between slices.
 * @example const mask = readRtstruct('RS.dcm', ct, { roi: 'GTV-1' });
 */
export function readRtstruct(path: string, reference: Image, options: ReadRtstructOptions = {}): Image {
  const ds = parseDicomFile(path);
  if ((ds.string('x00080060') ?? '') !== 'RTSTRUCT') {
    throw new TaceError('PARSE_ERROR', `${path}: not an RTSTRUCT (Modality ${ds.string('x00080060')})`, {
      param: path,
    });
  }
  const rois = roiTable(ds);
  let chosen: { number: number; name: string } | undefined;
  if (options.roi === undefined) {
    if (rois.length !== 1) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `${path} defines ${rois.length} ROIs: ${rois.map((r) => r.name).join(', ')}`,
        {
          param: 'roi',
          remedy: 'choose one with options.roi',
        },
      );
    }
    chosen = rois[0];
  } else {
    chosen = rois.find((r) => r.name.toLowerCase() === options.roi!.toLowerCase());
    if (chosen === undefined) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `ROI "${options.roi}" is not in ${path}; ROIs: ${rois.map((r) => r.name).join(', ')}`,
        {
          param: 'roi',
        },
      );
    }
  }
  const contourItem = (ds.elements.x30060039?.items ?? []).find(
    (item) => Number(item.dataSet?.string('x30060084')) === chosen!.number,
  );
  const contours = contourItem?.dataSet?.elements.x30060040?.items ?? [];
  const [nx, ny, nz] = reference.size;
  const tolerance = options.sliceTolerance ?? 0.25;
  const perSlice = new Map<number, Float64Array[]>();
  for (const item of contours) {
    const c = item.dataSet!;
    const type = c.string('x30060042') ?? 'CLOSED_PLANAR';
    if (type !== 'CLOSED_PLANAR') continue;
    const points = numbers(c, 'x30060050') ?? [];
    const n = Math.floor(points.length / 3);
    if (n < 3) continue;
    const polygon = new Float64Array(2 * n);
    let kSum = 0;
    for (let p = 0; p < n; p++) {
      const [i, j, k] = pointToIndex(reference, [points[3 * p]!, points[3 * p + 1]!, points[3 * p + 2]!]);
      polygon[2 * p] = i;
      polygon[2 * p + 1] = j;
      kSum += k;
    }
    const kMean = kSum / n;
    const slice = Math.round(kMean);
    if (Math.abs(kMean - slice) > tolerance) {
      throw new TaceError(
        'GEOMETRY_MISMATCH',
        `${path}: a contour of "${chosen.name}" lies between slices (index ${kMean.toFixed(3)})`,
        {
          remedy: 'check that the RTSTRUCT belongs to this image series',
        },
      );
    }
    if (slice < 0 || slice >= nz) continue;
    const list = perSlice.get(slice) ?? [];
    list.push(polygon);
    perSlice.set(slice, list);
  }
  if (perSlice.size === 0) {
    throw new TaceError(
      'EMPTY_INPUT',
      `${path}: ROI "${chosen.name}" has no closed contour on the reference grid`,
      {
        param: 'roi',
      },
    );
  }
  const data = new Uint8Array(nx * ny * nz);
  const crossings: number[] = [];
  for (const [k, polygons] of perSlice) {
    for (let j = 0; j < ny; j++) {
      crossings.length = 0;
      for (const poly of polygons) {
        const n = poly.length / 2;
        for (let p = 0, q = n - 1; p < n; q = p++) {
          const yp = poly[2 * p + 1]!;
          const yq = poly[2 * q + 1]!;
          if (yp > j !== yq > j) {
            const xp = poly[2 * p]!;
            const xq = poly[2 * q]!;
            crossings.push(xp + ((j - yp) * (xq - xp)) / (yq - yp));
          }
        }
      }
      crossings.sort((a, b) => a - b);
      const row = nx * (j + ny * k);
      for (let c = 0; c + 1 < crossings.length; c += 2) {
        const from = Math.max(0, Math.ceil(crossings[c]!));
        const to = Math.min(nx - 1, Math.ceil(crossings[c + 1]!) - 1);
        for (let i = from; i <= to; i++) data[row + i] = 1;
      }
    }
  }
  return { ...reference, size: [...reference.size], data };
}
