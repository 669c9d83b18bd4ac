import { TaceError } from '@tace/core';
import type { ResegmentMode } from '../settings.js';

/**
 * Resegmentation as PyRadiomics `resegmentMask`: keeps the ROI voxels whose intensity lies in the range
 * (`[lower]` = at least lower; `[lower, upper]` = closed interval). In `'relative'` mode the thresholds are
 * fractions of the ROI maximum, in `'sigma'` mode numbers of (population) standard deviations from the ROI mean.
 *
 * @throws {TaceError} `INVALID_ARGUMENT` for a range of length other than 1 or 2; `EMPTY_INPUT` when one voxel or fewer remain.
 * @example resegment(ct.data, roi, [-100, 300]) // HU window
 */
export function resegment(
  data: ArrayLike<number>,
  mask: Uint8Array,
  range: readonly number[],
  mode: ResegmentMode = 'absolute',
): Uint8Array {
  if (range.length < 1 || range.length > 2) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `resegmentRange must hold 1 or 2 values, but had ${range.length}`,
      {
        param: 'resegmentRange',
      },
    );
  }
  const sorted = [...range].sort((a, b) => a - b);
  let thresholds = sorted;
  if (mode !== 'absolute') {
    let n = 0;
    let sum = 0;
    let max = -Infinity;
    for (let i = 0; i < mask.length; i++) {
      if (mask[i] === 0) continue;
      n++;
      sum += data[i]!;
      if (data[i]! > max) max = data[i]!;
    }
    const mean = sum / n;
    if (mode === 'relative') thresholds = sorted.map((t) => t * max);
    else {
      let ss = 0;
      for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) ss += (data[i]! - mean) ** 2;
      const sd = Math.sqrt(ss / n);
      thresholds = sorted.map((t) => mean + t * sd);
    }
  }
  const lower = thresholds[0]!;
  const upper = thresholds.length === 2 ? thresholds[1]! : Infinity;
  const out = new Uint8Array(mask.length);
  let kept = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== 0 && data[i]! >= lower && data[i]! <= upper) {
      out[i] = 1;
      kept++;
    }
  }
  if (kept <= 1) {
    throw new TaceError('EMPTY_INPUT', `resegmentation kept ${kept} voxel(s); features cannot be extracted`, {
      param: 'resegmentRange',
      remedy: 'widen resegmentRange',
    });
  }
  return out;
}
