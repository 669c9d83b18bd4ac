import { type RandomSource, randomNormal, toRng } from '@tace/core';

/** Which part of a phantom a voxel lies in. */
export type PhantomRegion = 'background' | 'tumor' | 'core';

/** A noise source for synthetic images: called once per voxel, in storage order (i fastest). */
export type VoxelNoise = (region: PhantomRegion, i: number, j: number, k: number) => number;

/** Options of {@link normalNoise}. */
export interface NormalNoiseOptions {
  /** Standard deviation outside the tumor. @default 1 */
  sd?: number;
  /** Standard deviation inside the tumor (its core included). @default sd */
  tumorSd?: number;
}

/**
 * Gaussian voxel noise from core's seeded RNG: one `randomNormal(rng, 0, sd)` per voxel, with a separate
 * standard deviation inside the tumor.
 *
 * @param source - a seed or an {@link Rng} (share one Rng to continue a stream across images).
 * @example
 * ```ts
 * const noise = normalNoise(7, { sd: 10, tumorSd: 18 });
 * const { image } = tumorPhantom({ size: [64, 64, 24], center: [32, 30, 12], radius: 14, noise });
 * ```
 */
export function normalNoise(source: RandomSource, options: NormalNoiseOptions = {}): VoxelNoise {
  const rng = toRng(source);
  const sd = options.sd ?? 1;
  const tumorSd = options.tumorSd ?? sd;
  return (region) => randomNormal(rng, 0, region === 'background' ? sd : tumorSd);
}

/** Options of {@link lcgNoise}. */
export interface LcgNoiseOptions {
  /** Uniform noise on [-amplitude / 2, amplitude / 2). Ignored when `integerBits` is set. @default 1 */
  amplitude?: number;
  /** Return the top `integerBits` bits of the state instead: integers 0 ... 2^bits - 1. */
  integerBits?: number;
}

/**
 * A fast 32-bit linear congruential noise stream (Numerical Recipes' `ranqd1`: `s = 1664525 s + 1013904223
 * mod 2^32`; a zero seed becomes 1), the generator of the earliest imaging tests and benchmarks. It is kept
 * so that their volumes stay bit-identical; new code should use {@link normalNoise} (core's RNG).
 *
 * @example
 * ```ts
 * const noise = lcgNoise(1, { amplitude: 20 }); // uniform on [-10, 10)
 * noise('background', 0, 0, 0);
 * ```
 */
export function lcgNoise(seed: number, options: LcgNoiseOptions = {}): VoxelNoise {
  let state = seed >>> 0 || 1;
  const bits = options.integerBits;
  const amplitude = options.amplitude ?? 1;
  if (bits !== undefined) {
    const shift = 32 - bits;
    return () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state >>> shift;
    };
  }
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return amplitude * (state / 4294967296 - 0.5);
  };
}
