/**
 * Indices that sort `time` ascending; among tied times, by `key` ascending when given (e.g. strata first,
 * then time). Uses a stable comparator sort on an `Int32Array`.
 */
export function orderByTime(time: Float64Array, strata?: Int32Array): Int32Array {
  const n = time.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (strata === undefined) order.sort((a, b) => time[a] - time[b] || a - b);
  else order.sort((a, b) => strata[a] - strata[b] || time[a] - time[b] || a - b);
  return order;
}
