import { orderByTime } from './order.js';

/**
 * Kaplan-Meier estimate G of the censoring distribution (censorings as events, events as censored), the
 * basis of inverse-probability-of-censoring weights. At a time with both events and censorings, the events
 * are taken to come first (they leave the censoring risk set), as R `prodlim(..., reverse = TRUE)`.
 */
export interface CensoringSurvival {
  /** Distinct follow-up times, ascending. */
  time: Float64Array;
  /** G just after each time. */
  surv: Float64Array;
  /** G(t): the value after the last distinct time <= t (1 before the first). */
  at(t: number): number;
  /** G(t-): the value after the last distinct time < t. */
  before(t: number): number;
}

/** Builds {@link CensoringSurvival} from validated arrays. */
export function censoringSurvival(time: Float64Array, event: Uint8Array): CensoringSurvival {
  const n = time.length;
  const order = orderByTime(time);
  const times: number[] = [];
  const surv: number[] = [];
  let g = 1;
  for (let i = 0; i < n; ) {
    let j = i;
    let c = 0;
    let d = 0;
    for (; j < n && time[order[j]] === time[order[i]]; j++) {
      if (event[order[j]] === 0) c++;
      else d++;
    }
    // censorings tied with events are counted after them: the events leave the risk set first
    if (c > 0) g *= (n - i - d - c) / (n - i - d);
    times.push(time[order[i]]);
    surv.push(g);
    i = j;
  }
  const t = Float64Array.from(times);
  const s = Float64Array.from(surv);
  // index of the last time <= x (strict: < x), or -1
  const last = (x: number, strict: boolean): number => {
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (strict ? t[mid] < x : t[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  return {
    time: t,
    surv: s,
    at: (x) => {
      const k = last(x, false);
      return k < 0 ? 1 : s[k];
    },
    before: (x) => {
      const k = last(x, true);
      return k < 0 ? 1 : s[k];
    },
  };
}
