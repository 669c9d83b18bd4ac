import { TaceError } from '@tace/core';
import { ibsiStatistics } from '../firstorder/ibsi-statistics.js';
import type { IbsiFeatureName } from '../morphology/morphology.js';

/** IBSI 1 intensity histogram features computed by {@link ibsiIntensityHistogram} (reference manual, 3.4). */
export const IBSI_INTENSITY_HISTOGRAM_FEATURES: readonly IbsiFeatureName[] = [
  { name: 'Mean discretised intensity', code: 'X6K6' },
  { name: 'Discretised intensity variance', code: 'CH89' },
  { name: 'Discretised intensity skewness', code: '88K1' },
  { name: '(Excess) discretised intensity kurtosis', code: 'C3I7' },
  { name: 'Median discretised intensity', code: 'WIFQ' },
  { name: 'Minimum discretised intensity', code: '1PR8' },
  { name: '10th discretised intensity percentile', code: 'GPMT' },
  { name: '90th discretised intensity percentile', code: 'OZ0C' },
  { name: 'Maximum discretised intensity', code: '3NCY' },
  { name: 'Intensity histogram mode', code: 'AMMC' },
  { name: 'Discretised intensity interquartile range', code: 'WR0O' },
  { name: 'Discretised intensity range', code: '5Z3W' },
  { name: 'Intensity histogram mean absolute deviation', code: 'D2ZX' },
  { name: 'Intensity histogram robust mean absolute deviation', code: 'WRZB' },
  { name: 'Intensity histogram median absolute deviation', code: '4RNL' },
  { name: 'Intensity histogram coefficient of variation', code: 'CWYJ' },
  { name: 'Intensity histogram quartile coefficient of dispersion', code: 'SLWD' },
  { name: 'Discretised intensity entropy', code: 'TLU2' },
  { name: 'Discretised intensity uniformity', code: 'BJ5W' },
  { name: 'Maximum histogram gradient', code: '12CE' },
  { name: 'Maximum histogram gradient intensity', code: '8E6O' },
  { name: 'Minimum histogram gradient', code: 'VQB3' },
  { name: 'Minimum histogram gradient intensity', code: 'RHQZ' },
];

/**
 * IBSI 1 intensity histogram features (reference manual, 3.4) of discretised grey levels (1..`nLevels`,
 * 0 outside the ROI), keyed by IBSI code: the statistics of {@link ibsiStatistics} on the levels (percentiles
 * by linear interpolation), the mode (the lowest of equally frequent levels), entropy `-sum p log2 p`,
 * uniformity `sum p^2`, and the histogram gradient over the bins 1..`nLevels` (forward difference at the
 * first bin, backward at the last, central in between) with its extremes and where they occur (the first
 * bin reaching each).
 * @throws {TaceError} `EMPTY_INPUT` when no voxel is in the ROI.
 * @example ibsiIntensityHistogram(grid.grayLevels, nLevels).AMMC // the mode
 */
export function ibsiIntensityHistogram(
  grayLevels: ArrayLike<number>,
  nLevels?: number,
): Record<string, number> {
  let n = 0;
  let top = 0;
  for (let v = 0; v < grayLevels.length; v++) {
    const g = grayLevels[v]!;
    if (g > 0) {
      n++;
      if (g > top) top = g;
    }
  }
  if (n === 0) throw new TaceError('EMPTY_INPUT', 'no voxel in the ROI', { param: 'grayLevels' });
  const ng = Math.max(nLevels ?? top, top);
  const values = new Float64Array(n);
  const counts = new Float64Array(ng + 1);
  for (let v = 0, k = 0; v < grayLevels.length; v++) {
    const g = grayLevels[v]!;
    if (g > 0) {
      values[k++] = g;
      counts[g]!++;
    }
  }
  const s = ibsiStatistics(values);
  let mode = 1;
  let entropy = 0;
  let uniformity = 0;
  for (let g = 1; g <= ng; g++) {
    if (counts[g]! > counts[mode]!) mode = g;
    const p = counts[g]! / n;
    if (p > 0) entropy -= p * Math.log2(p);
    uniformity += p * p;
  }
  const gradient = (g: number): number => {
    if (ng === 1) return 0;
    if (g === 1) return counts[2]! - counts[1]!;
    if (g === ng) return counts[ng]! - counts[ng - 1]!;
    return (counts[g + 1]! - counts[g - 1]!) / 2;
  };
  let maxGradient = -Infinity;
  let maxAt = 1;
  let minGradient = Infinity;
  let minAt = 1;
  for (let g = 1; g <= ng; g++) {
    const d = gradient(g);
    if (d > maxGradient) {
      maxGradient = d;
      maxAt = g;
    }
    if (d < minGradient) {
      minGradient = d;
      minAt = g;
    }
  }
  return {
    X6K6: s.stat_mean,
    CH89: s.stat_var,
    '88K1': s.stat_skew,
    C3I7: s.stat_kurt,
    WIFQ: s.stat_median,
    '1PR8': s.stat_min,
    GPMT: s.stat_p10,
    OZ0C: s.stat_p90,
    '3NCY': s.stat_max,
    AMMC: mode,
    WR0O: s.stat_iqr,
    '5Z3W': s.stat_range,
    D2ZX: s.stat_mad,
    WRZB: s.stat_rmad,
    '4RNL': s.stat_medad,
    CWYJ: s.stat_cov,
    SLWD: s.stat_qcod,
    TLU2: entropy,
    BJ5W: uniformity,
    '12CE': maxGradient,
    '8E6O': maxAt,
    VQB3: minGradient,
    RHQZ: minAt,
  };
}
