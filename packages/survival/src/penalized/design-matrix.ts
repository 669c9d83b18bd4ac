import type { DenseMatrix } from '@tace/core';
import { TaceError } from '@tace/core';

/**
 * Subjects (rows) by features (columns): core's column-major {@link DenseMatrix} (`data[i + j * rows]` is
 * subject `i`, feature `j`) with feature names. Column-major keeps each feature contiguous, which is what
 * coordinate descent, standardisation and ComBat walk through.
 */
export interface DesignMatrix extends DenseMatrix {
  /** Feature names (length `columns`). */
  readonly columnNames: readonly string[];
}

/**
 * What the array-level penalised-Cox and feature functions accept: a {@link DenseMatrix} (names optional:
 * `x1`, `x2`, ... when absent) or an array of rows.
 */
export type DesignInput =
  | (DenseMatrix & { readonly columnNames?: readonly string[] })
  | readonly ArrayLike<number>[];

/**
 * Converts an array of rows (`x[i][j]`: subject `i`, feature `j`) or a {@link DesignMatrix} to a checked
 * {@link DesignMatrix}. Rows are copied into a new column-major buffer; a `DesignMatrix` is returned as is
 * (its buffer is not copied) after the checks.
 *
 * @param param - name used in error messages.
 * @throws {TaceError} `INVALID_ARGUMENT` for ragged rows or a wrong buffer length, `EMPTY_INPUT` for no rows
 *   or no columns, `MISSING_VALUE` for a NaN or infinite entry (quoting its row and column).
 * @example toDesignMatrix([[1, 2], [3, 4]]).data // Float64Array [1, 3, 2, 4]
 */
export function toDesignMatrix(x: DesignInput, param = 'x'): DesignMatrix {
  const matrix = Array.isArray(x)
    ? fromRows(x, param)
    : (x as DenseMatrix & { readonly columnNames?: readonly string[] });
  const { data, rows: nRows, columns: nCols } = matrix;
  if (!(data instanceof Float64Array) || data.length !== nRows * nCols) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `${param}.data must be a Float64Array of length rows * columns = ${nRows * nCols}`,
      { param, remedy: 'store the matrix column-major: data[i + j * rows] is row i, column j' },
    );
  }
  if (nRows === 0 || nCols === 0) {
    throw new TaceError('EMPTY_INPUT', `${param} has ${nRows} rows and ${nCols} columns`, { param });
  }
  if (matrix.columnNames !== undefined && matrix.columnNames.length !== nCols) {
    throw new TaceError(
      'LENGTH_MISMATCH',
      `${param}.columnNames has ${matrix.columnNames.length} names for ${nCols} columns`,
      { param },
    );
  }
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) {
      const row = k % nRows;
      const col = Math.floor(k / nRows);
      throw new TaceError(
        'MISSING_VALUE',
        `${param} has a non-finite value (${data[k]}) at row ${row + 1}, column ${columnLabel(matrix, col)}`,
        { param, remedy: 'impute or drop incomplete subjects before fitting' },
      );
    }
  }
  if (matrix.columnNames !== undefined) return matrix as DesignMatrix;
  return {
    rows: nRows,
    columns: nCols,
    data,
    columnNames: Array.from({ length: nCols }, (_, j) => `x${j + 1}`),
  };
}

/** Name of column `j` (0-based): its name when given, else `x<j+1>`. */
export function columnLabel(matrix: { readonly columnNames?: readonly string[] }, j: number): string {
  return matrix.columnNames?.[j] ?? `x${j + 1}`;
}

function fromRows(
  rows: readonly ArrayLike<number>[],
  param: string,
): DenseMatrix & { readonly columnNames?: readonly string[] } {
  const nRows = rows.length;
  const nCols = nRows === 0 ? 0 : rows[0].length;
  const data = new Float64Array(nRows * nCols);
  for (let i = 0; i < nRows; i++) {
    const row = rows[i];
    if (row.length !== nCols) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `${param} row ${i + 1} has ${row.length} values but row 1 has ${nCols}`,
        { param, remedy: 'give every subject the same features' },
      );
    }
    for (let j = 0; j < nCols; j++) data[j * nRows + i] = Number(row[j]);
  }
  return { rows: nRows, columns: nCols, data };
}

/**
 * The columns `columns` (0-based, in the order given) of a matrix, e.g. the features kept by a filter.
 * @throws {TaceError} `INVALID_ARGUMENT` for an index out of range.
 * @example selectColumns(xz, correlationFilter(xz, score).kept)
 */
export function selectColumns(x: DesignInput, columns: ArrayLike<number>): DesignMatrix {
  const matrix = toDesignMatrix(x);
  const n = matrix.rows;
  const data = new Float64Array(n * columns.length);
  const names: string[] = [];
  for (let c = 0; c < columns.length; c++) {
    const j = columns[c];
    if (!Number.isInteger(j) || j < 0 || j >= matrix.columns) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `column index ${j} is not between 0 and ${matrix.columns - 1}`,
        {
          param: 'columns',
        },
      );
    }
    data.set(matrix.data.subarray(j * n, (j + 1) * n), c * n);
    names.push(columnLabel(matrix, j));
  }
  return { rows: n, columns: columns.length, data, columnNames: names };
}
