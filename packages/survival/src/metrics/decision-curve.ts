import type { ColumnTable, MissingPolicy } from '@tace/core';
import { assertFiniteNumber, assertInRange } from '@tace/core';
import type { EventInput, NumericInput } from '../internal/survival-data.js';
import { toSurvivalData } from '../internal/survival-data.js';
import { kaplanMeier } from '../nonparametric/kaplan-meier.js';
import { predictionsPerTime } from './predictions.js';

/** Options for {@link decisionCurve}. */
export interface DecisionCurveOptions {
  /** Evaluation time t. */
  time: number;
  /** Risk thresholds p_t in (0, 1). @default 0.01, 0.02, ..., 0.99 */
  thresholds?: readonly number[];
  /** Missing-value policy for time and event. @default 'error' */
  missing?: MissingPolicy;
}

/** Result of {@link decisionCurve}: one value per threshold. */
export interface DecisionCurveResult {
  time: number;
  thresholds: Float64Array;
  /** Net benefit of treating subjects whose predicted risk is >= the threshold. */
  netBenefit: Float64Array;
  /** Net benefit of treating everyone. */
  treatAll: Float64Array;
  /** Net benefit of treating no one (0). */
  treatNone: Float64Array;
  omitted: number;
  toTable(): ColumnTable;
}

/**
 * Decision-curve analysis at time t for censored outcomes (Vickers et al. 2008): with x = risk >= p_t,
 * true positives = P(event by t | x) P(x) and false positives = (1 - P(event by t | x)) P(x), the event
 * probability from the Kaplan-Meier of the selected subjects; net benefit = TP - FP p_t / (1 - p_t).
 * Matches the same computation in R (survival 3.5 `survfit`) to 1e-10.
 * @param risk - predicted probability of an event by `options.time`.
 * @throws {TaceError} invalid outcome, thresholds outside (0, 1).
 * @example decisionCurve(time, status, risk365, { time: 365, thresholds: [0.1, 0.2] }).netBenefit
 */
export function decisionCurve(
  time: NumericInput,
  event: EventInput,
  risk: NumericInput,
  options: DecisionCurveOptions,
): DecisionCurveResult {
  const t = options.time;
  assertFiniteNumber(t, 'time');
  const thresholds = Float64Array.from(
    options.thresholds ?? Array.from({ length: 99 }, (_, k) => (k + 1) / 100),
  );
  for (const p of thresholds) assertInRange(p, 'thresholds', 0, 1, { lower: true, upper: true });
  const data = toSurvivalData(time, event, options.missing ?? 'error');
  const [r] = predictionsPerTime(risk, 1, time.length, data.rows, 'risk');
  const n = r.length;
  const eventBy = (rows: number[]): number => {
    const km = kaplanMeier(
      rows.map((i) => data.time[i]),
      rows.map((i) => data.event[i]),
      { times: [t] },
    );
    return 1 - km.curves[0].atTimes.survival[0];
  };
  const all = Array.from({ length: n }, (_, i) => i);
  const pAll = eventBy(all);
  const netBenefit = new Float64Array(thresholds.length);
  const treatAll = new Float64Array(thresholds.length);
  thresholds.forEach((pt, k) => {
    const odds = pt / (1 - pt);
    treatAll[k] = pAll - (1 - pAll) * odds;
    const pos = all.filter((i) => r[i] >= pt);
    if (pos.length === 0) return;
    const pEvent = eventBy(pos);
    const frac = pos.length / n;
    netBenefit[k] = pEvent * frac - (1 - pEvent) * frac * odds;
  });
  const treatNone = new Float64Array(thresholds.length);
  return {
    time: t,
    thresholds,
    netBenefit,
    treatAll,
    treatNone,
    omitted: data.omitted,
    toTable: () => ({
      threshold: Array.from(thresholds),
      netBenefit: Array.from(netBenefit),
      treatAll: Array.from(treatAll),
      treatNone: Array.from(treatNone),
    }),
  };
}
