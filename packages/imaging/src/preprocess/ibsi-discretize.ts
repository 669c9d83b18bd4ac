import { assertFiniteNumber, assertInteger, TaceError } from '@tace/core';
import { MAX_BINS as MAX_GRAY_LEVEL } from './discretize.js';

/** Options of {@link ibsiDiscretize}: exactly one of `binWidth` (with `lowerBound`) or `binCount`. */
export interface IbsiDiscretizeOptions {
  /** Fixed bin size (IBSI "FBS", intensity units). */
  binWidth?: number;
  /**
   * Lower bound of the first bin for a fixed bin size: the lower end of the resegmentation range (IBSI), or
   * the ROI minimum when there is none.
   * @default the ROI minimum
   */
  lowerBound?: number;
  /** Fixed bin number (IBSI "FBN"). */
  binCount?: number;
}

/**
 * IBSI 1 discretisation (reference manual, 2.7) of the voxels inside `mask`, 0 outside:
 * fixed bin size `floor((x - lowerBound) / binWidth) + 1` (bins aligned to the lower bound, not to multiples of
 * the width as PyRadiomics), or fixed bin number `floor(binCount (x - min) / (max - min)) + 1`, the maximum
 * going to bin `binCount` (a flat ROI gives level 1).
 *
 * @throws {TaceError} `INVALID_ARGUMENT` for bad options, a voxel below `lowerBound` or more than 10^4 levels;
 *   `MISSING_VALUE` for a NaN voxel in the ROI; `EMPTY_INPUT` for an empty mask.
 * @example ibsiDiscretize(image.data, mask, { binWidth: 25, lowerBound: -500 })
 */
export function ibsiDiscretize(
  values: ArrayLike<number>,
  mask: ArrayLike<number>,
  options: IbsiDiscretizeOptions,
): { levels: Int32Array; nLevels: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let v = 0; v < values.length; v++) {
    if (mask[v] === 0) continue;
    const x = values[v];
    if (Number.isNaN(x)) {
      throw new TaceError('MISSING_VALUE', `voxel ${v} of the ROI is NaN`, {
        param: 'values',
        remedy: 'remove NaN voxels from the mask (resegmentation) before discretising',
      });
    }
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (min === Number.POSITIVE_INFINITY) {
    throw new TaceError('EMPTY_INPUT', 'the mask selects no voxel', { param: 'mask' });
  }
  const levels = new Int32Array(values.length);
  let level: (x: number) => number;
  let nLevels: number;
  if (options.binCount !== undefined) {
    const n = options.binCount;
    assertInteger(n, 'binCount', 1);
    const range = max - min;
    level = (x) => (range === 0 ? 1 : Math.min(n, Math.floor((n * (x - min)) / range) + 1));
    nLevels = n;
  } else {
    const width = options.binWidth;
    assertFiniteNumber(width, 'binWidth');
    if (width <= 0) throw new TaceError('INVALID_ARGUMENT', `binWidth must be > 0, but was ${width}`);
    const lower = options.lowerBound ?? min;
    assertFiniteNumber(lower, 'lowerBound');
    if (min < lower) {
      throw new TaceError('INVALID_ARGUMENT', `ROI voxel ${min} lies below lowerBound ${lower}`, {
        param: 'lowerBound',
        remedy: 'resegment the ROI to the range first, or lower the bound',
      });
    }
    level = (x) => Math.floor((x - lower) / width) + 1;
    nLevels = level(max);
  }
  if (nLevels > MAX_GRAY_LEVEL) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `discretisation gives ${nLevels} grey levels, more than ${MAX_GRAY_LEVEL}`,
      {
        param: 'binWidth',
        remedy: 'use a larger binWidth or a binCount',
      },
    );
  }
  for (let v = 0; v < values.length; v++) if (mask[v] !== 0) levels[v] = level(values[v]);
  return { levels, nLevels };
}
