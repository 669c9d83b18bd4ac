import { TaceError } from '@tace/core';
import { firstOrderStatistics } from './firstorder.js';

/** Tags of the 18 IBSI intensity-based statistical features, as in the IBSI 2 reference table. */
export const IBSI_STATISTIC_TAGS = [
  'stat_mean',
  'stat_var',
  'stat_skew',
  'stat_kurt',
  'stat_median',
  'stat_min',
  'stat_p10',
  'stat_p90',
  'stat_max',
  'stat_iqr',
  'stat_range',
  'stat_mad',
  'stat_rmad',
  'stat_medad',
  'stat_cov',
  'stat_qcod',
  'stat_energy',
  'stat_rms',
] as const;

/**
 * The 18 IBSI 1 intensity-based statistical features (reference manual, 3.3) of the ROI values, by the
 * first-order kernel {@link firstOrderStatistics} with IBSI's conventions (excess kurtosis, no voxel shift):
 * population moments, percentiles by linear interpolation, robust mean absolute deviation over the values
 * between P10 and P90, coefficient of variation `sigma / mu`, quartile coefficient of dispersion.
 *
 * @throws {TaceError} `EMPTY_INPUT` for no value.
 * @example ibsiStatistics(Float64Array.of(1, 2, 3)).stat_mean // 2
 */
export function ibsiStatistics(values: Float64Array): Record<(typeof IBSI_STATISTIC_TAGS)[number], number> {
  if (values.length === 0) throw new TaceError('EMPTY_INPUT', 'no value to summarise', { param: 'values' });
  const s = firstOrderStatistics(values, { kurtosis: 'excess' });
  return {
    stat_mean: s.mean,
    stat_var: s.variance,
    stat_skew: s.skewness,
    stat_kurt: s.kurtosis,
    stat_median: s.median,
    stat_min: s.minimum,
    stat_p10: s.p10,
    stat_p90: s.p90,
    stat_max: s.maximum,
    stat_iqr: s.p75 - s.p25,
    stat_range: s.maximum - s.minimum,
    stat_mad: s.meanAbsoluteDeviation,
    stat_rmad: s.robustMeanAbsoluteDeviation,
    stat_medad: s.medianAbsoluteDeviation,
    stat_cov: Math.sqrt(s.variance) / s.mean,
    stat_qcod: (s.p75 - s.p25) / (s.p75 + s.p25),
    stat_energy: s.energy,
    stat_rms: s.rootMeanSquared,
  };
}

/** IBSI 1 names and codes of the {@link ibsiStatistics} values (reference manual, 3.3), by tag. */
export const IBSI_STATISTIC_FEATURES: readonly {
  tag: (typeof IBSI_STATISTIC_TAGS)[number];
  name: string;
  code: string;
}[] = [
  { tag: 'stat_mean', name: 'Mean intensity', code: 'Q4LE' },
  { tag: 'stat_var', name: 'Intensity variance', code: 'ECT3' },
  { tag: 'stat_skew', name: 'Intensity skewness', code: 'KE2A' },
  { tag: 'stat_kurt', name: '(Excess) intensity kurtosis', code: 'IPH6' },
  { tag: 'stat_median', name: 'Median intensity', code: 'Y12H' },
  { tag: 'stat_min', name: 'Minimum intensity', code: '1GSF' },
  { tag: 'stat_p10', name: '10th intensity percentile', code: 'QG58' },
  { tag: 'stat_p90', name: '90th intensity percentile', code: '8DWT' },
  { tag: 'stat_max', name: 'Maximum intensity', code: '84IY' },
  { tag: 'stat_iqr', name: 'Intensity interquartile range', code: 'SALO' },
  { tag: 'stat_range', name: 'Intensity range', code: '2OJQ' },
  { tag: 'stat_mad', name: 'Intensity-based mean absolute deviation', code: '4FUA' },
  { tag: 'stat_rmad', name: 'Intensity-based robust mean absolute deviation', code: '1128' },
  { tag: 'stat_medad', name: 'Intensity-based median absolute deviation', code: 'N72L' },
  { tag: 'stat_cov', name: 'Intensity-based coefficient of variation', code: '7TET' },
  { tag: 'stat_qcod', name: 'Intensity-based quartile coefficient of dispersion', code: '9S40' },
  { tag: 'stat_energy', name: 'Intensity-based energy', code: 'N8CA' },
  { tag: 'stat_rms', name: 'Root mean square intensity', code: '5ZWQ' },
];
