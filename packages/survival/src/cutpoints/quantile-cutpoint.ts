import { assertInRange, isMissing, quantile, TaceError } from '@tace/core';
import { assertAscending } from '../internal/assert-ascending.js';
import type { NumericInput } from '../internal/survival-data.js';

/**
 * Cut-points at sample quantiles of `x` (R `quantile(x, probs, type = 7)`, missing values ignored): the
 * median by default; `[1/3, 2/3]` gives tertile cuts.
 * @throws {TaceError} probabilities outside (0, 1); no non-missing value.
 * @example quantileCutpoints([1, 2, 3, 4]) // Float64Array [2.5]
 */
export function quantileCutpoints(x: NumericInput, probs: readonly number[] = [0.5]): Float64Array {
  for (const p of probs) assertInRange(p, 'probs', 0, 1, { lower: true, upper: true });
  const values: number[] = [];
  for (let i = 0; i < x.length; i++) if (!isMissing(x[i])) values.push(x[i] as number);
  if (values.length === 0) {
    throw new TaceError('EMPTY_INPUT', 'x has no non-missing value', { param: 'x' });
  }
  return quantile(values, probs);
}

/** Options for {@link applyCutpoints}. */
export interface ApplyCutpointsOptions {
  /** One label per group, lowest first. @default ['low', 'high'] for one cut, else ['1', '2', ...] */
  labels?: readonly string[];
}

/**
 * Assigns each value to a group by cut-points fitted elsewhere (e.g. on the training cohort): group k when
 * cut_{k-1} < x <= cut_k (the lower group includes its cut, as `maxstat`'s estimate). Missing x -> null.
 * @throws {TaceError} cut-points not ascending; wrong number of labels.
 * @example applyCutpoints([1, 5, 9], [4]) // ['low', 'high', 'high']
 */
export function applyCutpoints(
  x: NumericInput,
  cutpoints: readonly number[],
  options: ApplyCutpointsOptions = {},
): (string | null)[] {
  assertAscending(cutpoints, 'cutpoints');
  const labels =
    options.labels ??
    (cutpoints.length === 1
      ? ['low', 'high']
      : cutpoints.map((_, k) => String(k + 1)).concat(String(cutpoints.length + 1)));
  if (labels.length !== cutpoints.length + 1) {
    throw new TaceError('LENGTH_MISMATCH', `${labels.length} labels for ${cutpoints.length + 1} groups`, {
      param: 'labels',
      remedy: 'pass one label more than there are cut-points',
    });
  }
  const out = new Array<string | null>(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (isMissing(v)) {
      out[i] = null;
      continue;
    }
    let k = 0;
    while (k < cutpoints.length && (v as number) > cutpoints[k]) k++;
    out[i] = labels[k];
  }
  return out;
}
