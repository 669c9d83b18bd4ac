import { assertInteger, assertOneOf, TaceError } from '@tace/core';
import type { Image } from '../image/types.js';
import { cropArray } from '../preprocess/crop.js';
import type { BoundingBox } from '../preprocess/roi-mask.js';
import { checkFilterInput } from './filter-input.js';
import { regionImage, wholeRegion } from './filter-region.js';
import { type AxisRange, growRange, periodicPass } from './periodic-pass.js';

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
  return waveletImagesRegion(image, wholeRegion(image), options);
}

/**
 * {@link waveletImages} on `region` only: each band on `region`'s geometry (as `cropImage` places it), with
 * the values of the whole-image decomposition bit for bit. Each axis pass of each level runs only on the
 * positions the later passes and levels read (the region grown by the filter's reach per pass, periodic
 * wrap included), so the cost follows the region, not the image.
 */
export function waveletImagesRegion(
  image: Image,
  region: BoundingBox,
  options: WaveletOptions = {},
): WaveletBand[] {
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
  // volume (periodic along each axis) and crops each output back.
  const period = image.size.map((n) => (n % 2 === 0 ? n : n + 1)) as [number, number, number];
  const f = lo.length;
  const half = Math.floor(f / 2);
  const grow = (r: readonly AxisRange[]) =>
    r.map((range, a) =>
      axes.includes(a as 0 | 1 | 2) ? growRange(range, f - 1 - half, half, period[a]) : range,
    ) as [AxisRange, AxisRange, AxisRange];
  // positions each level outputs: the region for the last, what the next level reads for the others
  const levels = startLevel + level;
  const targets: [AxisRange, AxisRange, AxisRange][] = [];
  targets[levels - 1] = [0, 1, 2].map((a) => ({ lo: region.lower[a], n: region.size[a] })) as [
    AxisRange,
    AxisRange,
    AxisRange,
  ];
  for (let l = levels - 2; l >= 0; l--) targets[l] = grow(targets[l + 1]);
  let inputRanges = grow(targets[0]);
  let approximation = gatherPadded(image, inputRanges);
  const bands: WaveletBand[] = [];
  const lowKey = 'L'.repeat(axes.length);
  for (let l = 0; l < levels; l++) {
    const target = targets[l];
    // Every combination of low / high per filtered axis; key letters in x, y, z order.
    let current: { key: string; data: Float64Array }[] = [{ key: '', data: approximation }];
    const ranges = [...inputRanges] as [AxisRange, AxisRange, AxisRange];
    for (const axis of axes) {
      const next: typeof current = [];
      for (const band of current) {
        const [low, high] = periodicPass(band.data, ranges, axis, target[axis], lo, hi);
        next.push({ key: `${band.key}L`, data: low });
        next.push({ key: `${band.key}H`, data: high });
      }
      ranges[axis] = target[axis];
      current = next;
    }
    approximation = current.find((b) => b.key === lowKey)!.data;
    inputRanges = target;
    if (l < startLevel) continue;
    const prefix = l - startLevel === 0 ? 'wavelet' : `wavelet${l - startLevel + 1}`;
    const details = current.filter((b) => b.key !== lowKey).sort((a, b) => (a.key < b.key ? -1 : 1));
    for (const band of details) {
      bands.push({
        name: `${prefix}-${band.key}`,
        image: regionImage(image, region, cropToRegion(band.data, target, region)),
      });
    }
  }
  const lastPrefix = level === 1 ? 'wavelet' : `wavelet${level}`;
  bands.push({
    name: `${lastPrefix}-${lowKey}`,
    image: regionImage(image, region, cropToRegion(approximation, targets[levels - 1], region)),
  });
  return bands;
}

/**
 * The voxels of the image padded at the end of each odd axis by its voxel 0 (numpy `pad(..., 'wrap')` by
 * one), periodic, at the positions `ranges`.
 */
function gatherPadded(image: Image, ranges: readonly [AxisRange, AxisRange, AxisRange]): Float64Array {
  const [xs, ys, zs] = ranges.map((r, a) => {
    const n = image.size[a];
    const period = n % 2 === 0 ? n : n + 1;
    return Int32Array.from({ length: r.n }, (_, k) => ((((r.lo + k) % period) + period) % period) % n);
  });
  const [nx, ny] = image.size;
  const out = new Float64Array(xs.length * ys.length * zs.length);
  const data = image.data;
  for (let k = 0, v = 0; k < zs.length; k++) {
    for (let j = 0; j < ys.length; j++) {
      const row = nx * (ys[j] + ny * zs[k]);
      for (let i = 0; i < xs.length; i++, v++) out[v] = data[row + xs[i]];
    }
  }
  return out;
}

/** The voxels of `region` from a volume holding the positions `ranges` (which cover it). */
function cropToRegion(
  data: Float64Array,
  ranges: readonly [AxisRange, AxisRange, AxisRange],
  region: BoundingBox,
): Float64Array {
  const n = ranges.map((r) => r.n);
  const offset = ranges.map((r, a) => region.lower[a] - r.lo);
  if (offset.every((o, a) => o === 0 && n[a] === region.size[a])) return data;
  return cropArray(data, n as [number, number, number], offset as [number, number, number], region.size);
}
