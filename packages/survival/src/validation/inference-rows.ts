import { isTaceError, normalQuantile } from '@tace/core';
import { brierScoreInference } from '../metrics/brier-score-inference.js';
import { timeDependentAucInference } from '../metrics/time-dependent-auc-inference.js';
import { rmst } from '../rmst/rmst.js';

/** A metric row of one model in one cohort, before the model and cohort names are added. @internal */
export interface MetricRow {
  metric: string;
  estimate: number;
  lower: number;
  upper: number;
  stdErr: number;
  n: number;
}

const NONE = Number.NaN;

/**
 * td-AUC rows `td_auc@t` with timeROC's iid standard error (`timeDependentAucInference`) and the Wald 95%
 * CI around the given estimate (the riskRegression-style AUC the table reports). Where no event time equals
 * t both estimators agree and the CI is timeROC's `confint()` exactly. @internal
 */
export function aucRows(
  time: Float64Array,
  event: Float64Array,
  marker: Float64Array,
  times: readonly number[],
  estimates: Float64Array,
): MetricRow[] {
  const z = normalQuantile(0.975);
  const inference = timeDependentAucInference(time, event, marker, { times });
  return times.map((t, k) => {
    const se = inference.stdErr[k];
    return {
      metric: `td_auc@${t}`,
      estimate: estimates[k],
      lower: estimates[k] - z * se,
      upper: estimates[k] + z * se,
      stdErr: se,
      n: time.length,
    };
  });
}

/**
 * Brier score rows `brier@t` and the integrated Brier score row `ibs` (step rule) with the influence-function
 * SEs and clipped Wald 95% CIs of riskRegression's `Score(se.fit = TRUE)` (`brierScoreInference`). @internal
 */
export function brierRows(
  time: Float64Array,
  event: Float64Array,
  survival: readonly Float64Array[],
  times: readonly number[],
): MetricRow[] {
  const inference = brierScoreInference(time, event, survival, { times });
  const n = time.length;
  const rows: MetricRow[] = times.map((t, k) => ({
    metric: `brier@${t}`,
    estimate: inference.brier[k],
    lower: inference.lower[k],
    upper: inference.upper[k],
    stdErr: inference.stdErr[k],
    n,
  }));
  const ibs = inference.integrated;
  rows.push({ metric: 'ibs', estimate: ibs.ibs, lower: ibs.lower, upper: ibs.upper, stdErr: ibs.stdErr, n });
  return rows;
}

/**
 * RMST rows at tau for the lowest and highest risk groups (as `survRM2::rmst2` with arm 1 = highest):
 * `rmst@tau[<group>]` per group, `rmst_difference@tau` (highest - lowest) and `rmst_ratio@tau`
 * (highest / lowest) with Wald 95% CIs and SEs, and their two-sided p-values `rmst_difference_p@tau`,
 * `rmst_ratio_p@tau` (the ratio's SE is on the log scale). When tau is beyond the follow-up survRM2 allows in
 * this cohort (or a group is empty) the rows are kept with NaN values. @internal
 */
export function rmstRows(
  time: readonly number[],
  event: readonly number[],
  high: readonly number[],
  labels: readonly [low: string, high: string],
  tau: number,
): MetricRow[] {
  const name = (metric: string) => `${metric}@${tau}`;
  const nLow = high.filter((h) => h === 0).length;
  const nHigh = high.length - nLow;
  const empty = (metric: string, n: number): MetricRow => ({
    metric,
    estimate: NONE,
    lower: NONE,
    upper: NONE,
    stdErr: NONE,
    n,
  });
  const fallback = [
    empty(`${name('rmst')}[${labels[0]}]`, nLow),
    empty(`${name('rmst')}[${labels[1]}]`, nHigh),
    empty(name('rmst_difference'), high.length),
    empty(name('rmst_difference_p'), high.length),
    empty(name('rmst_ratio'), high.length),
    empty(name('rmst_ratio_p'), high.length),
  ];
  if (nLow === 0 || nHigh === 0) return fallback;
  let result: ReturnType<typeof rmst>;
  try {
    result = rmst(time, event, { group: high, tau });
  } catch (error) {
    // tau beyond survRM2's bound in this cohort: the rows stay, with NaN values
    if (isTaceError(error, 'INVALID_ARGUMENT') && error.param === 'tau') return fallback;
    throw error;
  }
  const [low, hi] = result.groups;
  const difference = result.contrasts.find((c) => c.measure === 'RMST difference')!;
  const ratio = result.contrasts.find((c) => c.measure === 'RMST ratio')!;
  const differenceSe = Math.sqrt(low.stdErr ** 2 + hi.stdErr ** 2);
  const logRatioSe = Math.sqrt((low.stdErr / low.rmst) ** 2 + (hi.stdErr / hi.rmst) ** 2);
  const group = (g: typeof low, label: string): MetricRow => ({
    metric: `${name('rmst')}[${label}]`,
    estimate: g.rmst,
    lower: g.lower,
    upper: g.upper,
    stdErr: g.stdErr,
    n: g.n,
  });
  const n = high.length;
  return [
    group(low, labels[0]),
    group(hi, labels[1]),
    { metric: name('rmst_difference'), ...limits(difference), stdErr: differenceSe, n },
    { ...empty(name('rmst_difference_p'), n), estimate: difference.pValue },
    { metric: name('rmst_ratio'), ...limits(ratio), stdErr: logRatioSe, n },
    { ...empty(name('rmst_ratio_p'), n), estimate: ratio.pValue },
  ];
}

function limits(c: { estimate: number; lower: number; upper: number }) {
  return { estimate: c.estimate, lower: c.lower, upper: c.upper };
}
