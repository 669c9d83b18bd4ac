import { assertSameLength, TaceError } from '@tace/core';

/** Batch labels coded 0..B-1 with their level names. */
export interface BatchCoding {
  /** Level names, sorted (numerically when every label is a number, as an R factor of numbers). */
  levels: string[];
  /** Level of each subject. */
  code: Int32Array;
  /** Subjects per level. */
  counts: Int32Array;
}

/**
 * Codes batch labels as an R factor does: levels are the sorted distinct labels.
 * @throws {TaceError} `MISSING_VALUE` for a missing label; `LENGTH_MISMATCH` when `n` differs.
 */
export function codeBatches(batch: ArrayLike<string | number>, n: number): BatchCoding {
  assertSameLength(['batch', batch], ['rows of x', { length: n }]);
  const labels = Array.from(batch, (b, i) => {
    if (b === null || b === undefined || (typeof b === 'number' && Number.isNaN(b))) {
      throw new TaceError('MISSING_VALUE', `batch is missing for subject ${i + 1}`, { param: 'batch' });
    }
    return String(b);
  });
  const distinct = [...new Set(labels)];
  const numeric = distinct.every((l) => l.trim() !== '' && Number.isFinite(Number(l)));
  distinct.sort(numeric ? (a, b) => Number(a) - Number(b) : undefined);
  const position = new Map(distinct.map((l, k) => [l, k]));
  const code = Int32Array.from(labels, (l) => position.get(l) as number);
  const counts = new Int32Array(distinct.length);
  for (const c of code) counts[c]++;
  return { levels: distinct, code, counts };
}
