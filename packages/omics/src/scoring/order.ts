/** Scratch buffers for {@link rankDecreasing} / {@link orderDecreasing}. */
export interface OrderScratch {
  /** Sort keys (two 32-bit words per value) and their double-buffer. */
  keys: Uint32Array;
  keysAlt: Uint32Array;
  /** Index permutation and its double-buffer; after sorting, `order` holds the stable decreasing order. */
  order: Uint32Array;
  orderAlt: Uint32Array;
  counts: Uint32Array;
  digits: Uint16Array;
  /** Per value: how many values are strictly greater (its tie group's first 0-based decreasing position). */
  start: Int32Array;
  /** Per value: its 0-based position in the stable decreasing order. */
  position: Int32Array;
  /** At index `start[g]`: the size of g's tie group. */
  taken: Int32Array;
}

const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const MASK = BUCKETS - 1;

/** Allocates {@link OrderScratch} for n values. */
export function orderScratch(n: number): OrderScratch {
  return {
    keys: new Uint32Array(2 * n),
    keysAlt: new Uint32Array(2 * n),
    order: new Uint32Array(n),
    orderAlt: new Uint32Array(n),
    counts: new Uint32Array(BUCKETS),
    digits: new Uint16Array(n),
    start: new Int32Array(n),
    position: new Int32Array(n),
    taken: new Int32Array(n),
  };
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1; // little-endian: low word first

/**
 * Stable decreasing order of `values` (R's `order(x, decreasing = TRUE)`: ties in index order) and the
 * derived ranks, by an LSD radix sort on the IEEE-754 bits (6 passes of 11 bits, no comparisons): each value
 * becomes a 64-bit key that sorts like the number (sign bit flipped for positives, all bits flipped for
 * negatives), complemented for decreasing order; -0 is folded into +0 so they tie, as in R. Fills
 * `scratch.order`, `scratch.position`, `scratch.start` and the tie-group sizes `scratch.taken[start]`.
 * Values must not be NaN.
 */
export function rankDecreasing(values: Float64Array, scratch: OrderScratch): void {
  const n = values.length;
  let { keys, keysAlt, order, orderAlt } = scratch;
  const { counts } = scratch;
  for (let g = 0; g < n; g++) {
    bits[0] = values[g] + 0; // -0 + 0 = +0
    let hi = words[1 - LOW];
    let lo = words[LOW];
    if (hi & 0x80000000) {
      hi = ~hi;
      lo = ~lo;
    } else hi |= 0x80000000;
    keys[2 * g] = ~lo >>> 0; // complement: decreasing
    keys[2 * g + 1] = ~hi >>> 0;
    order[g] = g;
  }
  const { digits } = scratch;
  for (let pass = 0; pass < 6; pass++) {
    const shift = pass * DIGIT_BITS;
    if (shift + DIGIT_BITS <= 32) {
      for (let i = 0; i < n; i++) digits[i] = (keys[2 * i] >>> shift) & MASK;
    } else if (shift < 32) {
      for (let i = 0; i < n; i++)
        digits[i] = ((keys[2 * i] >>> shift) | (keys[2 * i + 1] << (32 - shift))) & MASK;
    } else {
      for (let i = 0; i < n; i++) digits[i] = (keys[2 * i + 1] >>> (shift - 32)) & MASK;
    }
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[digits[i]]++;
    if (counts[digits[0]] === n) continue; // every key has this digit: the pass would not move anything
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[b];
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const to = counts[digits[i]]++;
      keysAlt[2 * to] = keys[2 * i];
      keysAlt[2 * to + 1] = keys[2 * i + 1];
      orderAlt[to] = order[i];
    }
    [keys, keysAlt] = [keysAlt, keys];
    [order, orderAlt] = [orderAlt, order];
  }
  // skipped passes make the final buffer either one: keep the sorted order in scratch.order
  if (order !== scratch.order) scratch.order.set(order);
  order = scratch.order;
  const { start, position, taken } = scratch;
  let i = 0;
  while (i < n) {
    let j = i + 1;
    const v = values[order[i]];
    while (j < n && values[order[j]] === v) j++;
    for (let p = i; p < j; p++) {
      const g = order[p];
      start[g] = i;
      position[g] = p;
    }
    taken[i] = j - i;
    i = j;
  }
}

/**
 * Writes into `order` the indices 0..n-1 sorted by `values` decreasing, ties in index order (R's stable
 * `order(x, decreasing = TRUE)`), via {@link rankDecreasing}.
 */
export function orderDecreasing(
  values: Float64Array,
  order: Uint32Array,
  scratch: OrderScratch,
): Uint32Array {
  rankDecreasing(values, scratch);
  order.set(scratch.order);
  return order;
}
