/** A numeric key per row, read through an order array. */
export type SortKey = Float64Array | Int32Array | Uint8Array;

const RADIX = 1 << 16;

/**
 * Stable in-place sort of the row indices in `order` by `key[order[i]]` (ascending, or descending when
 * `descending`; keys must not be NaN): a least-significant-digit radix sort on the IEEE-754 bits of the
 * keys (four 16-bit passes, passes skipped where every key shares the digit), O(n), typed arrays only.
 * Sorting by several keys = one call per key, least significant first.
 */
export function stableSortBy(order: Int32Array, key: SortKey, descending = false): void {
  const n = order.length;
  if (n < 2) return;
  if (!(key instanceof Float64Array) && countingSortBy(order, key, descending)) return;
  const lo = new Uint32Array(key.length);
  const hi = new Uint32Array(key.length);
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  const sign = descending ? -1 : 1;
  for (let i = 0; i < n; i++) {
    const row = order[i];
    f64[0] = sign * key[row] + 0; // + 0 turns -0 into 0
    let l = u32[0];
    let h = u32[1];
    // order-preserving map from doubles to unsigned integers
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    lo[row] = l;
    hi[row] = h;
  }
  let src: Int32Array = order;
  let dst: Int32Array = new Int32Array(n);
  const count = new Int32Array(RADIX);
  for (let pass = 0; pass < 4; pass++) {
    const words = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(words[src[i]] >>> shift) & 0xffff]++;
    if (count[(words[src[0]] >>> shift) & 0xffff] === n) continue; // every key has this digit
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const row = src[i];
      dst[count[(words[row] >>> shift) & 0xffff]++] = row;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== order) order.set(src);
}

/** Row indices 0..n-1 sorted by the given keys (most significant first), stably. */
export function orderBy(n: number, keys: { key: SortKey; descending?: boolean }[]): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let k = keys.length - 1; k >= 0; k--) stableSortBy(order, keys[k].key, keys[k].descending ?? false);
  return order;
}

/**
 * Stable counting sort of `order` by small integer keys (codes of strata or groups): one pass when the keys
 * span at most 2^16 values; false (nothing done) otherwise.
 */
function countingSortBy(order: Int32Array, key: Int32Array | Uint8Array, descending: boolean): boolean {
  const n = order.length;
  let min = key[order[0]];
  let max = min;
  for (let i = 1; i < n; i++) {
    const k = key[order[i]];
    if (k < min) min = k;
    else if (k > max) max = k;
  }
  if (max - min >= RADIX) return false;
  if (max === min) return true;
  const count = new Int32Array(max - min + 2);
  for (let i = 0; i < n; i++) {
    const k = key[order[i]];
    count[(descending ? max - k : k - min) + 1]++;
  }
  for (let d = 1; d < count.length; d++) count[d] += count[d - 1];
  const src = Int32Array.from(order);
  for (let i = 0; i < n; i++) {
    const row = src[i];
    const k = key[row];
    order[count[descending ? max - k : k - min]++] = row;
  }
  return true;
}
