/**
 * How many values of an ascending array are below `v` (or at or below it when `orEqual`): the insertion point of
 * `v` by binary search, as R's `findInterval` / NumPy's `searchsorted` (side 'left', or 'right' when `orEqual`).
 * O(log n), no allocation.
 * @example countSortedBelow(Float64Array.from([1, 2, 2, 3]), 2) // 1
 * @example countSortedBelow(Float64Array.from([1, 2, 2, 3]), 2, true) // 3
 */
export function countSortedBelow(sorted: ArrayLike<number>, v: number, orEqual = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (orEqual ? sorted[mid] <= v : sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
