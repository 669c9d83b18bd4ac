import { assertInRange, assertInteger } from '../errors/assert.js';
import { TaceError } from '../errors/tace-error.js';
import { type Alternative, checkAlternative } from './alternative.js';
import { checkCounts } from './contingency-table.js';
import { findRoot } from './find-root.js';
import { logGamma } from './special-functions.js';

/** Options of {@link fisherExactTest}. */
export interface FisherExactTestOptions {
  /** Alternative hypothesis on the odds ratio (R `alternative`). @default 'two-sided' */
  alternative?: Alternative;
  /** Confidence level of the interval for the odds ratio (R `conf.level`). @default 0.95 */
  confLevel?: number;
}

/** Result of {@link fisherExactTest}. */
export interface FisherExactTestResult {
  pValue: number;
  /** Conditional maximum-likelihood estimate of the odds ratio (R's `estimate`; not the sample a d / b c). */
  oddsRatio: number;
  /** Exact conditional confidence interval for the odds ratio. */
  confidenceInterval: [number, number];
}

/**
 * Fisher's exact test on a 2 x 2 table [[a, b], [c, d]], as R `fisher.test(matrix(c(a, c, b, d), 2))` (stats
 * 4.2.2): conditional on the margins, a follows a (non-central) hypergeometric distribution. Two-sided p sums
 * the probabilities of tables no more likely than the observed one (relative tolerance 1e-7, as R). The odds
 * ratio is the conditional MLE and the interval inverts the one-sided tests. Null odds ratio 1.
 * @throws {TaceError} `INVALID_ARGUMENT` for a table that is not 2 x 2 with non-negative integer counts.
 * @example fisherExactTest([[3, 1], [1, 3]]).pValue // 0.4857142857142857
 */
export function fisherExactTest(
  counts: readonly (readonly number[])[],
  options: FisherExactTestOptions = {},
): FisherExactTestResult {
  checkCounts(counts);
  if (counts.length !== 2 || counts[0].length !== 2) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `need a 2 x 2 table, but was ${counts.length} x ${counts[0].length}`,
      {
        param: 'counts',
        remedy: 'larger tables are not supported yet; use chiSquareTest',
      },
    );
  }
  for (const row of counts) for (const v of row) assertInteger(v, 'counts', 0);
  const alternative = checkAlternative(options.alternative);
  const confLevel = options.confLevel ?? 0.95;
  assertInRange(confLevel, 'confLevel', 0, 1);
  const x = counts[0][0];
  const m = counts[0][0] + counts[1][0]; // first column total
  const n = counts[0][1] + counts[1][1]; // second column total
  const k = counts[0][0] + counts[0][1]; // first row total
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const size = hi - lo + 1;
  const logCounts = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const s = lo + i;
    logCounts[i] = logChoose(m, s) + logChoose(n, k - s);
  }
  const weights = new Float64Array(size);
  /** Non-central hypergeometric probabilities for odds ratio `ncp` (normalised). */
  const density = (ncp: number): Float64Array => {
    const logNcp = Math.log(ncp);
    let max = -Infinity;
    for (let i = 0; i < size; i++) {
      weights[i] = logCounts[i] + logNcp * (lo + i);
      if (weights[i] > max) max = weights[i];
    }
    let total = 0;
    for (let i = 0; i < size; i++) {
      weights[i] = Math.exp(weights[i] - max);
      total += weights[i];
    }
    for (let i = 0; i < size; i++) weights[i] /= total;
    return weights;
  };
  const meanAt = (ncp: number): number => {
    if (ncp === 0) return lo;
    if (ncp === Infinity) return hi;
    const d = density(ncp);
    let sum = 0;
    for (let i = 0; i < size; i++) sum += (lo + i) * d[i];
    return sum;
  };
  /** P(X <= x) or P(X >= x) under odds ratio ncp. */
  const tail = (ncp: number, upper: boolean): number => {
    if (ncp === 0) return upper ? Number(x <= lo) : Number(x >= lo);
    if (ncp === Infinity) return upper ? Number(x <= hi) : Number(x >= hi);
    const d = density(ncp);
    let sum = 0;
    for (let i = 0; i < size; i++) if (upper ? lo + i >= x : lo + i <= x) sum += d[i];
    return Math.min(1, sum);
  };

  let pValue: number;
  if (alternative === 'less') pValue = tail(1, false);
  else if (alternative === 'greater') pValue = tail(1, true);
  else {
    const d = density(1);
    const threshold = d[x - lo] * (1 + 1e-7);
    pValue = 0;
    for (let i = 0; i < size; i++) if (d[i] <= threshold) pValue += d[i];
    pValue = Math.min(1, pValue);
  }

  // Each equation g(ncp) = 0 has g increasing in ncp. As R, the root is searched for in (0, 1] or, through
  // 1 / t, in (1, Infinity); but to tolerance 1e-15 in t rather than uniroot's default 1.2e-4.
  const solve = (g: (ncp: number) => number): number => {
    const atOne = g(1);
    if (atOne === 0) return 1;
    if (atOne > 0) return findRoot(g, 0, 1, 1e-15);
    return 1 / findRoot((t) => g(1 / t), Number.EPSILON, 1, 1e-15);
  };
  const oddsRatio = x === lo ? 0 : x === hi ? Infinity : solve((t) => meanAt(t) - x);
  const upperLimit = (alpha: number): number => (x === hi ? Infinity : solve((t) => alpha - tail(t, false)));
  const lowerLimit = (alpha: number): number => (x === lo ? 0 : solve((t) => tail(t, true) - alpha));
  let confidenceInterval: [number, number];
  if (alternative === 'less') confidenceInterval = [0, upperLimit(1 - confLevel)];
  else if (alternative === 'greater') confidenceInterval = [lowerLimit(1 - confLevel), Infinity];
  else {
    const alpha = (1 - confLevel) / 2;
    confidenceInterval = [lowerLimit(alpha), upperLimit(alpha)];
  }
  return { pValue, oddsRatio, confidenceInterval };
}

function logChoose(n: number, k: number): number {
  if (k === 0 || k === n) return 0;
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}
