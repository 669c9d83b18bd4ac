import { assertFiniteNumber, assertSameLength, TaceError } from '@tace/core';
import { censoringSurvival } from '../internal/censoring-km.js';

/** Result of {@link timeDependentRoc}. */
export interface TimeDependentRocCurve {
  time: number;
  /** Thresholds, descending (the first is +Infinity: nobody positive). */
  thresholds: Float64Array;
  /** 1 - specificity and sensitivity at each threshold ("positive" = marker > threshold). */
  falsePositiveRate: Float64Array;
  truePositiveRate: Float64Array;
  /** Trapezoidal area under the curve: equals `timeDependentAuc` (ties count 1/2). */
  auc: number;
}

/**
 * The cumulative/dynamic time-dependent ROC curve at time t with inverse-probability-of-censoring weights
 * (Uno et al. 2007; Blanche et al. 2013, as R `timeROC` with `weighting = "marginal"`): cases are subjects
 * with an event by t, weighted 1 / G(T_i-), controls those still followed after t (equal weights), G the
 * Kaplan-Meier of censoring. One point per distinct marker value; O(n log n).
 * @param marker - higher = higher risk.
 * @throws {TaceError} `LENGTH_MISMATCH`; `EMPTY_INPUT` when there is no case or no control at t.
 * @example timeDependentRoc(time, event, lp, 24).truePositiveRate
 */
export function timeDependentRoc(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  marker: ArrayLike<number>,
  t: number,
): TimeDependentRocCurve {
  assertSameLength(['time', time], ['event', event], ['marker', marker]);
  assertFiniteNumber(t, 't');
  const n = time.length;
  const times = Float64Array.from(time);
  const events = Uint8Array.from(event, (e) => (e === 1 ? 1 : 0));
  const G = censoringSurvival(times, events);
  const weight = new Float64Array(n);
  const isCase = new Uint8Array(n);
  let caseTotal = 0;
  let controlTotal = 0;
  for (let i = 0; i < n; i++) {
    if (times[i] <= t && events[i] === 1) {
      isCase[i] = 1;
      weight[i] = 1 / G.before(times[i]);
      caseTotal += weight[i];
    } else if (times[i] > t) {
      weight[i] = 1;
      controlTotal += 1;
    }
  }
  if (caseTotal === 0 || controlTotal === 0) {
    throw new TaceError(
      'EMPTY_INPUT',
      `no ${caseTotal === 0 ? 'case (event by t)' : 'control (followed beyond t)'} at t = ${t}`,
      {
        param: 't',
        remedy: 'choose a time inside the follow-up with events before it',
      },
    );
  }
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((i) => weight[i] > 0)
    .sort((a, b) => marker[b] - marker[a]);
  const thresholds: number[] = [Number.POSITIVE_INFINITY];
  const fpr: number[] = [0];
  const tpr: number[] = [0];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; ) {
    const value = marker[order[k]];
    for (; k < order.length && marker[order[k]] === value; k++) {
      const i = order[k];
      if (isCase[i]) tp += weight[i];
      else fp += 1;
    }
    thresholds.push(value);
    tpr.push(tp / caseTotal);
    fpr.push(fp / controlTotal);
  }
  let auc = 0;
  for (let k = 1; k < fpr.length; k++) auc += ((fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1])) / 2;
  return {
    time: t,
    thresholds: Float64Array.from(thresholds),
    falsePositiveRate: Float64Array.from(fpr),
    truePositiveRate: Float64Array.from(tpr),
    auc,
  };
}
