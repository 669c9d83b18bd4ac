import { TaceError } from '@tace/core';
import type { IbsiFeatureName } from '../morphology/morphology.js';

/** IBSI 1 local intensity features computed by {@link ibsiLocalIntensity} (reference manual, 3.2). */
export const IBSI_LOCAL_INTENSITY_FEATURES: readonly IbsiFeatureName[] = [
  { name: 'Local intensity peak', code: 'VJGA' },
  { name: 'Global intensity peak', code: '0F91' },
];

/** Radius (mm) of the 1 cm^3 sphere of the intensity peaks: `(3 / (4 pi))^(1/3)` cm. */
export const PEAK_SPHERE_RADIUS = 10 * Math.cbrt(3 / (4 * Math.PI));

/**
 * IBSI 1 local intensity features (reference manual, 3.2), keyed by IBSI code: the mean intensity of the
 * image voxels whose centres lie within a 1 cm^3 sphere ({@link PEAK_SPHERE_RADIUS}) around a voxel, over
 * the whole image (not only the ROI; voxels beyond the image border are left out). Local intensity peak
 * (VJGA): that mean around the ROI voxel(s) of highest intensity (the largest mean when several share it);
 * global intensity peak (0F91): the largest mean over all ROI voxels.
 * @throws {TaceError} `EMPTY_INPUT` when no voxel is in the ROI.
 * @example ibsiLocalIntensity(image.data, roi, image.size, image.spacing).VJGA
 */
export function ibsiLocalIntensity(
  data: ArrayLike<number>,
  roi: Uint8Array,
  size: readonly [number, number, number],
  spacing: readonly [number, number, number],
): Record<string, number> {
  const [nx, ny, nz] = size;
  const r = PEAK_SPHERE_RADIUS;
  const reach = spacing.map((s) => Math.floor(r / s + 1e-9)) as [number, number, number];
  const offsets: [number, number, number][] = [];
  for (let k = -reach[2]; k <= reach[2]; k++)
    for (let j = -reach[1]; j <= reach[1]; j++)
      for (let i = -reach[0]; i <= reach[0]; i++)
        if (Math.hypot(i * spacing[0], j * spacing[1], k * spacing[2]) <= r + 1e-9) offsets.push([i, j, k]);
  let maxIntensity = -Infinity;
  let any = false;
  for (let v = 0; v < roi.length; v++) {
    if (roi[v] !== 0) {
      any = true;
      if (data[v]! > maxIntensity) maxIntensity = data[v]!;
    }
  }
  if (!any) throw new TaceError('EMPTY_INPUT', 'no voxel in the ROI', { param: 'roi' });
  let local = -Infinity;
  let global = -Infinity;
  for (let v = 0; v < roi.length; v++) {
    if (roi[v] === 0) continue;
    const x = v % nx;
    const y = Math.floor(v / nx) % ny;
    const z = Math.floor(v / (nx * ny));
    let sum = 0;
    let count = 0;
    for (const [i, j, k] of offsets) {
      const a = x + i;
      const b = y + j;
      const c = z + k;
      if (a < 0 || a >= nx || b < 0 || b >= ny || c < 0 || c >= nz) continue;
      sum += data[a + nx * (b + ny * c)]!;
      count++;
    }
    const mean = sum / count;
    if (mean > global) global = mean;
    if (data[v] === maxIntensity && mean > local) local = mean;
  }
  return { VJGA: local, '0F91': global };
}
