import { assertFiniteNumber, assertInteger, TaceError } from '@tace/core';

/** Options of {@link binEdges} / {@link discretize}. */
export interface DiscretizeOptions {
  /** Fixed bin width (PyRadiomics `binWidth`), used when `binCount` is null. @default 25 */
  binWidth?: number;
  /** Fixed number of bins (PyRadiomics `binCount`); overrides `binWidth`. @default null */
  binCount?: number | null;
  /** Largest number of bins (grey levels) allowed, checked before allocating (not a PyRadiomics setting). @default MAX_BINS (10^4) */
  maxGrayLevels?: number;
}

/**
 * Bin edges of the intensities `values` (ROI voxels), as PyRadiomics `imageoperations.getBinEdges`.
 *
 * - Fixed bin width `W`: edges are multiples of `W` from `floor(min / W) * W` (bins aligned to 0) up to
 *   past `max + W`, so that voxel `x` falls in bin `floor(x / W) - floor(min / W) + 1`. A flat region gives
 *   one bin `[min - 0.5, min + 0.5)`.
 * - Fixed bin count `N`: `N` equal bins over `[min, max]` (numpy `histogram` edges), the last edge moved
 *   up by 1 so `max` falls in bin `N`.
 *
 * @throws {TaceError} `EMPTY_INPUT` for no values; `INVALID_ARGUMENT` for a non-positive width or count, or a
 *   width giving more than {@link MAX_BINS} bins.
 * @example binEdges(Float64Array.of(54, 166), { binWidth: 25 }); // [50, 75, 100, 125, 150, 175, 200]
 */
export function binEdges(values: ArrayLike<number>, options: DiscretizeOptions = {}): Float64Array {
  if (values.length === 0) throw new TaceError('EMPTY_INPUT', 'cannot discretise an empty ROI');
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    let count = 0;
    for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) count++;
    throw new TaceError(
      'INVALID_ARGUMENT',
      `the ROI has ${count} non-finite voxel${count === 1 ? '' : 's'} (range [${min}, ${max}]), which no bin can hold`,
      { param: 'values', remedy: 'fix the image or leave the infinite voxels out of the mask' },
    );
  }
  const limit = options.maxGrayLevels ?? MAX_BINS;
  const binCount = options.binCount ?? null;
  if (binCount !== null) {
    assertInteger(binCount, 'binCount', 1);
    assertBinCount(binCount, limit);
    const edges = new Float64Array(binCount + 1);
    let lo = min;
    let hi = max;
    if (lo === hi) {
      lo -= 0.5;
      hi += 0.5;
    }
    const step = (hi - lo) / binCount;
    for (let b = 0; b <= binCount; b++) edges[b] = lo + b * step;
    edges[binCount] = hi + 1;
    return edges;
  }
  const width = options.binWidth ?? 25;
  assertFiniteNumber(width, 'binWidth');
  if (width <= 0)
    throw new TaceError('INVALID_ARGUMENT', `binWidth must be > 0, but was ${width}`, { param: 'binWidth' });
  // numpy: low = min - (min % W) with Python's floored modulo; arange(low, max + 2W, W)
  const low = min - pyMod(min, width);
  const high = max + 2 * width;
  const n = Math.max(1, Math.ceil((high - low) / width));
  if (n > limit) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `binWidth ${width} gives ${n - 1} bins over the ROI's range [${min}, ${max}]: more than ${limit}`,
      {
        param: 'binWidth',
        remedy:
          'use a larger binWidth (e.g. 25 HU for CT) or a fixed binCount; texture matrices grow with bins squared (the maxGrayLevels setting raises the limit)',
      },
    );
  }
  if (n === 1) return Float64Array.of(low - 0.5, low + 0.5);
  const edges = new Float64Array(n);
  for (let b = 0; b < n; b++) edges[b] = low + b * width;
  return edges;
}

/**
 * Largest number of bins a fixed bin width may produce. PyRadiomics has no limit; past 10^4 grey levels the
 * texture matrices (GLCM: levels^2 per angle) exhaust memory, so extraction stops with a clear error instead.
 */
export const MAX_BINS = 10_000;

/**
 * Throws unless `binCount` is at most `limit` bins, stating the memory one GLCM would need: checked before
 * any bin array is allocated (a `binCount` of 10^9 would otherwise allocate 8 GB of edges).
 * @throws {TaceError} `INVALID_ARGUMENT` naming `binCount`.
 * @example assertBinCount(64);
 */
export function assertBinCount(binCount: number, limit: number = MAX_BINS): void {
  if (binCount <= limit) return;
  const glcmBytes = binCount * binCount * 8;
  throw new TaceError(
    'INVALID_ARGUMENT',
    `binCount ${binCount} is more than the limit of ${limit} grey levels (one ${binCount} x ${binCount} texture matrix would need ${(glcmBytes / 2 ** 30).toPrecision(3)} GiB)`,
    {
      param: 'binCount',
      remedy: `use a binCount such as 16-256 (IBSI and PyRadiomics examples); to allow more raise the maxGrayLevels setting (e.g. { maxGrayLevels: ${binCount} })`,
    },
  );
}

/** Python's `%`: the result has the sign of the divisor. */
function pyMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

/**
 * numpy `digitize(x, edges)` for increasing edges: the index `i` such that `edges[i-1] <= x < edges[i]`
 * (0 below the first edge, `edges.length` at or above the last).
 */
export function digitize(x: number, edges: Float64Array): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * {@link digitize} for edges about `step` apart (PyRadiomics' are equally spaced but for the last of a
 * `binCount`): starts at the bin `x` would fall in with exactly equal spacing, then moves to the exact one,
 * so it equals `digitize` for any increasing edges; no unpredictable branch for most voxels.
 */
function digitizeNear(x: number, edges: Float64Array, step: number): number {
  const n = edges.length;
  let i = Math.floor((x - edges[0]!) / step) + 1;
  if (!(i >= 0)) i = 0;
  else if (i > n) i = n;
  while (i > 0 && edges[i - 1]! > x) i--;
  while (i < n && edges[i]! <= x) i++;
  return i;
}

/**
 * Discretises the voxels of `data` where `mask` is non-zero, as PyRadiomics `binImage`: grey level
 * `digitize(x, binEdges(roi))` (1 = lowest bin), 0 outside the mask.
 *
 * NaN voxels in the ROI have no bin: they are an error (leave them out of `mask` first, as `extractFeatures`
 * does with `nanVoxels: 'exclude'`).
 *
 * @returns the levels (`Int32Array`, same length as `data`), the edges, and the highest level present.
 * @throws {TaceError} `MISSING_VALUE` for NaN voxels in the ROI (with their count); see {@link binEdges}.
 * @example discretize(image.data, mask, { binWidth: 25 }).levels
 */
export function discretize(
  data: ArrayLike<number>,
  mask: ArrayLike<number>,
  options: DiscretizeOptions = {},
): { levels: Int32Array; edges: Float64Array; nLevels: number } {
  let count = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) count++;
  const roi = new Float64Array(count);
  count = 0;
  let nan = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 0) continue;
    const x = data[i]!;
    if (Number.isNaN(x)) nan++;
    roi[count++] = x;
  }
  if (nan > 0) {
    throw new TaceError(
      'MISSING_VALUE',
      `${nan} of the ${count} ROI voxels are NaN and cannot be discretised`,
      {
        param: 'data',
        remedy: 'leave NaN voxels out of the mask first',
      },
    );
  }
  const edges = binEdges(roi, options);
  const levels = new Int32Array(data.length);
  let nLevels = 0;
  const step = edges[1]! - edges[0]!;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 0) continue;
    const level = digitizeNear(data[i]!, edges, step);
    levels[i] = level;
    if (level > nLevels) nLevels = level;
  }
  return { levels, edges, nLevels };
}
