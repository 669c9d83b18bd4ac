export type { DenseMatrix, MatrixLike } from './dense-matrix.js';
export {
  denseMatrix,
  isDenseMatrix,
  matrixColumn,
  matrixFromRows,
  matrixGet,
  matrixToRows,
  toDenseMatrix,
  transpose,
} from './dense-matrix.js';
export type { SolveOptions } from './lu.js';
export { inverse, solve } from './lu.js';
export type { CholeskyOptions, SymmetricEigenOptions, SymmetricEigenResult } from './symmetric.js';
export { cholesky, solveSymmetric, symmetricEigen, symmetricInverse } from './symmetric.js';
