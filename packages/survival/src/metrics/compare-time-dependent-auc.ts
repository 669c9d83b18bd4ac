import type { ColumnTable } from '@tace/core';
import { normalQuantile, normalSurvival } from '@tace/core';
import type { EventInput, NumericInput } from '../internal/survival-data.js';
import type { TimeDependentAucInferenceOptions } from './time-dependent-auc-inference.js';
import { sampleSd, timeDependentAucInference } from './time-dependent-auc-inference.js';

/** Result of {@link compareTimeDependentAuc}: one value per evaluation time. */
export interface CompareTimeDependentAucResult {
  times: Float64Array;
  /** AUC(t) of the first and second marker. */
  auc: [first: Float64Array, second: Float64Array];
  /** first - second. */
  difference: Float64Array;
  /** sd(influence_first - influence_second) / sqrt(n). */
  stdErr: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  z: Float64Array;
  /** Two-sided p-value, not adjusted for the several times (timeROC `compare(x, y)$p_values_AUC`). */
  pValue: Float64Array;
  confLevel: number;
  omitted: number;
  /** One row per time: time, auc1, auc2, difference, stdErr, lower, upper, z, pValue. */
  toTable(): ColumnTable;
}

/**
 * Compares the IPCW time-dependent AUCs of two markers measured on the same subjects at each time: the
 * difference with its standard error from the paired iid representations, a Wald CI and a z test (Blanche
 * et al. 2013). Matches R `timeROC::compare(timeROC(..., iid = TRUE), timeROC(..., iid = TRUE))`
 * (timeROC 0.4.1, unadjusted p-values) at 1e-8.
 * @throws {TaceError} as {@link timeDependentAucInference}, for either marker.
 * @example compareTimeDependentAuc(time, status, crm, bclc, { times: [12, 24] }).pValue
 */
export function compareTimeDependentAuc(
  time: NumericInput,
  event: EventInput,
  markerA: NumericInput | readonly NumericInput[],
  markerB: NumericInput | readonly NumericInput[],
  options: TimeDependentAucInferenceOptions,
): CompareTimeDependentAucResult {
  const a = timeDependentAucInference(time, event, markerA, options);
  const b = timeDependentAucInference(time, event, markerB, options);
  const K = a.times.length;
  const n = a.influence.rows;
  const z = normalQuantile(1 - (1 - a.confLevel) / 2);
  const out = {
    times: a.times,
    auc: [a.auc, b.auc] as [Float64Array, Float64Array],
    difference: new Float64Array(K),
    stdErr: new Float64Array(K),
    lower: new Float64Array(K),
    upper: new Float64Array(K),
    z: new Float64Array(K),
    pValue: new Float64Array(K),
    confLevel: a.confLevel,
    omitted: a.omitted,
  };
  const diff = new Float64Array(n);
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < n; i++) diff[i] = a.influence.data[i + k * n] - b.influence.data[i + k * n];
    const d = a.auc[k] - b.auc[k];
    const se = sampleSd(diff) / Math.sqrt(n);
    out.difference[k] = d;
    out.stdErr[k] = se;
    out.lower[k] = d - z * se;
    out.upper[k] = d + z * se;
    out.z[k] = d / se;
    out.pValue[k] = 2 * normalSurvival(Math.abs(d) / se);
  }
  return {
    ...out,
    toTable: () => ({
      time: Array.from(out.times),
      auc1: Array.from(out.auc[0]),
      auc2: Array.from(out.auc[1]),
      difference: Array.from(out.difference),
      stdErr: Array.from(out.stdErr),
      lower: Array.from(out.lower),
      upper: Array.from(out.upper),
      z: Array.from(out.z),
      pValue: Array.from(out.pValue),
    }),
  };
}
