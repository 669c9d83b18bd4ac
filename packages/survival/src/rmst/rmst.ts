import type { ColumnTable, MissingPolicy } from '@tace/core';
import { assertFiniteNumber, assertInRange, normalQuantile, normalSurvival, TaceError } from '@tace/core';
import type { GroupInput } from '../internal/factor.js';
import type { EventInput, NumericInput } from '../internal/survival-data.js';
import type { KaplanMeierCurve } from '../nonparametric/kaplan-meier.js';
import { kaplanMeier } from '../nonparametric/kaplan-meier.js';

/** Options for {@link rmst}. */
export interface RmstOptions {
  /** One label per subject; one RMST per level (sorted as R's `factor`). @default undefined (one group) */
  group?: GroupInput;
  /**
   * Truncation time tau (same unit as `time`), as `survRM2::rmst2(tau)`. When omitted, survRM2's default:
   * the smallest largest-follow-up among groups whose last observation is censored, or the largest
   * follow-up when every group ends with an event. A tau beyond that bound throws, as survRM2 does.
   * @default undefined (survRM2's default tau)
   */
  tau?: number;
  /** Confidence level, as `rmst2(alpha = 1 - confLevel)`. @default 0.95 */
  confLevel?: number;
  /** Missing-value policy for time, event and group. @default 'error' */
  missing?: MissingPolicy;
}

/** RMST of one group: the area under its Kaplan-Meier curve from 0 to tau. */
export interface RmstGroup {
  group: string;
  n: number;
  /** Restricted mean survival time, integral_0^tau S(u) du. */
  rmst: number;
  /** Greenwood plug-in standard error (shared by RMST and RMTL). */
  stdErr: number;
  lower: number;
  upper: number;
  /** Restricted mean time lost, tau - RMST, with its limits. */
  rmtl: number;
  rmtlLower: number;
  rmtlUpper: number;
}

/** A contrast between one group and the first (reference) group, with a Wald CI and two-sided p. */
export interface RmstContrast {
  /** `'RMST difference'`, `'RMST ratio'` or `'RMTL ratio'` (ratios on the log scale, back-transformed). */
  measure: 'RMST difference' | 'RMST ratio' | 'RMTL ratio';
  /** The compared group (R's arm = 1) and the reference group (arm = 0, the first level). */
  group: string;
  reference: string;
  estimate: number;
  lower: number;
  upper: number;
  pValue: number;
}

/** Result of {@link rmst}. */
export interface RmstResult {
  tau: number;
  /** True when tau was chosen by survRM2's default rule. */
  defaultTau: boolean;
  confLevel: number;
  groups: RmstGroup[];
  /** For each group after the first: difference, ratio of RMST and ratio of RMTL against the first group. */
  contrasts: RmstContrast[];
  omitted: number;
  /** One row per group: group, n, rmst, stdErr, lower, upper, rmtl, rmtlLower, rmtlUpper. */
  toTable(): ColumnTable;
}

/**
 * Restricted mean survival time (RMST) per group at tau, with the Greenwood plug-in standard error
 * (sum over event times t_j <= tau of (integral_{t_j}^tau S)^2 d_j / (n_j (n_j - d_j))), and the
 * difference, ratio of RMST and ratio of restricted mean time lost between each group and the first
 * (Uno et al. 2014, J Clin Oncol 32:2380). With two groups coded 0/1 this is `survRM2::rmst2(time,
 * status, arm, tau)` unadjusted (survRM2 1.0-4; matched at 1e-10 in the tests).
 *
 * @param time - follow-up times (>= 0).
 * @param event - 1/true = event, 0/false = censored.
 * @throws {TaceError} invalid outcome or options; tau beyond the follow-up that survRM2 allows; an empty group.
 * @example
 * ```ts
 * const r = rmst(time, status, { group: arm, tau: 10 });
 * r.groups[1].rmst; r.contrasts[0].estimate; // RMST(arm 1) - RMST(arm 0)
 * ```
 */
export function rmst(time: NumericInput, event: EventInput, options: RmstOptions = {}): RmstResult {
  const confLevel = options.confLevel ?? 0.95;
  assertInRange(confLevel, 'confLevel', 0, 1, { lower: true, upper: true });
  if (options.tau !== undefined) {
    assertFiniteNumber(options.tau, 'tau');
    assertInRange(options.tau, 'tau', 0, Number.POSITIVE_INFINITY, { lower: true });
  }
  const km = kaplanMeier(time, event, {
    group: options.group,
    missing: options.missing,
    probs: [],
    timeFix: true,
  });
  const curves = km.curves;
  const bound = tauBound(curves);
  const tau = options.tau ?? bound;
  if (tau > bound) {
    throw new TaceError('INVALID_ARGUMENT', `tau = ${tau} is beyond the follow-up: it must be <= ${bound}`, {
      param: 'tau',
      remedy:
        'choose tau no later than the largest follow-up of the groups whose last observation is censored (survRM2 rule)',
    });
  }
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const groups = curves.map((c) => groupRmst(c, tau, z));
  const contrasts: RmstContrast[] = [];
  for (let g = 1; g < groups.length; g++) contrasts.push(...contrastsOf(groups[g], groups[0], tau, z));
  return {
    tau,
    defaultTau: options.tau === undefined,
    confLevel,
    groups,
    contrasts,
    omitted: km.omitted,
    toTable: () => ({
      group: groups.map((r) => r.group),
      n: groups.map((r) => r.n),
      rmst: groups.map((r) => r.rmst),
      stdErr: groups.map((r) => r.stdErr),
      lower: groups.map((r) => r.lower),
      upper: groups.map((r) => r.upper),
      rmtl: groups.map((r) => r.rmtl),
      rmtlLower: groups.map((r) => r.rmtlLower),
      rmtlUpper: groups.map((r) => r.rmtlUpper),
    }),
  };
}

/** survRM2's bound (and default) for tau: see {@link RmstOptions.tau}. */
function tauBound(curves: readonly KaplanMeierCurve[]): number {
  let minCensored = Number.POSITIVE_INFINITY;
  let maxAll = 0;
  for (const c of curves) {
    const last = c.time.length - 1;
    const tmax = c.time[last];
    maxAll = Math.max(maxAll, tmax);
    if (c.nCensor[last] > 0) minCensored = Math.min(minCensored, tmax);
  }
  return Number.isFinite(minCensored) ? minCensored : maxAll;
}

function groupRmst(c: KaplanMeierCurve, tau: number, z: number): RmstGroup {
  // times <= tau, then tau: areas of the step function and the tail area after each time
  let m = 0;
  while (m < c.time.length && c.time[m] <= tau) m++;
  let area = 0;
  let prevTime = 0;
  let prevSurv = 1;
  const tail = new Float64Array(m + 1);
  for (let k = 0; k < m; k++) {
    area += (c.time[k] - prevTime) * prevSurv;
    prevTime = c.time[k];
    prevSurv = c.survival[k];
  }
  area += (tau - prevTime) * prevSurv;
  // tail[k] = integral from time k to tau of S
  tail[m] = 0;
  let after = tau;
  for (let k = m - 1; k >= 0; k--) {
    tail[k] = tail[k + 1] + (after - c.time[k]) * c.survival[k];
    after = c.time[k];
  }
  let variance = 0;
  for (let k = 0; k < m; k++) {
    const n = c.nRisk[k];
    const d = c.nEvent[k];
    if (d > 0 && n > d) variance += (tail[k] * tail[k] * d) / (n * (n - d));
  }
  const se = Math.sqrt(variance);
  return {
    group: c.group,
    n: c.n,
    rmst: area,
    stdErr: se,
    lower: area - z * se,
    upper: area + z * se,
    rmtl: tau - area,
    rmtlLower: tau - area - z * se,
    rmtlUpper: tau - area + z * se,
  };
}

function contrastsOf(a: RmstGroup, b: RmstGroup, tau: number, z: number): RmstContrast[] {
  const va = a.stdErr * a.stdErr;
  const vb = b.stdErr * b.stdErr;
  const wald = (measure: RmstContrast['measure'], est: number, se: number, log: boolean): RmstContrast => {
    const back = log ? Math.exp : (x: number) => x;
    return {
      measure,
      group: a.group,
      reference: b.group,
      estimate: back(est),
      lower: back(est - z * se),
      upper: back(est + z * se),
      pValue: 2 * normalSurvival(Math.abs(est) / se),
    };
  };
  const rmtlA = tau - a.rmst;
  const rmtlB = tau - b.rmst;
  return [
    wald('RMST difference', a.rmst - b.rmst, Math.sqrt(va + vb), false),
    wald(
      'RMST ratio',
      Math.log(a.rmst) - Math.log(b.rmst),
      Math.sqrt(va / (a.rmst * a.rmst) + vb / (b.rmst * b.rmst)),
      true,
    ),
    wald(
      'RMTL ratio',
      Math.log(rmtlA) - Math.log(rmtlB),
      Math.sqrt(va / (rmtlA * rmtlA) + vb / (rmtlB * rmtlB)),
      true,
    ),
  ];
}
