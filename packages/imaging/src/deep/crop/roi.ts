import { TaceError } from '@tace/core';
import { indexToPoint } from '../../image/geometry.js';
import type { Image } from '../../image/types.js';

/** Which mask voxels form the ROI: a given label, or any non-zero label when `null`. */
export type RoiLabel = number | null;

/** Summary of the ROI of a mask: voxel count, index bounding box and centroid (index space). */
interface RoiIndexStats {
  count: number;
  min: [number, number, number];
  max: [number, number, number];
  centroid: [number, number, number];
}

function roiStats(mask: Image, label: RoiLabel, slice?: number): RoiIndexStats {
  const [nx, ny, nz] = mask.size;
  const data = mask.data;
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  let sumI = 0;
  let sumJ = 0;
  let sumK = 0;
  let count = 0;
  const perSlice = nx * ny;
  const start = slice === undefined ? 0 : slice * perSlice;
  const end = slice === undefined ? nx * ny * nz : start + perSlice;
  // One flat pass; index arithmetic only for ROI voxels (usually a small fraction of the volume).
  for (let o = start; o < end; o++) {
    const v = data[o];
    if (label === null ? v === 0 : v !== label) continue;
    const k = Math.floor(o / perSlice);
    const rest = o - k * perSlice;
    const j = Math.floor(rest / nx);
    const i = rest - j * nx;
    count++;
    sumI += i;
    sumJ += j;
    sumK += k;
    if (i < min[0]) min[0] = i;
    if (i > max[0]) max[0] = i;
    if (j < min[1]) min[1] = j;
    if (j > max[1]) max[1] = j;
    if (k < min[2]) min[2] = k;
    if (k > max[2]) max[2] = k;
  }
  return { count, min, max, centroid: [sumI / count, sumJ / count, sumK / count] };
}

/**
 * LPS center (mm) of the ROI: its center of mass (mean voxel position, as PyRadiomics' `CenterOfMassIndex`
 * mapped to physical space) or the center of its bounding box. With `slice`, only that axial slice (k) is used.
 *
 * @throws {TaceError} `EMPTY_INPUT` when the ROI has no voxel (in that slice).
 */
export function roiCenter(
  mask: Image,
  center: 'centroid' | 'bbox',
  label: RoiLabel = null,
  slice?: number,
): [number, number, number] {
  const stats = roiStats(mask, label, slice);
  if (stats.count === 0) {
    const which = label === null ? 'non-zero' : `label ${label}`;
    throw new TaceError(
      'EMPTY_INPUT',
      `the mask has no ${which} voxel${slice === undefined ? '' : ` in slice ${slice}`}`,
      {
        param: 'mask',
        remedy: 'check the mask file and maskLabel',
      },
    );
  }
  const index = center === 'centroid' ? stats.centroid : stats.min.map((lo, a) => (lo + stats.max[a]) / 2);
  return indexToPoint(mask, index[0], index[1], index[2]);
}

/** Number of ROI voxels in each axial slice k (index = k). */
export function roiSliceCounts(mask: Image, label: RoiLabel = null): Int32Array {
  const [nx, ny, nz] = mask.size;
  const counts = new Int32Array(nz);
  const perSlice = nx * ny;
  const data = mask.data;
  for (let k = 0; k < nz; k++) {
    let n = 0;
    for (let o = k * perSlice, end = o + perSlice; o < end; o++) {
      const v = data[o];
      if (label === null ? v !== 0 : v === label) n++;
    }
    counts[k] = n;
  }
  return counts;
}
