import type { ColumnTable, MissingPolicy } from '@tace/core';
import { assertInRange, normalDensity, TaceError } from '@tace/core';
import { orderBy } from '../internal/argsort.js';
import type { EventInput, NumericInput } from '../internal/survival-data.js';
import { assertHasEvents, toSurvivalData } from '../internal/survival-data.js';
import { logRankScores } from './log-rank-scores.js';

/** Options for {@link maxstatCutpoint}. */
export interface MaxstatOptions {
  /** Smallest fraction of subjects in the lower group (R `minprop`). @default 0.1 */
  minProp?: number;
  /** Largest fraction of subjects in the lower group (R `maxprop`). @default 0.9 */
  maxProp?: number;
  /** Missing-value policy for time, event and x. @default 'error' */
  missing?: MissingPolicy;
}

/** Result of {@link maxstatCutpoint}. */
export interface MaxstatResult {
  /** Estimated cut-point: subjects with x <= cutpoint form the lower group. */
  cutpoint: number;
  /** Maximally selected standardised log-rank statistic M. */
  statistic: number;
  /** Lausen & Schumacher (1992) approximate p-value of M, corrected for the search over cut-points. */
  pValue: number;
  /** Candidate cut-points and their standardised statistics. */
  cuts: Float64Array;
  statistics: Float64Array;
  minProp: number;
  maxProp: number;
  n: number;
  omitted: number;
  /** One row per candidate cut: cut, statistic. */
  toTable(): ColumnTable;
}

/**
 * Maximally selected log-rank statistic (Lausen & Schumacher 1992): for each candidate cut c of `x`
 * (distinct values with between minProp and maxProp of the subjects at or below), the standardised
 * linear rank statistic of the log-rank scores in the group x <= c; the cut maximising |statistic| is
 * returned with the Lausen-Schumacher p-value (the search over cuts is accounted for).
 *
 * Matches R `maxstat::maxstat.test(Surv(time, status) ~ x, smethod = "LogRank", pmethod = "Lau92")`
 * (maxstat 0.7-25) to 1e-10 (statistic, p, cut and the statistic at every candidate).
 *
 * @throws {TaceError} invalid outcome, bad proportions, no candidate cut between minProp and maxProp.
 * @example maxstatCutpoint(time, status, score).cutpoint
 */
export function maxstatCutpoint(
  time: NumericInput,
  event: EventInput,
  x: NumericInput,
  options: MaxstatOptions = {},
): MaxstatResult {
  const minProp = options.minProp ?? 0.1;
  const maxProp = options.maxProp ?? 0.9;
  assertInRange(minProp, 'minProp', 0, 0.5);
  assertInRange(maxProp, 'maxProp', 0.5, 1);
  const data = toSurvivalData(time, event, options.missing ?? 'error', {}, [['x', x]]);
  assertHasEvents(data);
  const n = data.time.length;
  const xv = Float64Array.from(data.rows, (r) => x[r] as number);
  const scores = logRankScores(data.time, data.event);
  const order = orderBy(n, [{ key: xv }]);
  // candidate m = number of subjects strictly below each distinct value (R: which(!duplicated(x)) - 1)
  let candidates: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || xv[order[i]] !== xv[order[i - 1]]) candidates.push(i);
  if (minProp === 0 && maxProp === 1) candidates = candidates.slice(1, candidates.length - 1);
  else {
    const lo = Math.max(1, Math.floor(n * minProp));
    const hi = Math.floor(n * maxProp);
    candidates = candidates.filter((m) => m >= lo && m <= hi);
  }
  if (candidates.length === 0) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `no cut-point of x leaves between ${minProp} and ${maxProp} of the subjects below it`,
      {
        param: 'x',
        remedy: 'x needs more distinct values, or widen minProp/maxProp',
      },
    );
  }
  let ss = 0;
  let ss2 = 0;
  for (let i = 0; i < n; i++) {
    ss += scores[i];
    ss2 += scores[i] * scores[i];
  }
  const cuts = new Float64Array(candidates.length);
  const statistics = new Float64Array(candidates.length);
  let cum = 0;
  let pos = 0;
  let best = 0;
  candidates.forEach((m, k) => {
    for (; pos < m; pos++) cum += scores[order[pos]];
    const e = (m / n) * ss;
    const v = ((m * (n - m)) / (n * n * (n - 1))) * (n * ss2 - ss * ss);
    statistics[k] = Math.abs((cum - e) / Math.sqrt(v));
    cuts[k] = xv[order[m - 1]];
    if (statistics[k] > statistics[best]) best = k;
  });
  const statistic = statistics[best];
  return {
    cutpoint: cuts[best],
    statistic,
    pValue: lausen92(statistic, minProp, maxProp),
    cuts,
    statistics,
    minProp,
    maxProp,
    n,
    omitted: data.omitted,
    toTable: () => ({ cut: Array.from(cuts), statistic: Array.from(statistics) }),
  };
}

/**
 * Lausen & Schumacher (1992) approximation of P(M >= b) for the maximally selected standardised statistic
 * over cuts between the eps1 and eps2 quantiles, as R `maxstat:::pLausen92`.
 */
export function lausen92(b: number, minProp: number, maxProp: number): number {
  if (b < 1) return 1;
  const db = normalDensity(b);
  const p = (4 * db) / b + db * (b - 1 / b) * Math.log((maxProp * (1 - minProp)) / ((1 - maxProp) * minProp));
  return Math.max(p, 0);
}
