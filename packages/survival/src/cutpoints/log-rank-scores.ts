import { orderByTime } from '../internal/order.js';

/**
 * Log-rank scores a_i = event_i - sum_{j: t_j <= t_i} event_j / (N - r_j + 1), r_j the number of
 * subjects with t <= t_j (tied times share the largest rank), as R `exactRankTests::cscores(Surv, type =
 * "LogRank")` used by `maxstat`.
 */
export function logRankScores(time: Float64Array, event: Uint8Array): Float64Array {
  const n = time.length;
  const order = orderByTime(time);
  const scores = new Float64Array(n);
  let cum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    let d = 0;
    for (; j < n && time[order[j]] === time[order[i]]; j++) d += event[order[j]];
    // every subject of this tie block has rank j (the largest); the block's events add d / (N - j + 1)
    cum += d / (n - j + 1);
    for (let k = i; k < j; k++) scores[order[k]] = event[order[k]] - cum;
    i = j;
  }
  return scores;
}
