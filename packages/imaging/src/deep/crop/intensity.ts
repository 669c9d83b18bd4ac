import type { Normalisation } from '../model/manifest.js';

/**
 * Clips every value to the HU window `[lower, upper]`, then normalises in place: z-score
 * `(v - mean) / std` or min-max `(v - min) / (max - min)`. Returns `data`.
 *
 * @example
 * ```ts
 * windowAndNormalise(crop, [-100, 300], { method: 'minmax', min: -100, max: 300 }); // values in [0, 1]
 * ```
 */
export function windowAndNormalise(
  data: Float32Array,
  window: readonly [number, number],
  normalisation: Normalisation,
): Float32Array {
  const [lower, upper] = window;
  const shift = normalisation.method === 'zscore' ? normalisation.mean : normalisation.min;
  const scale =
    normalisation.method === 'zscore' ? 1 / normalisation.std : 1 / (normalisation.max - normalisation.min);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    const clipped = Math.min(Math.max(v, lower), upper);
    data[i] = (clipped - shift) * scale;
  }
  return data;
}
