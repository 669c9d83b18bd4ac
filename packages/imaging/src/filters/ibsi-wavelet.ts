import { assertInteger, assertOneOf, TaceError } from '@tace/core';
import type { Image } from '../image/types.js';
import { checkFilterInput, withData } from './filter-input.js';
import { convolveAxisMirror } from './mirror-convolution.js';
import { WAVELET_DEC_LO, WAVELET_NAMES } from './wavelet.js';

/** Options of {@link ibsiWavelet}. */
export interface IbsiWaveletOptions {
  /** Wavelet: one of {@link WAVELET_NAMES} (PyWavelets decomposition filters). @default 'db3' */
  wavelet?: string;
  /**
   * Response map: one letter per filtered axis in x, y(, z) order, `L` low-pass or `H` high-pass (`'LLH'`;
   * two letters with `force2D`).
   * @default 'LLH'
   */
  band?: string;
  /** Decomposition level (1 = the finest): levels below it apply the all-low-pass filter. @default 1 */
  level?: number;
  /**
   * Average the response over the right-angle rotations of the grid (24 in 3D, 4 in-plane with `force2D`):
   * IBSI 2 "rotation invariance, average pooling".
   * @default false
   */
  rotationInvariant?: boolean;
  /** Filter each z slice in 2D (IBSI 2 configurations "A"). @default false */
  force2D?: boolean;
}

/** One orientation of the separable filters: per filtered axis, which band letter it gets and whether reversed. */
interface Orientation {
  letter: number[];
  flip: boolean[];
}

/** Permutations of `0..n-1` with their parity. */
function permutations(n: number): { p: number[]; odd: boolean }[] {
  if (n === 1) return [{ p: [0], odd: false }];
  const out: { p: number[]; odd: boolean }[] = [];
  for (const { p, odd } of permutations(n - 1)) {
    // Insert n - 1 at position k: (n - 1 - k) transpositions.
    for (let k = 0; k < n; k++)
      out.push({ p: [...p.slice(0, k), n - 1, ...p.slice(k)], odd: odd !== ((n - 1 - k) % 2 === 1) });
  }
  return out;
}

/** The proper right-angle rotations of `n` axes (determinant +1): 4 for 2 axes, 24 for 3. */
function rotations(n: number): Orientation[] {
  const out: Orientation[] = [];
  for (const { p, odd } of permutations(n)) {
    for (let mask = 0; mask < 1 << n; mask++) {
      const flip = Array.from({ length: n }, (_, a) => ((mask >> a) & 1) === 1);
      const flips = flip.filter(Boolean).length;
      if ((flips % 2 === 1) === odd) out.push({ letter: p, flip });
    }
  }
  return out;
}

/**
 * Undecimated separable wavelet response as the IBSI 2 reference manual defines it (section 2.6, IBSI 2
 * configurations 6.A-7.B): at level `j` the decomposition filters (PyWavelets `dec_lo` / `dec_hi`) are
 * upsampled a trous by `2^(j-1)` (zeros inserted between and after the coefficients), the levels before
 * `level` apply the low-pass filter along every axis, the last one the filters of `band`; each 1D filter is a
 * convolution `out[o] = sum_j f[j] x[o + floor(F/2) - j]` (scipy `convolve1d`) with mirror padding
 * ({@link mirrorIndex}). With `rotationInvariant`, the response is averaged over the right-angle rotations of
 * the image (each rotation permutes the axes' letters and reverses the filters of flipped axes).
 *
 * This differs from {@link waveletImages} (PyRadiomics: periodic padding, no upsampling across levels).
 *
 * @throws {TaceError} `INVALID_ARGUMENT` for an unknown wavelet, a bad band or level; `MISSING_VALUE` for NaN
 *   voxels.
 * @example ibsiWavelet(image, { wavelet: 'db3', band: 'LLH', rotationInvariant: true }).data
 */
export function ibsiWavelet(image: Image, options: IbsiWaveletOptions = {}): Image {
  const wavelet = options.wavelet ?? 'db3';
  assertOneOf(wavelet, 'wavelet', WAVELET_NAMES);
  const level = options.level ?? 1;
  assertInteger(level, 'level', 1);
  const axes = (options.force2D === true ? [0, 1] : [0, 1, 2]) as (0 | 1 | 2)[];
  const band = options.band ?? (axes.length === 2 ? 'LH' : 'LLH');
  if (band.length !== axes.length || !/^[LH]+$/.test(band)) {
    throw new TaceError('INVALID_ARGUMENT', `band must be ${axes.length} letters L or H, but was '${band}'`, {
      param: 'band',
    });
  }
  checkFilterInput(image, 'wavelet');
  const lo = WAVELET_DEC_LO[wavelet];
  const hi = lo.map((_, k) => (k % 2 === 0 ? -1 : 1) * lo[lo.length - 1 - k]);
  /** The filter of `letter` at level `j`, upsampled a trous; `reversed` for a flipped axis. */
  const filter = (letter: string, j: number, reversed: boolean): { kernel: Float64Array; center: number } => {
    const base = letter === 'L' ? lo : hi;
    const factor = 2 ** (j - 1);
    const kernel = new Float64Array(base.length * factor);
    for (let k = 0; k < base.length; k++) kernel[k * factor] = base[k];
    const center = Math.floor(kernel.length / 2);
    return reversed ? { kernel: kernel.reverse(), center: kernel.length - 1 - center } : { kernel, center };
  };
  const orientations =
    options.rotationInvariant === true
      ? rotations(axes.length)
      : [{ letter: axes.map((_, a) => a), flip: axes.map(() => false) }];
  const { size } = image;
  const input = Float64Array.from(image.data);
  const total = new Float64Array(input.length);
  for (const { letter, flip } of orientations) {
    let current: Float64Array = input;
    for (let j = 1; j <= level; j++) {
      for (let a = 0; a < axes.length; a++) {
        const { kernel, center } = filter(j < level ? 'L' : band[letter[a]], j, flip[a]);
        current = convolveAxisMirror(current, size, axes[a], kernel, center);
      }
    }
    for (let v = 0; v < total.length; v++) total[v] += current[v];
  }
  for (let v = 0; v < total.length; v++) total[v] /= orientations.length;
  return withData(image, total);
}
