import type { CategoricalColumn } from '@tace/core';
import { isMissing, toCategorical } from '@tace/core';

/** Values accepted as group labels: strings, numbers or booleans (null/NaN = missing). */
export type GroupInput = ArrayLike<string | number | boolean | null | undefined>;

/**
 * Encodes group labels as a factor with levels sorted as R's `factor()` (numerically when all labels are
 * numbers). Missing labels get code -1.
 */
export function toFactor(values: GroupInput, param: string, levels?: string[]): CategoricalColumn {
  const labels = new Array<string | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    labels[i] = isMissing(v) ? null : typeof v === 'string' ? v.trim() : String(v);
  }
  return toCategorical(labels, param, levels === undefined ? {} : { levels });
}
