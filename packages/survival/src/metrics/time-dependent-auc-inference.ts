import type { ColumnTable, DenseMatrix, MissingPolicy } from '@tace/core';
import { assertFiniteNumber, assertInRange, denseMatrix, normalQuantile } from '@tace/core';
import { censoringSurvival } from '../internal/censoring-km.js';
import type { EventInput, NumericInput } from '../internal/survival-data.js';
import { assertHasEvents, toSurvivalData } from '../internal/survival-data.js';
import { aucInfluence, timeOrder } from './auc-influence.js';
import { predictionsPerTime } from './predictions.js';

/** Options for {@link timeDependentAucInference}. */
export interface TimeDependentAucInferenceOptions {
  /** Evaluation times (same unit as `time`), as `timeROC(times)`. */
  times: readonly number[];
  /** Confidence level of the pointwise Wald intervals, as `confint(timeROC(...), level)`. @default 0.95 */
  confLevel?: number;
  /** Missing-value policy for time and event (markers must be complete). @default 'error' */
  missing?: MissingPolicy;
}

/** Result of {@link timeDependentAucInference}: one value per evaluation time. */
export interface TimeDependentAucInferenceResult {
  times: Float64Array;
  auc: Float64Array;
  /** Standard error from the iid representation: sd(influence) / sqrt(n) (timeROC `inference$vect_sd_1`). */
  stdErr: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** Cases (event before t) and controls (still followed after t). */
  cases: Float64Array;
  controls: Float64Array;
  /** n x times influence values, subjects in input order (timeROC `inference$mat_iid_rep_1`, reordered). */
  influence: DenseMatrix;
  confLevel: number;
  omitted: number;
  /** One row per time: time, auc, stdErr, lower, upper, cases, controls. */
  toTable(): ColumnTable;
}

/**
 * Cumulative/dynamic IPCW time-dependent AUC with its iid-representation standard error and Wald CI
 * (Blanche, Dartigues & Jacqmin-Gadda 2013, Stat Med 32:5381): cases have an event before t (weight
 * 1 / G(T_i-)), controls are still followed after t (weight 1 / G(t)), G the Kaplan-Meier of censoring;
 * marker ties count 1/2. The influence function includes the estimation of G. O(n log n) per time (timeROC
 * builds n x n matrices).
 *
 * Matches R `timeROC::timeROC(T, delta, marker, cause = 1, weighting = "marginal", times, iid = TRUE)`
 * (timeROC 0.4.1) at 1e-8 for `AUC` and `inference$vect_sd_1`, and `confint(...)$CI_AUC` before its rounding.
 * Where no time equals an event time this AUC equals {@link timeDependentAuc}'s (which counts events at t
 * as cases, as riskRegression).
 *
 * @param marker - higher = higher risk: one array, or one array per time.
 * @throws {TaceError} invalid outcome or times, mismatched lengths, missing markers.
 * @example timeDependentAucInference(time, status, lp, { times: [365, 730] }).stdErr
 */
export function timeDependentAucInference(
  time: NumericInput,
  event: EventInput,
  marker: NumericInput | readonly NumericInput[],
  options: TimeDependentAucInferenceOptions,
): TimeDependentAucInferenceResult {
  const times = options.times;
  const confLevel = options.confLevel ?? 0.95;
  assertInRange(confLevel, 'confLevel', 0, 1, { lower: true, upper: true });
  for (const t of times) assertFiniteNumber(t, 'times');
  const data = toSurvivalData(time, event, options.missing ?? 'error');
  assertHasEvents(data);
  const markers = predictionsPerTime(marker, times.length, time.length, data.rows, 'marker');
  const n = data.time.length;
  const K = times.length;
  const G = censoringSurvival(data.time, data.event);
  const order = timeOrder(data.time);
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const out = {
    times: Float64Array.from(times),
    auc: new Float64Array(K),
    stdErr: new Float64Array(K),
    lower: new Float64Array(K),
    upper: new Float64Array(K),
    cases: new Float64Array(K),
    controls: new Float64Array(K),
    influence: denseMatrix(n, K),
    confLevel,
    omitted: data.omitted,
  };
  for (let k = 0; k < K; k++) {
    const r = aucInfluence(data.time, data.event, markers[k], times[k], G, order);
    out.auc[k] = r.auc;
    out.cases[k] = r.cases;
    out.controls[k] = r.controls;
    out.influence.data.set(r.influence, k * n);
    const se = sampleSd(r.influence) / Math.sqrt(n);
    out.stdErr[k] = se;
    out.lower[k] = r.auc - z * se;
    out.upper[k] = r.auc + z * se;
  }
  return {
    ...out,
    toTable: () => ({
      time: Array.from(out.times),
      auc: Array.from(out.auc),
      stdErr: Array.from(out.stdErr),
      lower: Array.from(out.lower),
      upper: Array.from(out.upper),
      cases: Array.from(out.cases),
      controls: Array.from(out.controls),
    }),
  };
}

/** Sample standard deviation (n - 1 denominator, as R's `sd`); NaN when any value is NaN. */
export function sampleSd(x: ArrayLike<number>): number {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) * (x[i] - mean);
  return Math.sqrt(ss / (n - 1));
}
