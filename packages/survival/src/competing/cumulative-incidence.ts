import type { ColumnTable, MissingPolicy } from '@tace/core';
import { assertFiniteNumber, assertInRange, chiSquareSurvival, TaceError } from '@tace/core';
import type { GroupInput } from '../internal/factor.js';
import { toFactor } from '../internal/factor.js';
import type { StatusInput } from './competing-data.js';
import { toCompetingData } from './competing-data.js';
import { grayTest } from './gray-test.js';

/** Options for {@link cumulativeIncidence}. */
export interface CumulativeIncidenceOptions {
  /** One label per subject; one curve per group and cause, and Gray's test across groups. @default undefined */
  group?: GroupInput;
  /** Strata for Gray's test (curves are not stratified), as `cuminc(strata)`. @default undefined */
  strata?: GroupInput;
  /** The status value meaning censored, as `cuminc(cencode)`. @default 0 */
  censorCode?: string | number;
  /** Power of the weight (1 - F(t-))^rho in Gray's test, as `cuminc(rho)`. @default 0 */
  rho?: number;
  /** Times at which to report each curve, as `cmprsk::timepoints(fit, times)`. @default [] */
  times?: readonly number[];
  /** Missing-value policy for time, status, group and strata. @default 'error' */
  missing?: MissingPolicy;
}

/** One cumulative incidence curve: a group and a cause, one entry per distinct time with that cause. */
export interface CumulativeIncidenceCurve {
  group: string;
  cause: string;
  time: Float64Array;
  /** Aalen-Johansen cumulative incidence just after each time. */
  estimate: Float64Array;
  /** Its asymptotic variance (cmprsk's delta-method estimator, Gray's `cinc`). */
  variance: Float64Array;
  /** The curve at `options.times` (0 before the first event, NaN past the last follow-up). */
  atTimes: { time: Float64Array; estimate: Float64Array; variance: Float64Array };
}

/** Gray's K-sample test for one cause. */
export interface GrayTest {
  cause: string;
  statistic: number;
  df: number;
  pValue: number;
}

/** Result of {@link cumulativeIncidence}. */
export interface CumulativeIncidenceResult {
  /** Group x cause curves, causes outer, groups inner (cmprsk's order: "0 1", "1 1", "0 2", ...). */
  curves: CumulativeIncidenceCurve[];
  /** One test per cause with at least two groups (empty with one group). */
  tests: GrayTest[];
  groups: string[];
  causes: string[];
  omitted: number;
  /** One row per curve x time: group, cause, time, estimate, variance. */
  toTable(): ColumnTable;
}

/**
 * Cumulative incidence functions of competing risks by group (Aalen-Johansen: F_k(t) = sum over s <= t of
 * S(s-) d_k(s) / n(s), S the all-cause Kaplan-Meier), with their variances, and Gray's (1988) test of equal
 * subdistributions across groups per cause, optionally stratified.
 *
 * Matches R `cmprsk::cuminc(ftime, fstatus, group, strata, rho, cencode)` (cmprsk 2.2-11) at 1e-10
 * (estimates, variances, test statistics and p-values) on simulated competing risks with ties.
 *
 * @param status - a failure code per subject (`censorCode` = censored).
 * @throws {TaceError} invalid times, mismatched lengths, missing values (policy `'error'`), no failures.
 * @example cumulativeIncidence(time, status, { group: arm, times: [12, 24] }).tests[0].pValue
 */
export function cumulativeIncidence(
  time: ArrayLike<number | null | undefined>,
  status: StatusInput,
  options: CumulativeIncidenceOptions = {},
): CumulativeIncidenceResult {
  const rho = options.rho ?? 0;
  assertFiniteNumber(rho, 'rho');
  const times = options.times ?? [];
  for (const t of times) assertInRange(t, 'times', 0, Number.POSITIVE_INFINITY);
  const extra: [string, ArrayLike<unknown>][] = [];
  if (options.group !== undefined) extra.push(['group', options.group]);
  if (options.strata !== undefined) extra.push(['strata', options.strata]);
  const data = toCompetingData(time, status, options.censorCode ?? 0, options.missing, extra);
  if (data.causes.length === 0) {
    throw new TaceError('EMPTY_INPUT', 'status has no failures (every row is censored)', {
      param: 'status',
      remedy: 'check censorCode and the status coding',
    });
  }
  const n = data.time.length;
  const group =
    options.group === undefined
      ? { codes: new Int32Array(n), levels: ['1'] }
      : toFactor(options.group, 'group', undefined, data.rows);
  const strata =
    options.strata === undefined
      ? { codes: new Int32Array(n), levels: ['1'] }
      : toFactor(options.strata, 'strata', undefined, data.rows);
  const curves: CumulativeIncidenceCurve[] = [];
  const tests: GrayTest[] = [];
  const ng = group.levels.length;
  data.causes.forEach((cause, c) => {
    for (let g = 0; g < ng; g++) {
      const rows: number[] = [];
      for (let i = 0; i < n; i++) if (group.codes[i] === g) rows.push(i);
      curves.push(curveOf(data.time, data.cause, rows, c + 1, group.levels[g], cause, times));
    }
    if (ng > 1) {
      const statistic = grayTest(
        data.time,
        data.cause,
        c + 1,
        group.codes,
        ng,
        strata.codes,
        strata.levels.length,
        rho,
      );
      tests.push({
        cause,
        statistic,
        df: ng - 1,
        pValue: statistic < 0 ? Number.NaN : chiSquareSurvival(statistic, ng - 1),
      });
    }
  });
  return {
    curves,
    tests,
    groups: group.levels,
    causes: data.causes,
    omitted: data.omitted,
    toTable: () => {
      const out: Record<string, (string | number)[]> = {
        group: [],
        cause: [],
        time: [],
        estimate: [],
        variance: [],
      };
      for (const c of curves) {
        for (let k = 0; k < c.time.length; k++) {
          out.group.push(c.group);
          out.cause.push(c.cause);
          out.time.push(c.time[k]);
          out.estimate.push(c.estimate[k]);
          out.variance.push(c.variance[k]);
        }
      }
      return out;
    },
  };
}

/**
 * One curve over the (time-sorted) `rows` of a group: Gray's `cinc` recursion. At each distinct time with
 * d1 failures of the cause and d2 of other causes among r at risk, with S the all-cause KM before it:
 * F += S d1 / r; the variance accumulates v1, v2, v3 with the binomial tie correction 1 - (d - 1)/(r - 1).
 */
function curveOf(
  time: Float64Array,
  causeOf: Int32Array,
  rows: readonly number[],
  cause: number,
  group: string,
  causeLabel: string,
  times: readonly number[],
): CumulativeIncidenceCurve {
  const n = rows.length;
  const outTime: number[] = [];
  const outF: number[] = [];
  const outV: number[] = [];
  let S = 1;
  let F = 0;
  let v1 = 0;
  let v2 = 0;
  let v3 = 0;
  for (let i = 0; i < n; ) {
    const t = time[rows[i]];
    let j = i;
    let d1 = 0;
    let d2 = 0;
    for (; j < n && time[rows[j]] === t; j++) {
      const c = causeOf[rows[j]];
      if (c === cause) d1++;
      else if (c !== 0) d2++;
    }
    const r = n - i;
    const d = d1 + d2;
    if (d > 0) {
      const Snew = (S * (r - d)) / r;
      if (d1 > 0) F += (S * d1) / r;
      if (d2 > 0 && Snew > 0) {
        const t6 = (S * S * tieFactor(d2, r) * d2) / (r * r);
        const t3 = 1 / Snew;
        const t4 = F / Snew;
        v1 += t4 * t4 * t6;
        v2 += t3 * t4 * t6;
        v3 += t3 * t3 * t6;
      }
      if (d1 > 0) {
        const t6 = (S * S * tieFactor(d1, r) * d1) / (r * r);
        const t3 = Snew > 0 ? 1 / Snew : 0;
        const t4 = 1 + t3 * F;
        v1 += t4 * t4 * t6;
        v2 += t3 * t4 * t6;
        v3 += t3 * t3 * t6;
        outTime.push(t);
        outF.push(F);
        outV.push(v1 + F * F * v3 - 2 * F * v2);
      }
      S = Snew;
    }
    i = j;
  }
  const lastTime = n > 0 ? time[rows[n - 1]] : 0;
  const at = {
    time: Float64Array.from(times),
    estimate: new Float64Array(times.length),
    variance: new Float64Array(times.length),
  };
  times.forEach((x, k) => {
    if (x > lastTime) {
      at.estimate[k] = Number.NaN;
      at.variance[k] = Number.NaN;
      return;
    }
    let m = -1;
    while (m + 1 < outTime.length && outTime[m + 1] <= x) m++;
    at.estimate[k] = m < 0 ? 0 : outF[m];
    at.variance[k] = m < 0 ? 0 : outV[m];
  });
  return {
    group,
    cause: causeLabel,
    time: Float64Array.from(outTime),
    estimate: Float64Array.from(outF),
    variance: Float64Array.from(outV),
    atTimes: at,
  };
}

/** Gray's correction for d tied failures among r at risk: 1 - (d - 1) / (r - 1). */
function tieFactor(d: number, r: number): number {
  return d > 1 ? 1 - (d - 1) / (r - 1) : 1;
}
