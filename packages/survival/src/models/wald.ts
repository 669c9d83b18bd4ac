import { matrixToRows, symmetricInverse } from '@tace/core';

/**
 * Inverse of the square submatrix of a row-major p x p symmetric positive-definite matrix (e.g. a
 * coefficient variance) on the given rows/columns, returned row-major.
 * @throws {TaceError} `SINGULAR_MATRIX` when the submatrix is not positive definite.
 */
export function symmetricSubmatrixInverse(
  matrix: Float64Array,
  p: number,
  indices: readonly number[],
): Float64Array {
  const rows = indices.map((a) => indices.map((b) => matrix[a * p + b]));
  const inverse = symmetricInverse(rows);
  return Float64Array.from(matrixToRows(inverse).flat());
}
