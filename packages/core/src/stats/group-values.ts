import { assertSameLength } from '../errors/assert.js';
import { isMissing } from '../table/missing.js';

/** Values split by group label, in order of first appearance (the order R gives `factor` levels is sorted; see `levels`). */
export interface GroupedValues {
  /** Group labels, sorted as strings (R's default factor level order for character data). */
  levels: string[];
  /** Values of each group, parallel to `levels`. */
  groups: number[][];
  /** Rows dropped because the value was NaN or the label missing. */
  omitted: number;
}

/**
 * Splits `values` by `labels` (any values; missing labels and NaN values are dropped and counted).
 * @throws {TaceError} `LENGTH_MISMATCH` when lengths differ.
 */
export function groupValues(values: ArrayLike<number>, labels: ArrayLike<unknown>): GroupedValues {
  assertSameLength(['values', values], ['groups', labels]);
  const byLevel = new Map<string, number[]>();
  let omitted = 0;
  for (let i = 0; i < values.length; i++) {
    const label = labels[i];
    if (Number.isNaN(values[i]) || isMissing(label)) {
      omitted++;
      continue;
    }
    const key = String(label);
    let bucket = byLevel.get(key);
    if (bucket === undefined) {
      bucket = [];
      byLevel.set(key, bucket);
    }
    bucket.push(values[i]);
  }
  const levels = [...byLevel.keys()].sort();
  return { levels, groups: levels.map((l) => byLevel.get(l)!), omitted };
}
