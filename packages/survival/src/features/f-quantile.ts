import { fisherFSurvival } from '@tace/core';
import { findRoot } from '@tace/core/kernels';

/**
 * Upper quantile of the F distribution: the `x` with `P(F > x) = tail` (R `qf(1 - tail, df1, df2)`), by
 * root finding on core's `fisherFSurvival`; real (non-integer) degrees of freedom allowed.
 */
export function fisherFUpperQuantile(tail: number, df1: number, df2: number): number {
  let upper = 1;
  while (fisherFSurvival(upper, df1, df2) > tail && upper < 1e300) upper *= 2;
  return findRoot((x) => fisherFSurvival(x, df1, df2) - tail, 0, upper, 1e-15);
}
