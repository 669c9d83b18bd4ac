import type { ColumnTable, MissingPolicy } from '@tace/core';
import { assertFiniteNumber, assertInteger } from '@tace/core';
import { quantileGroups } from '../internal/quantile-groups.js';
import type { EventInput, NumericInput } from '../internal/survival-data.js';
import { toSurvivalData } from '../internal/survival-data.js';
import { kaplanMeier } from '../nonparametric/kaplan-meier.js';
import { predictionsPerTime } from './predictions.js';

/** Options for {@link calibration}. */
export interface CalibrationOptions {
  /** Evaluation time t (same unit as `time`). */
  time: number;
  /** Number of risk groups, cut at quantiles of the predicted risk (R `cut(quantile(...))`). @default 10 */
  groups?: number;
  /** Level of the Kaplan-Meier confidence interval of the observed risk (log transform). @default 0.95 */
  confLevel?: number;
  /** Missing-value policy for time and event. @default 'error' */
  missing?: MissingPolicy;
}

/** Result of {@link calibration}: one entry per risk group (lowest risk first). */
export interface CalibrationResult {
  time: number;
  /** Group (0-based) of each subject used. */
  group: Int32Array;
  n: Float64Array;
  /** Mean predicted risk 1 - S(t) in the group. */
  predicted: Float64Array;
  /** Observed risk 1 - KM(t) in the group, with its confidence limits. */
  observed: Float64Array;
  observedLower: Float64Array;
  observedUpper: Float64Array;
  omitted: number;
  toTable(): ColumnTable;
}

/**
 * Calibration of predicted risks at time t: subjects are grouped by quantiles of the predicted risk
 * (intervals closed on the right, the lowest included, as R `cut(x, quantile(x, 0:g/g), include.lowest =
 * TRUE)`), and each group's mean prediction is set against the Kaplan-Meier risk 1 - KM(t).
 * Matches the same computation in R (survival 3.5 `survfit`, `quantile` type 7) to 1e-10. The optimism-
 * corrected bootstrap of `rms::calibrate` is not implemented.
 *
 * @param risk - predicted probability of an event by `options.time`.
 * @throws {TaceError} invalid outcome, risks outside [0, 1], tied quantile breaks (too many groups).
 * @example calibration(time, status, risk365, { time: 365, groups: 5 }).observed
 */
export function calibration(
  time: NumericInput,
  event: EventInput,
  risk: NumericInput,
  options: CalibrationOptions,
): CalibrationResult {
  const t = options.time;
  assertFiniteNumber(t, 'time');
  const g = options.groups ?? 10;
  assertInteger(g, 'groups', 1);
  const data = toSurvivalData(time, event, options.missing ?? 'error');
  const [r] = predictionsPerTime(risk, 1, time.length, data.rows, 'risk');
  const { groupOf } = quantileGroups(r, g);
  const group = Int32Array.from(r, groupOf);
  const byGroup = groupedCalibration(data.time, data.event, r, group, g, t, options.confLevel ?? 0.95);
  const out: CalibrationResult = {
    time: t,
    group,
    n: byGroup.n,
    predicted: byGroup.predicted,
    observed: byGroup.survival.map((s) => 1 - s),
    observedLower: byGroup.upper.map((s) => 1 - s),
    observedUpper: byGroup.lower.map((s) => 1 - s),
    omitted: data.omitted,
    toTable: () => ({
      group: Array.from({ length: g }, (_, k) => k + 1),
      n: Array.from(out.n),
      predicted: Array.from(out.predicted),
      observed: Array.from(out.observed),
      observedLower: Array.from(out.observedLower),
      observedUpper: Array.from(out.observedUpper),
    }),
  };
  return out;
}

/** Per group: subjects, mean prediction, and the Kaplan-Meier survival at t with its log CI. */
export interface GroupedCalibration {
  n: Float64Array;
  /** Mean of the predictions in the group (NaN for an empty group). */
  predicted: Float64Array;
  /** KM(t) of the group and its confidence limits (NaN for an empty group). */
  survival: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
}

/**
 * The one calibration computation (used by {@link calibration} and `calibrateCox`): subjects in groups
 * `0..groups-1`, each group's mean prediction set against its Kaplan-Meier survival at `t`.
 */
export function groupedCalibration(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  predicted: ArrayLike<number>,
  group: Int32Array,
  groups: number,
  t: number,
  confLevel = 0.95,
): GroupedCalibration {
  const out: GroupedCalibration = {
    n: new Float64Array(groups),
    predicted: new Float64Array(groups),
    survival: new Float64Array(groups).fill(Number.NaN),
    lower: new Float64Array(groups).fill(Number.NaN),
    upper: new Float64Array(groups).fill(Number.NaN),
  };
  const km = kaplanMeier(time, event, { group: Array.from(group), times: [t], confLevel });
  for (const curve of km.curves) {
    const k = Number(curve.group);
    out.n[k] = curve.n;
    out.survival[k] = curve.atTimes.survival[0];
    out.lower[k] = curve.atTimes.lower[0];
    out.upper[k] = curve.atTimes.upper[0];
  }
  for (let i = 0; i < group.length; i++) out.predicted[group[i]] += predicted[i] / out.n[group[i]];
  for (let k = 0; k < groups; k++) if (out.n[k] === 0) out.predicted[k] = Number.NaN;
  return out;
}
