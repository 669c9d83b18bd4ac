import { assertInteger, assertOneOf, TaceError } from '@tace/core';
import type { Image } from '../image/types.js';
import { axisLines } from './axis-lines.js';
import { checkFilterInput, withData } from './filter-input.js';

/** Decomposition low-pass filters of the wavelets supported, as PyWavelets `Wavelet(name).dec_lo`. */
export const WAVELET_DEC_LO: Readonly<Record<string, readonly number[]>> = {
  haar: [Math.SQRT1_2, Math.SQRT1_2],
  db1: [Math.SQRT1_2, Math.SQRT1_2],
  db2: [-0.12940952255092145, 0.22414386804185735, 0.836516303737469, 0.48296291314469025],
  db3: [
    0.035226291882100656, -0.08544127388224149, -0.13501102001039084, 0.4598775021193313, 0.8068915093133388,
    0.3326705529509569,
  ],
  sym2: [-0.12940952255092145, 0.22414386804185735, 0.836516303737469, 0.48296291314469025],
  coif1: [
    -0.015655728135791993, -0.07273261951252645, 0.3848648468648578, 0.8525720202116004, 0.3378976624574818,
    -0.07273261951252645,
  ],
};

/** Wavelet names accepted by {@link waveletImages}. */
export const WAVELET_NAMES = Object.keys(WAVELET_DEC_LO);

/** Options of {@link waveletImages} (PyRadiomics `Wavelet` image type settings). */
export interface WaveletOptions {
  /** Wavelet (PyRadiomics `wavelet`): one of {@link WAVELET_NAMES}. @default 'coif1' */
  wavelet?: string;
  /** Decompositions skipped before the first one returned (PyRadiomics `start_level`). @default 0 */
  startLevel?: number;
  /** Number of levels returned (PyRadiomics `level`). @default 1 */
  level?: number;
  /** Leave the `force2Ddimension` axis unfiltered (PyRadiomics `force2D`). @default false */
  force2D?: boolean;
  /** Out-of-plane axis in numpy order (0 = z) when `force2D`. @default 0 */
  force2Ddimension?: number;
}

/** One wavelet sub-band, named as PyRadiomics names its image type (`wavelet-LLH`, `wavelet2-HLL`...). */
export interface WaveletBand {
  name: string;
  image: Image;
}

/**
 * Stationary wavelet decomposition as PyRadiomics' `Wavelet` image type (`imageoperations._swt3` on
 * PyWavelets `swtn(level=1)`): each level filters the previous approximation along x, y and z with the
 * wavelet's decomposition filters in periodic mode (`out[o] = sum_j f[j] x[(o + F/2 - j) mod N]`), an odd
 * axis being padded by wrapping one voxel and cropped back; the 7 detail bands of every returned level, then
 * the last approximation. Letters are in x, y, z order (`LLH`: low-pass in x and y, high-pass in z).
 *
 * @throws {TaceError} `INVALID_ARGUMENT` for an unknown wavelet or a bad level; `MISSING_VALUE` for NaN voxels.
 * @example waveletImages(image).map((b) => b.name) // ['wavelet-HHH', ..., 'wavelet-LLL']
 */
export function waveletImages(image: Image, options: WaveletOptions = {}): WaveletBand[] {
  const wavelet = options.wavelet ?? 'coif1';
  assertOneOf(wavelet, 'wavelet', WAVELET_NAMES);
  const startLevel = options.startLevel ?? 0;
  const level = options.level ?? 1;
  assertInteger(startLevel, 'start_level', 0);
  assertInteger(level, 'level', 1);
  checkFilterInput(image, 'wavelet');
  const lo = Float64Array.from(WAVELET_DEC_LO[wavelet]);
  const hi = Float64Array.from(lo, (_, k) => (k % 2 === 0 ? -1 : 1) * lo[lo.length - 1 - k]);
  const out2D = options.force2D === true ? 2 - (options.force2Ddimension ?? 0) : -1;
  if (out2D < -1 || out2D > 2) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `force2Ddimension must be 0, 1 or 2, but was ${options.force2Ddimension}`,
      {
        param: 'force2Ddimension',
      },
    );
  }
  const axes = [0, 1, 2].filter((a) => a !== out2D) as (0 | 1 | 2)[];
  // PyRadiomics pads odd axes once by wrapping one voxel (numpy.pad 'wrap'), runs every level on the padded
  // volume and crops each output back.
  const size = image.size.map((n) => (n % 2 === 0 ? n : n + 1)) as [number, number, number];
  let approximation = padWrap(image.data, image.size, size);
  const bands: WaveletBand[] = [];
  for (let l = 0; l < startLevel + level; l++) {
    // Every combination of low / high per filtered axis; key letters in x, y, z order.
    let current: { key: string; data: Float64Array }[] = [{ key: '', data: approximation }];
    for (const axis of axes) {
      const next: typeof current = [];
      for (const band of current) {
        const [low, high] = filterAxis(band.data, size, axis, lo, hi);
        next.push({ key: `${band.key}L`, data: low });
        next.push({ key: `${band.key}H`, data: high });
      }
      current = next;
    }
    const lowKey = 'L'.repeat(axes.length);
    approximation = current.find((b) => b.key === lowKey)!.data;
    if (l < startLevel) continue;
    const prefix = l - startLevel === 0 ? 'wavelet' : `wavelet${l - startLevel + 1}`;
    const details = current.filter((b) => b.key !== lowKey).sort((a, b) => (a.key < b.key ? -1 : 1));
    for (const band of details) {
      bands.push({
        name: `${prefix}-${band.key}`,
        image: withData(image, crop(band.data, size, image.size)),
      });
    }
  }
  const lastPrefix = level === 1 ? 'wavelet' : `wavelet${level}`;
  const lastName = `${lastPrefix}-${'L'.repeat(axes.length)}`;
  bands.push({ name: lastName, image: withData(image, crop(approximation, size, image.size)) });
  return bands;
}

/** Pads each odd axis at its end with the voxel at index 0 (numpy `pad(..., 'wrap')` by one). */
function padWrap(
  data: ArrayLike<number>,
  size: readonly [number, number, number],
  padded: readonly [number, number, number],
): Float64Array {
  const out = new Float64Array(padded[0] * padded[1] * padded[2]);
  for (let z = 0, v = 0; z < padded[2]; z++) {
    const sz = z % size[2];
    for (let y = 0; y < padded[1]; y++) {
      const sy = y % size[1];
      for (let x = 0; x < padded[0]; x++, v++) out[v] = data[(x % size[0]) + size[0] * (sy + size[1] * sz)];
    }
  }
  return out;
}

/** The `size` corner of a `padded` volume. */
function crop(
  data: Float64Array,
  padded: readonly [number, number, number],
  size: readonly [number, number, number],
): Float64Array {
  if (padded[0] === size[0] && padded[1] === size[1] && padded[2] === size[2]) return data;
  const out = new Float64Array(size[0] * size[1] * size[2]);
  for (let z = 0, v = 0; z < size[2]; z++) {
    for (let y = 0; y < size[1]; y++) {
      for (let x = 0; x < size[0]; x++, v++) out[v] = data[x + padded[0] * (y + padded[1] * z)];
    }
  }
  return out;
}

/**
 * Periodic stationary filtering of every line along `axis` (PyWavelets `swt`, level 1, periodization) by the
 * low-pass and the high-pass filter at once (one gather of each line for both outputs).
 */
function filterAxis(
  data: Float64Array,
  size: readonly [number, number, number],
  axis: 0 | 1 | 2,
  lo: Float64Array,
  hi: Float64Array,
): [Float64Array, Float64Array] {
  const { starts, stride, length: n } = axisLines(size, axis);
  const f = lo.length;
  const half = Math.floor(f / 2);
  // The line extended periodically by f voxels on both sides: no modulo in the inner loop.
  const ext = new Float64Array(n + 2 * f);
  const low = new Float64Array(data.length);
  const high = new Float64Array(data.length);
  const source = new Int32Array(n + 2 * f);
  for (let t = 0; t < n + 2 * f; t++) source[t] = ((((t - f) % n) + n) % n) * stride;
  for (const start of starts) {
    for (let t = 0; t < n + 2 * f; t++) ext[t] = data[start + source[t]];
    for (let o = 0; o < n; o++) {
      let sumLo = 0;
      let sumHi = 0;
      const base = o + half + f;
      for (let j = 0; j < f; j++) {
        const x = ext[base - j];
        sumLo += lo[j] * x;
        sumHi += hi[j] * x;
      }
      low[start + o * stride] = sumLo;
      high[start + o * stride] = sumHi;
    }
  }
  return [low, high];
}
