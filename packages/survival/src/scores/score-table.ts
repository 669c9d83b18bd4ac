import { columnNames, getColumn, rowCount, type TableLike, TaceError } from '@tace/core';
import type { ClinicalScore, PatientFields, ScoreOptions } from './types.js';

/** Options for {@link scoreTable}. */
export interface ScoreTableOptions<O extends ScoreOptions = ScoreOptions> {
  /**
   * Map from the score's field names to the table's column names, for columns named differently
   * (e.g. `{ bilirubin: 'TBIL_umol', diameter: 'Tr_Size' }`). Unmapped fields are looked up by their own name.
   */
  columns?: Record<string, string>;
  /** Options passed to the score (units, version ...). */
  scoreOptions?: O;
}

/** Result of {@link scoreTable}: one entry per row, in table order. */
export interface ScoreTableResult {
  /** Score per row (NaN where it could not be computed). */
  score: Float64Array;
  /** Grade per row (null where it could not be computed). */
  grade: (string | null)[];
  /** Number of rows whose score is missing. */
  missingCount: number;
  /** Per missing field, the number of rows that lacked it. */
  missingByField: Record<string, number>;
  /** The score's grade labels, best prognosis first. */
  grades: readonly string[];
}

/**
 * Computes a clinical score for every row of a table. A row lacking a required field gets `NaN` / `null`
 * and is counted in `missingByField`; it is never scored as zero.
 * @throws {TaceError} `COLUMN_NOT_FOUND` when a mapped column is absent; the score's own errors (with the row).
 * @example
 * ```ts
 * const result = scoreTable(clinical, albiScore, { columns: { bilirubin: 'bili', albumin: 'alb' } });
 * result.grade; // ['1', '2', null, ...]
 * ```
 */
export function scoreTable<O extends ScoreOptions>(
  table: TableLike,
  score: ClinicalScore<O>,
  options: ScoreTableOptions<O> = {},
): ScoreTableResult {
  const n = rowCount(table);
  const names = new Set(columnNames(table));
  const mapping = options.columns ?? {};
  const fieldColumns: [string, ArrayLike<unknown>][] = [];
  const mappedColumns = new Set(Object.values(mapping));
  // getColumn throws COLUMN_NOT_FOUND naming a mapped column that is absent.
  for (const [field, column] of Object.entries(mapping)) fieldColumns.push([field, getColumn(table, column)]);
  for (const name of names) {
    if (!(name in mapping) && !mappedColumns.has(name)) fieldColumns.push([name, getColumn(table, name)]);
  }
  const result: ScoreTableResult = {
    score: new Float64Array(n),
    grade: new Array<string | null>(n),
    missingCount: 0,
    missingByField: {},
    grades: score.grades,
  };
  const patient: PatientFields = {};
  for (let i = 0; i < n; i++) {
    for (const [field, values] of fieldColumns) patient[field] = values[i] as PatientFields[string];
    let row: ReturnType<ClinicalScore<O>['compute']>;
    try {
      row = score.compute(patient, options.scoreOptions);
    } catch (error) {
      if (error instanceof TaceError) {
        throw new TaceError(error.code, `${score.name}, row ${i + 1}: ${error.message}`, {
          param: error.param,
          cause: error,
        });
      }
      throw error;
    }
    result.score[i] = row.score;
    result.grade[i] = row.grade;
    if (row.grade === null) {
      result.missingCount++;
      for (const field of row.missing) result.missingByField[field] = (result.missingByField[field] ?? 0) + 1;
    }
  }
  return result;
}
