import type { CategoricalColumn } from '@tace/core';
import { isMissing, toCategorical } from '@tace/core';

/** Values accepted as group labels: strings, numbers or booleans (null/NaN = missing). */
export type GroupInput = ArrayLike<string | number | boolean | null | undefined>;

/**
 * Encodes group labels as a factor with levels sorted as R's `factor()` (numerically when all labels are
 * numbers). Missing labels get code -1. `rows`, when given, picks the rows to encode. Numeric input takes
 * a fast path without string conversion (levels are `String(value)`).
 */
export function toFactor(
  values: GroupInput,
  param: string,
  levels?: string[],
  rows?: ArrayLike<number>,
): CategoricalColumn {
  const n = rows === undefined ? values.length : rows.length;
  const at = (i: number) => values[rows === undefined ? i : rows[i]];
  if (levels === undefined && allNumbers(values, rows)) {
    const distinct = new Set<number>();
    for (let i = 0; i < n; i++) {
      const v = at(i) as number;
      if (!Number.isNaN(v)) distinct.add(v);
    }
    const sorted = Float64Array.from(distinct).sort();
    const index = new Map<number, number>();
    for (let k = 0; k < sorted.length; k++) index.set(sorted[k], k);
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const v = at(i) as number;
      codes[i] = Number.isNaN(v) ? -1 : (index.get(v) as number);
    }
    return { codes, levels: Array.from(sorted, (v) => String(v)) };
  }
  const labels = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const v = at(i);
    labels[i] = isMissing(v) ? null : typeof v === 'string' ? v.trim() : String(v);
  }
  return toCategorical(labels, param, levels === undefined ? {} : { levels });
}

function allNumbers(values: GroupInput, rows?: ArrayLike<number>): boolean {
  if (ArrayBuffer.isView(values)) return true;
  const n = rows === undefined ? values.length : rows.length;
  for (let i = 0; i < n; i++) {
    const v = values[rows === undefined ? i : rows[i]];
    if (typeof v !== 'number') return false;
  }
  return true;
}
