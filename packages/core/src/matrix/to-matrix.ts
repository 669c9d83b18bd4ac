import { Matrix } from 'ml-matrix';
import { TaceError } from '../errors/tace-error.js';

/** A matrix argument: an ml-matrix `Matrix` or rows of numbers (`number[][]`, `Float64Array[]`). */
export type MatrixLike = Matrix | ArrayLike<ArrayLike<number>>;

/**
 * An ml-matrix `Matrix` from a {@link MatrixLike} (copied when given as rows), checked to be square when
 * `square` and to hold only finite numbers.
 * @throws {TaceError} `INVALID_ARGUMENT` naming the parameter, the shape or the first non-finite cell.
 */
export function toMatrix(value: MatrixLike, param = 'matrix', square = false): Matrix {
  let matrix: Matrix;
  if (value instanceof Matrix) matrix = value;
  else {
    const rows = Array.from(value, (row) => Array.from(row));
    const width = rows.length > 0 ? rows[0].length : 0;
    const ragged = rows.findIndex((row) => row.length !== width);
    if (ragged >= 0) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `row ${ragged + 1} has ${rows[ragged].length} entries, expected ${width}`,
        {
          param,
        },
      );
    }
    matrix = new Matrix(rows);
  }
  if (square && matrix.rows !== matrix.columns) {
    throw new TaceError('INVALID_ARGUMENT', `must be square, but was ${matrix.rows} x ${matrix.columns}`, {
      param,
    });
  }
  for (let i = 0; i < matrix.rows; i++) {
    for (let j = 0; j < matrix.columns; j++) {
      if (!Number.isFinite(matrix.get(i, j))) {
        throw new TaceError('INVALID_ARGUMENT', `entry [${i + 1}, ${j + 1}] is ${matrix.get(i, j)}`, {
          param,
          remedy: 'remove missing or infinite values first',
        });
      }
    }
  }
  return matrix;
}
