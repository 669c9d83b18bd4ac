import type { ColumnTable, MissingPolicy } from '@tace/core';
import { assertFiniteNumber } from '@tace/core';
import { countSortedBelow } from '@tace/core/kernels';
import { orderBy } from '../internal/argsort.js';
import { censoringSurvival } from '../internal/censoring-km.js';
import type { EventInput, NumericInput } from '../internal/survival-data.js';
import { assertHasEvents, toSurvivalData } from '../internal/survival-data.js';
import { predictionsPerTime } from './predictions.js';

/** Options for {@link timeDependentAuc}. */
export interface TimeDependentAucOptions {
  /** Evaluation times (same unit as `time`). */
  times: readonly number[];
  /** Missing-value policy for time and event (predictions must be complete). @default 'error' */
  missing?: MissingPolicy;
}

/** Result of {@link timeDependentAuc}: one value per evaluation time. */
export interface TimeDependentAucResult {
  times: Float64Array;
  auc: Float64Array;
  /** Cases (event by t) and controls (still followed after t) at each time. */
  cases: Float64Array;
  controls: Float64Array;
  omitted: number;
  /** One row per time: time, auc, cases, controls. */
  toTable(): ColumnTable;
}

/**
 * Cumulative/dynamic time-dependent AUC with inverse-probability-of-censoring weights (Uno et al. 2007;
 * Blanche et al. 2013): cases are subjects with an event by t, weighted 1 / G(T_i-); controls are subjects
 * still followed after t, weighted 1 / G(t); G is the Kaplan-Meier of the censoring distribution. Marker
 * ties count 1/2. O(n log n) per time.
 *
 * Matches R `riskRegression::Score(..., metrics = "auc", cens.model = "km")` (2022.11.28) to 1e-8 on lung
 * and veteran Cox predictions.
 *
 * @param marker - higher = higher risk: one array, or one array per time (e.g. predicted risk at t).
 * @throws {TaceError} invalid outcome or times, mismatched lengths, missing predictions.
 * @example timeDependentAuc(time, status, lp, { times: [365, 730] }).auc
 */
export function timeDependentAuc(
  time: NumericInput,
  event: EventInput,
  marker: NumericInput | readonly NumericInput[],
  options: TimeDependentAucOptions,
): TimeDependentAucResult {
  const times = options.times;
  for (const t of times) assertFiniteNumber(t, 'times');
  const data = toSurvivalData(time, event, options.missing ?? 'error');
  assertHasEvents(data);
  const markers = predictionsPerTime(marker, times.length, time.length, data.rows, 'marker');
  const G = censoringSurvival(data.time, data.event);
  const n = data.time.length;
  const out: TimeDependentAucResult = {
    times: Float64Array.from(times),
    auc: new Float64Array(times.length),
    cases: new Float64Array(times.length),
    controls: new Float64Array(times.length),
    omitted: data.omitted,
    toTable: () => ({
      time: Array.from(out.times),
      auc: Array.from(out.auc),
      cases: Array.from(out.cases),
      controls: Array.from(out.controls),
    }),
  };
  times.forEach((t, k) => {
    const m = markers[k];
    // controls' markers, sorted: for each case count controls below / tied by binary search
    const controlRows: number[] = [];
    for (let i = 0; i < n; i++) if (data.time[i] > t) controlRows.push(i);
    const controlMarker = Float64Array.from(controlRows, (i) => m[i]);
    const sorted = Float64Array.from(
      orderBy(controlMarker.length, [{ key: controlMarker }]),
      (i) => controlMarker[i],
    );
    const nc = sorted.length;
    let num = 0;
    let den = 0;
    let cases = 0;
    for (let i = 0; i < n; i++) {
      if (!(data.time[i] <= t && data.event[i] === 1)) continue;
      const w = 1 / G.before(data.time[i]);
      const below = countSortedBelow(sorted, m[i]);
      const tied = countSortedBelow(sorted, m[i], true) - below;
      num += w * (below + tied / 2);
      den += w * nc;
      cases++;
    }
    out.auc[k] = den > 0 ? num / den : Number.NaN;
    out.cases[k] = cases;
    out.controls[k] = nc;
  });
  return out;
}
