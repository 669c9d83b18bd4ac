import { assertSameLength } from '../errors/assert.js';
import { TaceError } from '../errors/tace-error.js';
import { isMissing } from '../table/missing.js';

/** A two-way table of counts, as R `table(x, y)`. */
export interface ContingencyTable {
  /** counts[i][j]: rows with x = rowLevels[i] and y = columnLevels[j]. */
  counts: number[][];
  /** Levels of x (sorted as strings, R's factor default). */
  rowLevels: string[];
  /** Levels of y (sorted as strings). */
  columnLevels: string[];
  /** Pairs dropped because x or y was missing. */
  omitted: number;
}

/**
 * Cross-tabulates two label arrays, as R `table(x, y)` after dropping incomplete pairs.
 * @throws {TaceError} `LENGTH_MISMATCH`.
 * @example contingencyTable(['a', 'b', 'a'], ['y', 'y', 'n']).counts // [[1, 1], [0, 1]]
 */
export function contingencyTable(x: ArrayLike<unknown>, y: ArrayLike<unknown>): ContingencyTable {
  assertSameLength(['x', x], ['y', y]);
  const pairs: [string, string][] = [];
  for (let i = 0; i < x.length; i++) {
    if (!isMissing(x[i]) && !isMissing(y[i])) pairs.push([String(x[i]), String(y[i])]);
  }
  const rowLevels = [...new Set(pairs.map((p) => p[0]))].sort();
  const columnLevels = [...new Set(pairs.map((p) => p[1]))].sort();
  const rowIndex = new Map(rowLevels.map((l, i) => [l, i]));
  const columnIndex = new Map(columnLevels.map((l, i) => [l, i]));
  const counts = rowLevels.map(() => new Array<number>(columnLevels.length).fill(0));
  for (const [a, b] of pairs) counts[rowIndex.get(a)!][columnIndex.get(b)!]++;
  return { counts, rowLevels, columnLevels, omitted: x.length - pairs.length };
}

/**
 * Checks a matrix of counts: rectangular, at least `minimum` rows and columns, finite and non-negative.
 * @throws {TaceError} `INVALID_ARGUMENT` naming the bad cell.
 */
export function checkCounts(counts: readonly (readonly number[])[], minimum = 2): void {
  const rows = counts.length;
  const columns = rows > 0 ? counts[0].length : 0;
  if (rows < minimum || columns < minimum) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `a table of counts needs at least ${minimum} rows and columns, but was ${rows} x ${columns}`,
      { param: 'counts' },
    );
  }
  for (let i = 0; i < rows; i++) {
    if (counts[i].length !== columns) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `row ${i + 1} has ${counts[i].length} cells, expected ${columns}`,
        {
          param: 'counts',
        },
      );
    }
    for (let j = 0; j < columns; j++) {
      const v = counts[i][j];
      if (!(v >= 0) || !Number.isFinite(v)) {
        throw new TaceError(
          'INVALID_ARGUMENT',
          `cell [${i + 1}, ${j + 1}] must be a non-negative count, but was ${v}`,
          {
            param: 'counts',
          },
        );
      }
    }
  }
}
