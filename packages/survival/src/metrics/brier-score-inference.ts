import type { ColumnTable, DenseMatrix, MissingPolicy } from '@tace/core';
import { assertFiniteNumber, assertInRange, denseMatrix, normalQuantile, TaceError } from '@tace/core';
import { assertAscending } from '../internal/assert-ascending.js';
import { censoringSurvival } from '../internal/censoring-km.js';
import type { EventInput, NumericInput } from '../internal/survival-data.js';
import { toSurvivalData } from '../internal/survival-data.js';
import { timeOrder } from './auc-influence.js';
import { brierInfluence } from './brier-influence.js';
import { predictionsPerTime } from './predictions.js';
import { sampleSd } from './time-dependent-auc-inference.js';

/** Options for {@link brierScoreInference}. */
export interface BrierScoreInferenceOptions {
  /** Evaluation times, ascending (same unit as `time`), as `Score(times)`. */
  times: readonly number[];
  /** Confidence level, as `Score(conf.int)`. @default 0.95 */
  confLevel?: number;
  /** Missing-value policy for time and event. @default 'error' */
  missing?: MissingPolicy;
}

/** The integrated Brier score (step rule, as `Score(summary = "ibs")` at the last time) with its CI. */
export interface IntegratedBrierInference {
  ibs: number;
  stdErr: number;
  lower: number;
  upper: number;
}

/** Result of {@link brierScoreInference}. */
export interface BrierScoreInferenceResult {
  times: Float64Array;
  brier: Float64Array;
  /** Influence-function standard error: sd(influence) / sqrt(n), as Score's `se`. */
  stdErr: Float64Array;
  /** Wald limits clipped to [0, 1], as Score's `lower` / `upper`. */
  lower: Float64Array;
  upper: Float64Array;
  /** (1 / t_K) sum_k BS(t_k) (t_{k+1} - t_k) with its influence-function SE (NaN fields with one time). */
  integrated: IntegratedBrierInference;
  /** n x times influence values of the Brier scores, subjects in input order. */
  influence: DenseMatrix;
  confLevel: number;
  omitted: number;
  /** One row per time: time, brier, stdErr, lower, upper. */
  toTable(): ColumnTable;
}

/**
 * IPCW Brier score at each time (Graf et al. 1999) with influence-function standard errors that include
 * the Kaplan-Meier estimation of the censoring distribution, Wald CIs clipped to [0, 1], and the integrated
 * Brier score (step rule) with the SE of the same linear combination of the influence values.
 *
 * Matches R `riskRegression::Score(metrics = "brier", cens.model = "km", se.fit = TRUE)` (2022.11.28) at
 * 1e-8 for Brier, se, lower and upper; the IBS SE equals sqrt(w' V w) with V Score's `keep = "vcov"`
 * covariance (1e-8). The estimate equals {@link brierScore}'s.
 *
 * @param survival - predicted S(t): one array per time, or one array used at every time.
 * @throws {TaceError} invalid outcome, times not ascending, predictions outside [0, 1] or missing.
 * @example brierScoreInference(time, status, [s365, s730], { times: [365, 730] }).integrated.stdErr
 */
export function brierScoreInference(
  time: NumericInput,
  event: EventInput,
  survival: NumericInput | readonly NumericInput[],
  options: BrierScoreInferenceOptions,
): BrierScoreInferenceResult {
  const times = options.times;
  for (const t of times) assertFiniteNumber(t, 'times');
  assertAscending(times, 'times');
  const confLevel = options.confLevel ?? 0.95;
  assertInRange(confLevel, 'confLevel', 0, 1, { lower: true, upper: true });
  const data = toSurvivalData(time, event, options.missing ?? 'error');
  const preds = predictionsPerTime(survival, times.length, time.length, data.rows, 'survival');
  const G = censoringSurvival(data.time, data.event);
  const order = timeOrder(data.time);
  const n = data.time.length;
  const K = times.length;
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  const out = {
    times: Float64Array.from(times),
    brier: new Float64Array(K),
    stdErr: new Float64Array(K),
    lower: new Float64Array(K),
    upper: new Float64Array(K),
    influence: denseMatrix(n, K),
    confLevel,
    omitted: data.omitted,
  };
  const residuals = new Float64Array(n);
  const ibsInfluence = new Float64Array(n);
  let ibs = 0;
  for (let k = 0; k < K; k++) {
    const t = times[k];
    const s = preds[k];
    const gt = G.at(t);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      assertProbability(s[i], data.rows[i]);
      if (data.time[i] <= t && data.event[i] === 1) residuals[i] = (s[i] * s[i]) / G.before(data.time[i]);
      else if (data.time[i] > t) residuals[i] = ((1 - s[i]) * (1 - s[i])) / gt;
      else residuals[i] = 0;
      sum += residuals[i];
    }
    const b = sum / n;
    const inf = brierInfluence(data.time, data.event, residuals, t, order);
    const se = sampleSd(inf) / Math.sqrt(n);
    out.brier[k] = b;
    out.stdErr[k] = se;
    out.lower[k] = clip(b - z * se);
    out.upper[k] = clip(b + z * se);
    out.influence.data.set(inf, k * n);
    const w = k < K - 1 ? (times[k + 1] - t) / times[K - 1] : 0;
    ibs += w * b;
    for (let i = 0; i < n; i++) ibsInfluence[i] += w * inf[i];
  }
  const ibsSe = K < 2 ? Number.NaN : sampleSd(ibsInfluence) / Math.sqrt(n);
  const integrated: IntegratedBrierInference =
    K < 2
      ? { ibs: Number.NaN, stdErr: Number.NaN, lower: Number.NaN, upper: Number.NaN }
      : { ibs, stdErr: ibsSe, lower: clip(ibs - z * ibsSe), upper: clip(ibs + z * ibsSe) };
  return {
    ...out,
    integrated,
    toTable: () => ({
      time: Array.from(out.times),
      brier: Array.from(out.brier),
      stdErr: Array.from(out.stdErr),
      lower: Array.from(out.lower),
      upper: Array.from(out.upper),
    }),
  };
}

function assertProbability(v: number, row: number): void {
  if (v >= 0 && v <= 1) return;
  throw new TaceError('INVALID_ARGUMENT', `survival prediction ${v} at row ${row + 1} is not a probability`, {
    param: 'survival',
    remedy: 'pass predicted survival probabilities S(t) in [0, 1]',
  });
}
