import type { RoiContext } from '../base.js';
import { sortedValues } from './sorted-values.js';

/** The 18 first-order features PyRadiomics enables by default (StandardDeviation is deprecated there). */
export const FIRSTORDER_FEATURES = [
  'Energy',
  'TotalEnergy',
  'Entropy',
  'Minimum',
  '10Percentile',
  '90Percentile',
  'Maximum',
  'Mean',
  'Median',
  'InterquartileRange',
  'Range',
  'MeanAbsoluteDeviation',
  'RobustMeanAbsoluteDeviation',
  'RootMeanSquared',
  'Skewness',
  'Kurtosis',
  'Variance',
  'Uniformity',
] as const;

/** numpy `percentile(sorted, q)` with linear interpolation, on ascending `sorted`. */
export function percentileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const position = (q / 100) * (n - 1);
  const lower = Math.floor(position);
  const fraction = position - lower;
  if (lower + 1 >= n) return sorted[n - 1]!;
  return sorted[lower]! + fraction * (sorted[lower + 1]! - sorted[lower]!);
}

/** Options of {@link firstOrderStatistics}: the differences between PyRadiomics and IBSI 1 are parameters. */
export interface FirstOrderOptions {
  /**
   * Discretised grey level (1-based) of each value, for Entropy and Uniformity; `null` skips them (NaN), as
   * IBSI's intensity-based statistics do not use the discretisation. @default null
   */
  levels?: Int32Array | null;
  /** Volume of one voxel in mm^3, for TotalEnergy. @default 1 */
  voxelVolume?: number;
  /** Constant added for Energy, TotalEnergy and RootMeanSquared (PyRadiomics `voxelArrayShift`; IBSI: 0). @default 0 */
  voxelArrayShift?: number;
  /** `'pearson'` m4 / m2^2 (PyRadiomics) or `'excess'` m4 / m2^2 - 3 (IBSI). @default 'pearson' */
  kurtosis?: 'pearson' | 'excess';
}

/** The statistics of {@link firstOrderStatistics}; percentiles by linear interpolation (numpy's default). */
export interface FirstOrderStatistics {
  count: number;
  energy: number;
  totalEnergy: number;
  rootMeanSquared: number;
  entropy: number;
  uniformity: number;
  minimum: number;
  maximum: number;
  mean: number;
  median: number;
  p10: number;
  p25: number;
  p75: number;
  p90: number;
  /** Population variance (m2). */
  variance: number;
  skewness: number;
  kurtosis: number;
  meanAbsoluteDeviation: number;
  /** Mean absolute deviation from the mean of the values between P10 and P90 inclusive. */
  robustMeanAbsoluteDeviation: number;
  /** Mean absolute deviation from the median. */
  medianAbsoluteDeviation: number;
}

/**
 * First-order (intensity) statistics of the ROI values: the one kernel behind PyRadiomics' `firstorder`
 * ({@link firstOrderFeatures}) and IBSI 1's intensity-based statistics (`ibsiStatistics`), whose differences
 * are options (kurtosis as excess, no voxel shift, no discretisation).
 *
 * With `X` the values (N), `c` = `voxelArrayShift`, `p(i)` the fraction of values in grey level `i`:
 * Energy = sum (X + c)^2; TotalEnergy = voxelVolume * Energy; RootMeanSquared = sqrt(Energy / N);
 * Entropy = -sum p log2(p + eps) (eps = 2.2e-16); Uniformity = sum p^2; population moments, Skewness =
 * m3 / m2^1.5 and Kurtosis = m4 / m2^2 (0 when m2 = 0, as PyRadiomics and IBSI); the robust mean absolute
 * deviation over the values between the 10th and 90th percentiles inclusive. One sort (by counting for
 * integer intensities: {@link sortedValues}), four passes.
 *
 * @param values ROI intensities (any order), N >= 1.
 */
export function firstOrderStatistics(
  values: Float64Array,
  options: FirstOrderOptions = {},
): FirstOrderStatistics {
  const levels = options.levels ?? null;
  const voxelArrayShift = options.voxelArrayShift ?? 0;
  const n = values.length;
  const sorted = sortedValues(values);
  let sum = 0;
  let energy = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sum += v;
    const shifted = v + voxelArrayShift;
    energy += shifted * shifted;
  }
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  let absDev = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
    absDev += Math.abs(d);
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  const median = percentileSorted(sorted, 50);
  const p10 = percentileSorted(sorted, 10);
  const p90 = percentileSorted(sorted, 90);
  let robustSum = 0;
  let robustCount = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v >= p10 && v <= p90) {
      robustSum += v;
      robustCount++;
    }
  }
  const robustMean = robustSum / robustCount;
  let robustDev = 0;
  let medianDev = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v >= p10 && v <= p90) robustDev += Math.abs(v - robustMean);
    medianDev += Math.abs(v - median);
  }
  let entropy = Number.NaN;
  let uniformity = Number.NaN;
  if (levels !== null) {
    let maxLevel = 0;
    for (let i = 0; i < n; i++) if (levels[i]! > maxLevel) maxLevel = levels[i]!;
    const counts = new Float64Array(maxLevel + 1);
    for (let i = 0; i < n; i++) counts[levels[i]!]!++;
    entropy = 0;
    uniformity = 0;
    for (let l = 1; l <= maxLevel; l++) {
      const p = counts[l]! / n;
      if (p === 0) continue;
      entropy -= p * Math.log2(p + 2.220446049250313e-16);
      uniformity += p * p;
    }
  }
  const kurtosis = m2 === 0 ? 0 : m4 / (m2 * m2) - (options.kurtosis === 'excess' ? 3 : 0);
  return {
    count: n,
    energy,
    totalEnergy: (options.voxelVolume ?? 1) * energy,
    rootMeanSquared: Math.sqrt(energy / n),
    entropy,
    uniformity,
    minimum: sorted[0]!,
    maximum: sorted[n - 1]!,
    mean,
    median,
    p10,
    p25: percentileSorted(sorted, 25),
    p75: percentileSorted(sorted, 75),
    p90,
    variance: m2,
    skewness: m2 === 0 ? 0 : m3 / m2 ** 1.5,
    kurtosis,
    meanAbsoluteDeviation: absDev / n,
    robustMeanAbsoluteDeviation: robustDev / robustCount,
    medianAbsoluteDeviation: medianDev / n,
  };
}

/**
 * First-order (intensity histogram) statistics of the ROI voxels `values`, as PyRadiomics
 * `RadiomicsFirstOrder` (all 18 default features plus the deprecated StandardDeviation), by
 * {@link firstOrderStatistics} with Pearson kurtosis and the voxel shift.
 *
 * Matches PyRadiomics baselines (brain1, brain2, breast1) to 1e-6 relative.
 *
 * @param values ROI intensities (any order).
 * @param levels the discretised grey level of each value (same order), 1-based.
 * @param voxelVolume volume of one voxel in mm^3.
 * @param voxelArrayShift constant added for Energy, TotalEnergy and RootMeanSquared.
 */
export function firstOrderFeatures(
  values: Float64Array,
  levels: Int32Array,
  voxelVolume: number,
  voxelArrayShift: number,
): Record<string, number> {
  const s = firstOrderStatistics(values, { levels, voxelVolume, voxelArrayShift });
  return {
    Energy: s.energy,
    TotalEnergy: s.totalEnergy,
    Entropy: s.entropy,
    Minimum: s.minimum,
    '10Percentile': s.p10,
    '90Percentile': s.p90,
    Maximum: s.maximum,
    Mean: s.mean,
    Median: s.median,
    InterquartileRange: s.p75 - s.p25,
    Range: s.maximum - s.minimum,
    MeanAbsoluteDeviation: s.meanAbsoluteDeviation,
    RobustMeanAbsoluteDeviation: s.robustMeanAbsoluteDeviation,
    RootMeanSquared: s.rootMeanSquared,
    StandardDeviation: Math.sqrt(s.variance),
    Skewness: s.skewness,
    Kurtosis: s.kurtosis,
    Variance: s.variance,
    Uniformity: s.uniformity,
  };
}

/** The first-order {@link FeatureClass} over a {@link RoiContext}. */
export function firstOrderClass(context: RoiContext): Record<string, number> {
  const { image, mask, grayLevels, voxelCount, settings } = context;
  const values = new Float64Array(voxelCount);
  const levels = new Int32Array(voxelCount);
  let k = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 0) continue;
    values[k] = image.data[i]!;
    levels[k++] = grayLevels[i]!;
  }
  const [sx, sy, sz] = image.spacing;
  return firstOrderFeatures(values, levels, sx * sy * sz, settings.voxelArrayShift);
}
