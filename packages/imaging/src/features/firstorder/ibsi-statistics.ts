import { TaceError } from '@tace/core';

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

/** Linear-interpolation percentile (numpy's default, R type 7) of sorted values, `q` in [0, 1]. */
function percentile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * The 18 IBSI 1 intensity-based statistical features (reference manual, 3.3) of the ROI values: population
 * moments, excess kurtosis, percentiles by linear interpolation, robust mean absolute deviation over the values
 * between P10 and P90, coefficient of variation `sigma / mu`, quartile coefficient of dispersion.
 *
 * @throws {TaceError} `EMPTY_INPUT` for no value.
 * @example ibsiStatistics(Float64Array.of(1, 2, 3)).stat_mean // 2
 */
export function ibsiStatistics(values: Float64Array): Record<(typeof IBSI_STATISTIC_TAGS)[number], number> {
  const n = values.length;
  if (n === 0) throw new TaceError('EMPTY_INPUT', 'no value to summarise', { param: 'values' });
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  let energy = 0;
  for (const x of values) {
    sum += x;
    energy += x * x;
  }
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  let mad = 0;
  for (const x of values) {
    const d = x - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
    mad += Math.abs(d);
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  const median = percentile(sorted, 0.5);
  const p10 = percentile(sorted, 0.1);
  const p25 = percentile(sorted, 0.25);
  const p75 = percentile(sorted, 0.75);
  const p90 = percentile(sorted, 0.9);
  let robustSum = 0;
  let robustCount = 0;
  for (const x of values) {
    if (x >= p10 && x <= p90) {
      robustSum += x;
      robustCount++;
    }
  }
  const robustMean = robustSum / robustCount;
  let rmad = 0;
  let medad = 0;
  for (const x of values) {
    if (x >= p10 && x <= p90) rmad += Math.abs(x - robustMean);
    medad += Math.abs(x - median);
  }
  return {
    stat_mean: mean,
    stat_var: m2,
    stat_skew: m2 === 0 ? 0 : m3 / m2 ** 1.5,
    stat_kurt: m2 === 0 ? 0 : m4 / (m2 * m2) - 3,
    stat_median: median,
    stat_min: sorted[0],
    stat_p10: p10,
    stat_p90: p90,
    stat_max: sorted[n - 1],
    stat_iqr: p75 - p25,
    stat_range: sorted[n - 1] - sorted[0],
    stat_mad: mad / n,
    stat_rmad: rmad / robustCount,
    stat_medad: medad / n,
    stat_cov: Math.sqrt(m2) / mean,
    stat_qcod: (p75 - p25) / (p75 + p25),
    stat_energy: energy,
    stat_rms: Math.sqrt(energy / n),
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
