import { TaceError } from '@tace/core';
import type { IbsiFeatureName } from '../morphology/morphology.js';

/**
 * IBSI 1 intensity-volume histogram features computed by {@link ibsiIntensityVolumeHistogram} (reference
 * manual, 3.5), in its order; `fraction` is the 10% or 90% parameter (the IBSI tables repeat the name).
 */
export const IBSI_INTENSITY_VOLUME_FEATURES: readonly (IbsiFeatureName & { key: string })[] = [
  { key: 'V10', name: 'Volume at intensity fraction', code: 'BC2M' },
  { key: 'V90', name: 'Volume at intensity fraction', code: 'BC2M' },
  { key: 'I10', name: 'Intensity at volume fraction', code: 'GBPN' },
  { key: 'I90', name: 'Intensity at volume fraction', code: 'GBPN' },
  { key: 'V10minusV90', name: 'Volume fraction difference between intensity fractions', code: 'DDTU' },
  { key: 'I10minusI90', name: 'Intensity fraction difference between volume fractions', code: 'CNV2' },
];

/** The intensity grid of an intensity-volume histogram: `min, min + step, ..., max`. */
export interface IvhGrid {
  /** Lowest intensity (the resegmentation lower bound, or the lowest discretised value). */
  min: number;
  /** Highest intensity (the resegmentation upper bound, or the highest discretised value). */
  max: number;
  /** Spacing of the intensities (1 for grey levels and integer HU; the bin size for a fixed bin size). */
  step: number;
}

/**
 * IBSI 1 intensity-volume histogram features (reference manual, 3.5) of the ROI `values` (already discretised
 * or, for CT, integer intensities), keyed `V10`, `V90`, `I10`, `I90`, `V10minusV90`, `I10minusI90`.
 * On the intensities `i` of `grid`, the volume fraction is `f(i)` = share of voxels with value >= i and the
 * intensity fraction `(i - min) / (max - min)`. `Vx` = `f` at the first intensity whose fraction is >= x;
 * `Ix` = the first intensity with `f(i) <= x`.
 * @throws {TaceError} `EMPTY_INPUT` for no value; `INVALID_ARGUMENT` for a grid with `max <= min` or `step <= 0`.
 * @example ibsiIntensityVolumeHistogram(levels, { min: 1, max: 32, step: 1 }).V10
 */
export function ibsiIntensityVolumeHistogram(values: Float64Array, grid: IvhGrid): Record<string, number> {
  const n = values.length;
  if (n === 0) throw new TaceError('EMPTY_INPUT', 'no value in the ROI', { param: 'values' });
  const { min, max, step } = grid;
  if (!(max > min) || !(step > 0)) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `the IVH grid needs max > min and step > 0 (got ${min}, ${max}, ${step})`,
      {
        param: 'grid',
      },
    );
  }
  const bins = Math.round((max - min) / step) + 1;
  const counts = new Float64Array(bins + 1);
  for (let v = 0; v < n; v++) {
    const b = Math.min(Math.max(Math.round((values[v]! - min) / step), 0), bins - 1);
    counts[b]!++;
  }
  // atLeast[b] = share of voxels with value >= min + b step
  const atLeast = new Float64Array(bins + 1);
  for (let b = bins - 1; b >= 0; b--) atLeast[b] = atLeast[b + 1]! + counts[b]! / n;
  const volumeAt = (x: number): number => {
    for (let b = 0; b < bins; b++) if ((b * step) / (max - min) >= x - 1e-12) return atLeast[b]!;
    return 0;
  };
  const intensityAt = (x: number): number => {
    for (let b = 0; b < bins; b++) if (atLeast[b]! <= x + 1e-12) return min + b * step;
    return max;
  };
  const v10 = volumeAt(0.1);
  const v90 = volumeAt(0.9);
  const i10 = intensityAt(0.1);
  const i90 = intensityAt(0.9);
  return { V10: v10, V90: v90, I10: i10, I90: i90, V10minusV90: v10 - v90, I10minusI90: i10 - i90 };
}
