import { TaceError } from '../errors/tace-error.js';

/**
 * The toolkit's one matrix type: doubles stored **column-major**, as R, LAPACK and Fortran store them: entry
 * (i, j) is `data[i + j * rows]`, so a column is a contiguous run. Survival's design matrices and omics'
 * expression matrices (genes x samples) extend it with names.
 * @example const m = matrixFromRows([[1, 2], [3, 4]]); m.data // Float64Array [1, 3, 2, 4]
 */
export interface DenseMatrix {
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly columns: number;
  /** `rows * columns` values, column after column. */
  readonly data: Float64Array;
}

/** A matrix argument: a {@link DenseMatrix} or rows of numbers (`number[][]`, `Float64Array[]`). */
export type MatrixLike = DenseMatrix | ArrayLike<ArrayLike<number>>;

/**
 * A `rows` x `columns` {@link DenseMatrix}, zero-filled, or over `data` (column-major, not copied).
 * @throws {TaceError} `INVALID_ARGUMENT` when the sizes are not non-negative integers or `data` has the wrong length.
 * @example denseMatrix(2, 3).data.length // 6
 */
export function denseMatrix(rows: number, columns: number, data?: Float64Array): DenseMatrix {
  for (const [name, value] of [
    ['rows', rows],
    ['columns', columns],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new TaceError('INVALID_ARGUMENT', `must be a non-negative integer, but was ${value}`, {
        param: name,
      });
    }
  }
  if (data !== undefined && data.length !== rows * columns) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `has ${data.length} values but a ${rows} x ${columns} matrix needs ${rows * columns}`,
      { param: 'data' },
    );
  }
  return { rows, columns, data: data ?? new Float64Array(rows * columns) };
}

/** True when `value` is a {@link DenseMatrix} (has numeric `rows`, `columns` and a Float64Array `data`). */
export function isDenseMatrix(value: unknown): value is DenseMatrix {
  const m = value as DenseMatrix;
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.rows === 'number' &&
    typeof m.columns === 'number' &&
    m.data instanceof Float64Array
  );
}

/**
 * A {@link DenseMatrix} from rows of numbers (copied).
 * @throws {TaceError} `INVALID_ARGUMENT` for ragged rows, naming the first one of another length.
 * @example matrixFromRows([[1, 2], [3, 4]]).data // Float64Array [1, 3, 2, 4]
 */
export function matrixFromRows(rows: ArrayLike<ArrayLike<number>>, param = 'matrix'): DenseMatrix {
  const n = rows.length;
  const width = n > 0 ? rows[0].length : 0;
  const data = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (row.length !== width) {
      throw new TaceError('INVALID_ARGUMENT', `row ${i + 1} has ${row.length} entries, expected ${width}`, {
        param,
      });
    }
    for (let j = 0; j < width; j++) data[i + j * n] = row[j];
  }
  return { rows: n, columns: width, data };
}

/**
 * The rows of a matrix as plain arrays (for display, JSON and tests).
 * @example matrixToRows(matrixFromRows([[1, 2], [3, 4]])) // [[1, 2], [3, 4]]
 */
export function matrixToRows(matrix: DenseMatrix): number[][] {
  const { rows, columns, data } = matrix;
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const row = new Array<number>(columns);
    for (let j = 0; j < columns; j++) row[j] = data[i + j * rows];
    out.push(row);
  }
  return out;
}

/**
 * Column `j` as a view into the matrix's storage (no copy; writing to it writes the matrix).
 * @example matrixColumn(matrixFromRows([[1, 2], [3, 4]]), 1) // Float64Array [2, 4]
 */
export function matrixColumn(matrix: DenseMatrix, j: number): Float64Array {
  return matrix.data.subarray(j * matrix.rows, (j + 1) * matrix.rows);
}

/**
 * Entry (i, j) of a matrix.
 * @example matrixGet(matrixFromRows([[1, 2], [3, 4]]), 0, 1) // 2
 */
export function matrixGet(matrix: DenseMatrix, i: number, j: number): number {
  return matrix.data[i + j * matrix.rows];
}

/**
 * The transpose, as a new matrix.
 * @example matrixToRows(transpose(matrixFromRows([[1, 2, 3]]))) // [[1], [2], [3]]
 */
export function transpose(matrix: DenseMatrix): DenseMatrix {
  const { rows, columns, data } = matrix;
  const out = new Float64Array(rows * columns);
  for (let j = 0; j < columns; j++) {
    for (let i = 0; i < rows; i++) out[j + i * columns] = data[i + j * rows];
  }
  return { rows: columns, columns: rows, data: out };
}

/**
 * A {@link DenseMatrix} copy of a {@link MatrixLike}, checked to be square when `square` and to hold only finite
 * numbers (the argument is never modified).
 * @throws {TaceError} `INVALID_ARGUMENT` naming the parameter, the shape or the first non-finite entry.
 */
export function toDenseMatrix(value: MatrixLike, param = 'matrix', square = false): DenseMatrix {
  const matrix = isDenseMatrix(value)
    ? { rows: value.rows, columns: value.columns, data: Float64Array.from(value.data) }
    : matrixFromRows(value, param);
  if (square && matrix.rows !== matrix.columns) {
    throw new TaceError('INVALID_ARGUMENT', `must be square, but was ${matrix.rows} x ${matrix.columns}`, {
      param,
    });
  }
  const bad = matrix.data.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) {
    const i = bad % matrix.rows;
    const j = Math.floor(bad / matrix.rows);
    throw new TaceError('INVALID_ARGUMENT', `entry [${i + 1}, ${j + 1}] is ${matrix.data[bad]}`, {
      param,
      remedy: 'remove missing or infinite values first',
    });
  }
  return matrix;
}
