export type { CholeskyOptions } from './cholesky.js';
export { cholesky, choleskyDecomposition } from './cholesky.js';
export type { SolveOptions } from './solve.js';
export { inverse, solve, solveSymmetric, symmetricInverse } from './solve.js';
export type { MatrixLike } from './to-matrix.js';
export { toMatrix } from './to-matrix.js';
