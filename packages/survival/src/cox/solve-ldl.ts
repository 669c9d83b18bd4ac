import { ldlDecompose, ldlSolve } from '@tace/core/kernels';

/**
 * Solves the symmetric system `a x = b` (n x n, `a` not modified) with core's generalised Cholesky
 * (`ldlDecompose`, R survival's `cholesky2`): aliased directions get 0.
 * @returns x, and the rank of `a`.
 */
export function solveLdl(
  a: Float64Array,
  n: number,
  b: ArrayLike<number>,
  tolerance = 1e-10,
): { x: Float64Array; rank: number } {
  const m = new Float64Array(a);
  const rank = ldlDecompose(m, n, tolerance);
  const x = Float64Array.from(b);
  ldlSolve(m, n, x);
  return { x, rank };
}
