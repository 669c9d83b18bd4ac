import type { ColumnTable, DenseMatrix, MissingPolicy } from '@tace/core';
import { assertFiniteNumber, chiSquareSurvival, denseMatrix, TaceError } from '@tace/core';
import { ldlDecompose, ldlSolve } from '@tace/core/kernels';
import type { GroupInput } from '../internal/factor.js';
import { toFactor } from '../internal/factor.js';
import { orderByTime } from '../internal/order.js';
import type { EventInput, NumericInput } from '../internal/survival-data.js';
import { assertHasEvents, toSurvivalData } from '../internal/survival-data.js';
import { timeFixOrdered } from '../internal/time-fix.js';

/** Options for {@link logRank}. */
export interface LogRankOptions {
  /** G-rho weight exponent: weights S(t-)^rho (0 = log-rank, 1 = Peto-Peto), as R `survdiff(rho)`. @default 0 */
  rho?: number;
  /** Stratum label per subject: the test is stratified, as R `survdiff(... + strata(s))`. @default undefined */
  strata?: GroupInput;
  /** Scores of the ordered groups for the trend test (one per level, in level order). @default 1, 2, ..., k */
  trendScores?: readonly number[];
  /** Missing-value policy for time, event, group and strata. @default 'error' */
  missing?: MissingPolicy;
  /**
   * Merge times that differ only by floating-point noise, as R's `timefix = TRUE` (`aeqSurv`).
   * @default true
   */
  timeFix?: boolean;
}

/** Result of {@link logRank}. */
export interface LogRankResult {
  /** Group levels, sorted as R's `factor` (the order of every per-group array). */
  groups: string[];
  /** Subjects per group. */
  n: Float64Array;
  /** (Weighted) observed events per group, summed over strata. */
  observed: Float64Array;
  /** (Weighted) expected events per group. */
  expected: Float64Array;
  /** k x k variance matrix of observed - expected (R `survdiff()$var`). */
  variance: DenseMatrix;
  /** Chi-square statistic (groups with expected > 0, first dropped). */
  chisq: number;
  /** Degrees of freedom: number of groups with expected > 0, minus 1. */
  df: number;
  pValue: number;
  /** Test for trend over ordered groups: U = s'(O - E), chisq = U^2 / (s' V s), 1 df. */
  trend: { scores: Float64Array; chisq: number; pValue: number };
  rho: number;
  omitted: number;
  /** One row per group: group, n, observed, expected, (O - E)^2 / E, (O - E)^2 / V as R's print. */
  toTable(): ColumnTable;
}

/**
 * k-sample log-rank test and the G-rho family (Harrington-Fleming; rho = 1 is the Peto-Peto
 * modification of the Gehan-Wilcoxon test), optionally stratified, with the test for trend over ordered
 * groups.
 *
 * Matches R `survival::survdiff` (survival 3.5) on lung, veteran, ovarian and aml to 1e-8 (chisq,
 * observed, expected, variance); the trend statistic equals `(s'(O-E))^2 / s'Vs` from the same output.
 * Weights are the left-continuous pooled Kaplan-Meier S(t-)^rho within each stratum, as survdiff.
 *
 * @throws {TaceError} invalid outcome, fewer than two groups, a strata column with one level.
 * @example
 * ```ts
 * const lr = logRank(time, status, sex);
 * lr.chisq; lr.pValue; lr.observed; lr.expected;
 * ```
 */
export function logRank(
  time: NumericInput,
  event: EventInput,
  group: GroupInput,
  options: LogRankOptions = {},
): LogRankResult {
  const rho = options.rho ?? 0;
  assertFiniteNumber(rho, 'rho');
  const extra: [string, ArrayLike<unknown>][] = [['group', group]];
  if (options.strata !== undefined) extra.push(['strata', options.strata]);
  const data = toSurvivalData(time, event, options.missing ?? 'error', {}, extra);
  let timeOrder: Int32Array | undefined;
  if (options.timeFix ?? true) ({ time: data.time, order: timeOrder } = timeFixOrdered(data.time));
  assertHasEvents(data);
  const { codes, levels } = toFactor(group, 'group', undefined, data.rows);
  const k = levels.length;
  if (k < 2) {
    throw new TaceError('INVALID_ARGUMENT', `group has a single level (${levels[0]})`, {
      param: 'group',
      remedy: 'a log-rank test compares at least two groups',
    });
  }
  let strata: Int32Array = new Int32Array(data.time.length);
  if (options.strata !== undefined) {
    const f = toFactor(options.strata, 'strata', undefined, data.rows);
    if (f.levels.length < 2) {
      throw new TaceError('INVALID_ARGUMENT', `strata has a single level (${f.levels[0]})`, {
        param: 'strata',
        remedy: 'drop the strata option, or pass a column with at least two levels',
      });
    }
    strata = f.codes;
  }
  const scores = Float64Array.from(options.trendScores ?? levels.map((_, i) => i + 1));
  if (scores.length !== k) {
    throw new TaceError(
      'LENGTH_MISMATCH',
      `trendScores has ${scores.length} values but group has ${k} levels`,
      {
        param: 'trendScores',
        remedy: `pass one score per level, in the order ${levels.join(', ')}`,
      },
    );
  }
  const { time: t, event: ev } = data;
  const order = orderByTime(t, strata, timeOrder);
  const n = new Float64Array(k);
  const observed = new Float64Array(k);
  const expected = new Float64Array(k);
  const variance = new Float64Array(k * k);
  const risk = new Float64Array(k);
  const kaplan = new Float64Array(t.length);
  for (let i = 0; i < t.length; i++) n[codes[i]]++;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end < order.length && strata[order[end]] === strata[order[start]]) end++;
    if (rho !== 0) leftKaplanMeier(t, ev, order, start, end, kaplan);
    risk.fill(0);
    for (let i = end - 1; i >= start; ) {
      const wt = rho === 0 ? 1 : kaplan[i] ** rho;
      let deaths = 0;
      let j = i;
      for (; j >= start && t[order[j]] === t[order[i]]; j--) {
        const g = codes[order[j]];
        deaths += ev[order[j]];
        risk[g] += 1;
        observed[g] += ev[order[j]] * wt;
      }
      const nrisk = end - (j + 1);
      i = j;
      if (deaths === 0) continue;
      for (let g = 0; g < k; g++) expected[g] += (wt * deaths * risk[g]) / nrisk;
      if (nrisk === 1) continue;
      const w2 = wt * wt;
      for (let a = 0; a < k; a++) {
        const tmp = (w2 * deaths * risk[a] * (nrisk - deaths)) / (nrisk * (nrisk - 1));
        variance[a * k + a] += tmp;
        for (let b = 0; b < k; b++) variance[a * k + b] -= (tmp * risk[b]) / nrisk;
      }
    }
    start = end;
  }
  const { chisq, df } = quadraticForm(observed, expected, variance, k);
  let u = 0;
  let v = 0;
  for (let a = 0; a < k; a++) {
    u += scores[a] * (observed[a] - expected[a]);
    for (let b = 0; b < k; b++) v += scores[a] * variance[a * k + b] * scores[b];
  }
  const trendChisq = v > 0 ? (u * u) / v : Number.NaN;
  return {
    groups: levels,
    n,
    observed,
    expected,
    // symmetric: the row-major buffer is already column-major
    variance: denseMatrix(k, k, variance),
    chisq,
    df,
    pValue: df > 0 ? chiSquareSurvival(chisq, df) : Number.NaN,
    trend: { scores, chisq: trendChisq, pValue: chiSquareSurvival(trendChisq, 1) },
    rho,
    omitted: data.omitted,
    toTable: () => ({
      group: [...levels],
      n: Array.from(n),
      observed: Array.from(observed),
      expected: Array.from(expected),
      oe2e: Array.from(observed, (o, g) => (o - expected[g]) ** 2 / expected[g]),
      oe2v: Array.from(observed, (o, g) => (o - expected[g]) ** 2 / variance[g * k + g]),
    }),
  };
}

/** Left-continuous KM of the pooled stratum, in sorted position (as survdiff2's `kaplan`). */
function leftKaplanMeier(
  t: Float64Array,
  ev: Uint8Array,
  order: Int32Array,
  start: number,
  end: number,
  out: Float64Array,
): void {
  let km = 1;
  for (let i = start; i < end; ) {
    const nrisk = end - i;
    let deaths = 0;
    let j = i;
    for (; j < end && t[order[j]] === t[order[i]]; j++) {
      out[j] = km;
      deaths += ev[order[j]];
    }
    km = (km * (nrisk - deaths)) / nrisk;
    i = j;
  }
}

function quadraticForm(
  observed: Float64Array,
  expected: Float64Array,
  variance: Float64Array,
  k: number,
): { chisq: number; df: number } {
  const keep: number[] = [];
  for (let g = 0; g < k; g++) if (expected[g] > 0) keep.push(g);
  if (keep.length < 2) return { chisq: 0, df: 0 };
  const idx = keep.slice(1);
  const m = idx.length;
  const vv = new Float64Array(m * m);
  const diff = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    diff[a] = observed[idx[a]] - expected[idx[a]];
    for (let b = 0; b < m; b++) vv[a * m + b] = variance[idx[a] * k + idx[b]];
  }
  const x = Float64Array.from(diff);
  ldlDecompose(vv, m, 1e-12);
  ldlSolve(vv, m, x);
  let chisq = 0;
  for (let a = 0; a < m; a++) chisq += x[a] * diff[a];
  return { chisq, df: keep.length - 1 };
}
