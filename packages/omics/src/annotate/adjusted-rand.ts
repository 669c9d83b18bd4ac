import { assertSameLength } from '@tace/core';

/**
 * Adjusted Rand index of two labellings (Hubert & Arabie 1985; as R `mclust::adjustedRandIndex`): 1 for
 * identical partitions (whatever the label names), about 0 for independent ones.
 * @throws {TaceError} `LENGTH_MISMATCH` when the labellings differ in length.
 * @example adjustedRandIndex([0, 0, 1, 1], [5, 5, 2, 2]) // 1
 */
export function adjustedRandIndex(a: ArrayLike<number | string>, b: ArrayLike<number | string>): number {
  assertSameLength(['a', a], ['b', b]);
  const n = a.length;
  const table = new Map<string, number>();
  const rows = new Map<number | string, number>();
  const cols = new Map<number | string, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]}\u0000${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  }
  const pairs = (m: number): number => (m * (m - 1)) / 2;
  let index = 0;
  for (const v of table.values()) index += pairs(v);
  let sumRows = 0;
  for (const v of rows.values()) sumRows += pairs(v);
  let sumCols = 0;
  for (const v of cols.values()) sumCols += pairs(v);
  const expected = (sumRows * sumCols) / pairs(n);
  const maximum = (sumRows + sumCols) / 2;
  return maximum === expected ? 1 : (index - expected) / (maximum - expected);
}
