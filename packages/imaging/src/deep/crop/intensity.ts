import type { Normalization } from '../model/manifest.js';

/**
 * Clips every value to the HU window `[lower, upper]`, then normalises in place: z-score
 * `(v - mean) / std` or min-max `(v - min) / (max - min)`. Returns `data`.
 *
 * @example
 * ```ts
 * windowAndNormalize(crop, [-100, 300], { method: 'minmax', min: -100, max: 300 }); // values in [0, 1]
 * ```
 */
export function windowAndNormalize(
  data: Float32Array,
  window: readonly [number, number],
  normalization: Normalization,
): Float32Array {
  const [lower, upper] = window;
  const shift = normalization.method === 'zscore' ? normalization.mean : normalization.min;
  const scale =
    normalization.method === 'zscore' ? 1 / normalization.std : 1 / (normalization.max - normalization.min);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    const clipped = Math.min(Math.max(v, lower), upper);
    data[i] = (clipped - shift) * scale;
  }
  return data;
}
