import type { RoiContext } from '../extract/feature-class.js';

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

/**
 * First-order (intensity histogram) statistics of the ROI voxels `values`, as PyRadiomics
 * `RadiomicsFirstOrder` (all 18 default features plus the deprecated StandardDeviation).
 *
 * With `X` the ROI intensities (N voxels), `c` = `voxelArrayShift`, `p(i)` the fraction of voxels in grey level `i`:
 * Energy = sum (X + c)^2; TotalEnergy = V_voxel * Energy; RootMeanSquared = sqrt(Energy / N);
 * Entropy = -sum p log2(p + eps) (eps = 2.2e-16); Uniformity = sum p^2; percentiles with linear
 * interpolation (numpy); Variance = population variance; Skewness = m3 / m2^1.5 and Kurtosis = m4 / m2^2
 * (population moments, NaN... PyRadiomics returns 0 when m2 = 0); RobustMeanAbsoluteDeviation over the
 * voxels between the 10th and 90th percentiles inclusive.
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
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  let energy = 0;
  let maxLevel = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sum += v;
    const shifted = v + voxelArrayShift;
    energy += shifted * shifted;
    if (levels[i]! > maxLevel) maxLevel = levels[i]!;
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
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v >= p10 && v <= p90) robustDev += Math.abs(v - robustMean);
  }
  const counts = new Float64Array(maxLevel + 1);
  for (let i = 0; i < n; i++) counts[levels[i]!]!++;
  let entropy = 0;
  let uniformity = 0;
  for (let l = 1; l <= maxLevel; l++) {
    const p = counts[l]! / n;
    if (p === 0) continue;
    entropy -= p * Math.log2(p + 2.220446049250313e-16);
    uniformity += p * p;
  }
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  return {
    Energy: energy,
    TotalEnergy: voxelVolume * energy,
    Entropy: entropy,
    Minimum: min,
    '10Percentile': p10,
    '90Percentile': p90,
    Maximum: max,
    Mean: mean,
    Median: percentileSorted(sorted, 50),
    InterquartileRange: percentileSorted(sorted, 75) - percentileSorted(sorted, 25),
    Range: max - min,
    MeanAbsoluteDeviation: absDev / n,
    RobustMeanAbsoluteDeviation: robustDev / robustCount,
    RootMeanSquared: Math.sqrt(energy / n),
    StandardDeviation: Math.sqrt(m2),
    Skewness: m2 === 0 ? 0 : m3 / m2 ** 1.5,
    Kurtosis: m2 === 0 ? 0 : m4 / (m2 * m2),
    Variance: m2,
    Uniformity: uniformity,
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
