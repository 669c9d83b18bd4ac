import { type Alternative, pValueFromTails } from './alternative.js';
import { normalCdf, normalSurvival } from './distributions.js';

/**
 * p-value of a rank statistic from its exact null tails, as R's `wilcox.test`: two-sided doubles the tail
 * on the side of `centre` where the statistic lies (P(S >= s) above the centre, P(S <= s) otherwise).
 */
export function exactRankPValue(
  alternative: Alternative,
  statistic: number,
  centre: number,
  tails: { lower: number; upper: number },
): number {
  if (alternative === 'two-sided') {
    return Math.min(1, 2 * (statistic > centre ? tails.upper : tails.lower));
  }
  return alternative === 'less' ? tails.lower : tails.upper;
}

/**
 * Normal approximation of a rank statistic with R's continuity correction: z = (s - centre - c) / sigma with
 * c = sign(s - centre) / 2 (two-sided), 1/2 (greater), -1/2 (less), or 0 when `correct` is false.
 */
export function normalRankPValue(
  alternative: Alternative,
  centred: number,
  sigma: number,
  correct: boolean,
): { z: number; pValue: number } {
  const correction = !correct
    ? 0
    : alternative === 'two-sided'
      ? Math.sign(centred) * 0.5
      : alternative === 'greater'
        ? 0.5
        : -0.5;
  const z = (centred - correction) / sigma;
  return { z, pValue: pValueFromTails(alternative, normalCdf(z), normalSurvival(z)) };
}
