import { assertOneOf } from '../errors/assert.js';

/**
 * Alternative hypothesis of a test, as R's `alternative` argument (`"two.sided"` is spelled `'two-sided'`).
 * `'less'` means the first sample (or the statistic) is shifted below the null, `'greater'` above it.
 */
export type Alternative = 'two-sided' | 'less' | 'greater';

/** Validates and defaults an alternative (`'two-sided'`). */
export function checkAlternative(alternative: Alternative | undefined): Alternative {
  const value = alternative ?? 'two-sided';
  assertOneOf(value, 'alternative', ['two-sided', 'less', 'greater']);
  return value;
}

/** p-value from lower and upper tail probabilities, as R's `2 * min(lower, upper)` (capped at 1) for two-sided. */
export function pValueFromTails(alternative: Alternative, lower: number, upper: number): number {
  if (alternative === 'less') return lower;
  if (alternative === 'greater') return upper;
  return Math.min(1, 2 * Math.min(lower, upper));
}
