/**
 * Fenwick (binary indexed) tree over slots 0..size-1 held in a plain `Float64Array` of size + 1 doubles
 * (entry 0 unused): O(log size) point additions and prefix sums. Meant for small trees that stay in cache.
 */

/** Adds `value` at `slot` of the Fenwick tree `tree` (length size + 1). */
export function fenwickAdd(tree: Float64Array, slot: number, value: number): void {
  const size = tree.length - 1;
  for (let i = slot + 1; i <= size; i += i & -i) tree[i] += value;
}

/** Sum of the values at slots strictly below `slot`. */
export function fenwickSumBelow(tree: Float64Array, slot: number): number {
  let s = 0;
  for (let i = slot; i > 0; i -= i & -i) s += tree[i];
  return s;
}
