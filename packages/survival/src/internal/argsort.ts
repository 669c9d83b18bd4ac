/** A numeric key per row, read through an order array. */
export type SortKey = Float64Array | Int32Array | Uint8Array;

const RADIX = 1 << 16;

/**
 * Stable in-place sort of the row indices in `order` by `key[order[i]]` (ascending, or descending when
 * `descending`; keys must not be NaN): a least-significant-digit radix sort on the IEEE-754 bits of the
 * keys (four 16-bit passes, passes skipped where every key shares the digit), O(n), typed arrays only.
 * The keys are read once, in `order`'s order, and then travel with the indices (sequential reads in every
 * pass, one scatter of writes); the four digit histograms come from one pass.
 * Sorting by several keys = one call per key, least significant first.
 */
export function stableSortBy(order: Int32Array, key: SortKey, descending = false): void {
  const n = order.length;
  if (n < 2) return;
  if (!(key instanceof Float64Array) && countingSortBy(order, key, descending)) return;
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  orderedBits(order, key, descending, lo, hi);
  const count = digitHistograms(lo, hi);
  let cur: RadixColumns = { order, lo, hi };
  let spare: RadixColumns = { order: new Int32Array(n), lo: new Uint32Array(n), hi: new Uint32Array(n) };
  for (let pass = 0; pass < 4; pass++) {
    const offsets = count.subarray(pass * RADIX, (pass + 1) * RADIX);
    const words = pass < 2 ? cur.lo : cur.hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    if (!startingOffsets(offsets, (words[0] >>> shift) & 0xffff, n)) continue; // every key has this digit
    // the low word is read again only by pass 1, the high word by passes 2 and 3
    scatterByDigit(cur, spare, words, shift, offsets, pass === 0, pass < 3);
    [cur, spare] = [spare, cur];
  }
  if (cur.order !== order) order.set(cur.order);
}

interface RadixColumns {
  order: Int32Array;
  lo: Uint32Array;
  hi: Uint32Array;
}

/** The keys at `order` as order-preserving unsigned 64-bit integers, split into low and high words. */
function orderedBits(order: Int32Array, key: SortKey, descending: boolean, lo: Uint32Array, hi: Uint32Array) {
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  const sign = descending ? -1 : 1;
  for (let i = 0; i < order.length; i++) {
    f64[0] = sign * key[order[i]] + 0; // + 0 turns -0 into 0
    let l = u32[0];
    let h = u32[1];
    // order-preserving map from doubles to unsigned integers
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    lo[i] = l;
    hi[i] = h;
  }
}

/** Counts of each 16-bit digit (four histograms of 2^16, least significant digit first), in one pass. */
function digitHistograms(lo: Uint32Array, hi: Uint32Array): Int32Array {
  const count = new Int32Array(4 * RADIX);
  for (let i = 0; i < lo.length; i++) {
    const l = lo[i];
    const h = hi[i];
    count[l & 0xffff]++;
    count[RADIX + (l >>> 16)]++;
    count[2 * RADIX + (h & 0xffff)]++;
    count[3 * RADIX + (h >>> 16)]++;
  }
  return count;
}

/** Turns a digit histogram into starting offsets; false (left as is) when one digit holds all n keys. */
function startingOffsets(digits: Int32Array, firstDigit: number, n: number): boolean {
  if (digits[firstDigit] === n) return false;
  let sum = 0;
  for (let d = 0; d < RADIX; d++) {
    const c = digits[d];
    digits[d] = sum;
    sum += c;
  }
  return true;
}

/** One stable pass: moves the indices (and the key words still needed) to their digit's next slot. */
function scatterByDigit(
  from: RadixColumns,
  to: RadixColumns,
  words: Uint32Array,
  shift: number,
  offsets: Int32Array,
  moveLo: boolean,
  moveHi: boolean,
): void {
  const { order, lo, hi } = from;
  const n = order.length;
  for (let i = 0; i < n; i++) {
    const slot = offsets[(words[i] >>> shift) & 0xffff]++;
    to.order[slot] = order[i];
    if (moveLo) to.lo[slot] = lo[i];
    if (moveHi) to.hi[slot] = hi[i];
  }
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
