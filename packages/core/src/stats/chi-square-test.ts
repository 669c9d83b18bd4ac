import { TaceError } from '../errors/tace-error.js';
import { checkCounts } from './contingency-table.js';
import { chiSquareSurvival } from './distributions.js';

/** Options of {@link chiSquareTest}. */
export interface ChiSquareTestOptions {
  /** Yates' continuity correction for 2 x 2 tables (R `correct`). @default true */
  correct?: boolean;
}

/** Result of {@link chiSquareTest}. */
export interface ChiSquareTestResult {
  /** Pearson's X^2 (Yates-corrected for a 2 x 2 table when `correct`). */
  statistic: number;
  /** (rows - 1)(columns - 1). */
  df: number;
  pValue: number;
  /** Expected counts under independence: row total x column total / n. */
  expected: number[][];
  /** Pearson residuals (observed - expected) / sqrt(expected). */
  residuals: number[][];
  /** True when some expected count is below 5 (R warns "Chi-squared approximation may be incorrect"). */
  lowExpected: boolean;
}

/**
 * Pearson's chi-square test of independence on a table of counts, as R `chisq.test(counts)` (stats 4.2.2):
 * X^2 = sum((|O - E| - Y)^2 / E), with Yates' Y = min(0.5, |O - E|) for 2 x 2 tables when `correct`, else 0.
 * Build the table from two label arrays with {@link contingencyTable}.
 * @throws {TaceError} `INVALID_ARGUMENT` for a non-rectangular table, negative counts or fewer than 2 rows or
 * columns; `EMPTY_INPUT` when all counts are zero.
 * @example chiSquareTest([[12, 5], [7, 9]]).pValue
 */
export function chiSquareTest(
  counts: readonly (readonly number[])[],
  options: ChiSquareTestOptions = {},
): ChiSquareTestResult {
  checkCounts(counts);
  const correct = options.correct ?? true;
  const rows = counts.length;
  const columns = counts[0].length;
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: columns }, (_, j) => counts.reduce((a, row) => a + row[j], 0));
  const n = rowTotals.reduce((a, b) => a + b, 0);
  if (n === 0) throw new TaceError('EMPTY_INPUT', 'all counts are zero', { param: 'counts' });
  const expected = rowTotals.map((r) => columnTotals.map((c) => (r * c) / n));
  let yates = 0;
  if (correct && rows === 2 && columns === 2) {
    yates = 0.5;
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 2; j++) yates = Math.min(yates, Math.abs(counts[i][j] - expected[i][j]));
  }
  let statistic = 0;
  let lowExpected = false;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const e = expected[i][j];
      const d = Math.abs(counts[i][j] - e) - yates;
      statistic += (d * d) / e;
      if (e < 5) lowExpected = true;
    }
  }
  const df = (rows - 1) * (columns - 1);
  const residuals = counts.map((row, i) =>
    row.map((o, j) => (o - expected[i][j]) / Math.sqrt(expected[i][j])),
  );
  return { statistic, df, pValue: chiSquareSurvival(statistic, df), expected, residuals, lowExpected };
}
