import type { ColumnTable, MissingPolicy } from '@tace/core';
import { assertFiniteNumber, assertOneOf, TaceError } from '@tace/core';
import { assertAscending } from '../internal/assert-ascending.js';
import { censoringSurvival } from '../internal/censoring-km.js';
import type { EventInput, NumericInput } from '../internal/survival-data.js';
import { toSurvivalData } from '../internal/survival-data.js';
import { predictionsPerTime } from './predictions.js';

/** Options for {@link brierScore} and {@link integratedBrierScore}. */
export interface BrierScoreOptions {
  /** Evaluation times (same unit as `time`). */
  times: readonly number[];
  /** Missing-value policy for time and event. @default 'error' */
  missing?: MissingPolicy;
}

/** Result of {@link brierScore}. */
export interface BrierScoreResult {
  times: Float64Array;
  brier: Float64Array;
  omitted: number;
  /** One row per time: time, brier. */
  toTable(): ColumnTable;
}

/**
 * IPCW Brier score at each time (Graf et al. 1999): the mean of S_i(t)^2 / G(T_i-) over subjects with an
 * event by t and (1 - S_i(t))^2 / G(t) over subjects still followed after t (censored before t contribute 0).
 * Matches R `riskRegression::Score(..., metrics = "brier", cens.model = "km")` to 1e-8.
 *
 * @param survival - predicted probability of surviving past each time: one array per time (or one array
 * used at every time).
 * @throws {TaceError} invalid outcome, mismatched lengths, predictions outside [0, 1] or missing.
 * @example brierScore(time, status, [s365, s730], { times: [365, 730] }).brier
 */
export function brierScore(
  time: NumericInput,
  event: EventInput,
  survival: NumericInput | readonly NumericInput[],
  options: BrierScoreOptions,
): BrierScoreResult {
  const times = options.times;
  for (const t of times) assertFiniteNumber(t, 'times');
  const data = toSurvivalData(time, event, options.missing ?? 'error');
  const preds = predictionsPerTime(survival, times.length, time.length, data.rows, 'survival');
  const G = censoringSurvival(data.time, data.event);
  const n = data.time.length;
  const brier = new Float64Array(times.length);
  times.forEach((t, k) => {
    const s = preds[k];
    const gt = G.at(t);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      if (s[i] < 0 || s[i] > 1) {
        throw new TaceError(
          'INVALID_ARGUMENT',
          `survival prediction ${s[i]} at row ${data.rows[i] + 1} is not a probability`,
          {
            param: 'survival',
            remedy: 'pass predicted survival probabilities S(t) in [0, 1]',
          },
        );
      }
      if (data.time[i] <= t && data.event[i] === 1) sum += (s[i] * s[i]) / G.before(data.time[i]);
      else if (data.time[i] > t) sum += ((1 - s[i]) * (1 - s[i])) / gt;
    }
    brier[k] = sum / n;
  });
  return {
    times: Float64Array.from(times),
    brier,
    omitted: data.omitted,
    toTable: () => ({ time: [...times], brier: Array.from(brier) }),
  };
}

/** Options for {@link integratedBrierScore}. */
export interface IntegratedBrierScoreOptions extends BrierScoreOptions {
  /**
   * Integration rule over the time grid:
   * - `'step'`: (1 / t_K) sum_k BS(t_k) (t_{k+1} - t_k), the Brier score taken as 0 before the first time,
   *   as R `riskRegression::Score(summary = "ibs")` at the last time;
   * - `'trapezoid'`: trapezoidal integral from t_1 to t_K divided by t_K - t_1 (scikit-survival's
   *   `integrated_brier_score`).
   * @default 'step'
   */
  rule?: 'step' | 'trapezoid';
}

/** Result of {@link integratedBrierScore}. */
export interface IntegratedBrierScoreResult extends BrierScoreResult {
  ibs: number;
  rule: 'step' | 'trapezoid';
}

/**
 * Integrated IPCW Brier score over an ascending time grid (see {@link brierScore}).
 * @throws {TaceError} as {@link brierScore}; times not strictly ascending (at least two).
 * @example integratedBrierScore(time, status, survByTime, { times: [90, 180, 365] }).ibs
 */
export function integratedBrierScore(
  time: NumericInput,
  event: EventInput,
  survival: NumericInput | readonly NumericInput[],
  options: IntegratedBrierScoreOptions,
): IntegratedBrierScoreResult {
  const times = options.times;
  const rule = options.rule ?? 'step';
  assertOneOf(rule, 'rule', ['step', 'trapezoid']);
  assertAscending(times, 'times');
  if (times.length < 2) {
    throw new TaceError('INVALID_ARGUMENT', 'times needs at least two values to integrate over', {
      param: 'times',
    });
  }
  const bs = brierScore(time, event, survival, options);
  const b = bs.brier;
  const K = times.length;
  let integral = 0;
  if (rule === 'step') {
    for (let k = 0; k < K - 1; k++) integral += b[k] * (times[k + 1] - times[k]);
    integral /= times[K - 1];
  } else {
    for (let k = 0; k < K - 1; k++) integral += ((b[k] + b[k + 1]) / 2) * (times[k + 1] - times[k]);
    integral /= times[K - 1] - times[0];
  }
  return { ...bs, ibs: integral, rule };
}
