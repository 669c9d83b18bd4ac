import { completeCases, getColumn, type MissingPolicy, type TableLike, TaceError } from '@tace/core';
import type { DesignMatrix } from './design-matrix.js';

/** Options of {@link designFromTable}. */
export interface DesignFromTableOptions {
  /** Rows with a missing value in a used column: `'error'` (default) or `'omit'` (counted). */
  missing?: MissingPolicy;
}

/** Result of {@link designFromTable}. */
export interface DesignFromTable {
  matrix: DesignMatrix;
  /** Table rows (0-based) kept, in order: row `i` of the matrix is table row `rows[i]`. */
  rows: Int32Array;
  omitted: number;
}

/**
 * The column-major {@link DesignMatrix} of named numeric columns of a feature table (Arrow table, object
 * of columns or data frame), e.g. every `original_*` and `dl_*` column of a radiomics table.
 * @throws {TaceError} `COLUMN_NOT_FOUND` for an absent column; `MISSING_VALUE` under `missing: 'error'`;
 *   `INVALID_ARGUMENT` for a non-numeric value.
 * @example designFromTable(features, names.filter((c) => c.startsWith('original_'))).matrix
 */
export function designFromTable(
  table: TableLike,
  columns: readonly string[],
  options: DesignFromTableOptions = {},
): DesignFromTable {
  const { rows, omitted } = completeCases(table, columns, options.missing ?? 'error');
  const n = rows.length;
  const data = new Float64Array(n * columns.length);
  columns.forEach((name, j) => {
    const column = getColumn(table, name);
    for (let i = 0; i < n; i++) {
      const v = column[rows[i]];
      if (typeof v !== 'number') {
        throw new TaceError(
          'INVALID_ARGUMENT',
          `column '${name}' is not numeric at row ${rows[i] + 1} (${String(v)})`,
          {
            param: `column '${name}'`,
            remedy: 'dummy-code categorical features before building the design matrix',
          },
        );
      }
      data[j * n + i] = v;
    }
  });
  return { matrix: { data, rows: n, columns: columns.length, columnNames: [...columns] }, rows, omitted };
}
