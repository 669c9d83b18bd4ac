/** Largest value range sorted by counting: 2^20 bins (4 MiB of counts), beyond any CT or MR intensity range. */
const MAX_COUNTING_RANGE = 2 ** 20;

/**
 * An ascending copy of `values`, equal element for element to `Float64Array.from(values).sort()`: by counting
 * when every value is an integer and their range is at most `max(4 n, 2^16)` (2^20 at most; CT and most MR
 * intensities, in O(n + range) instead of a comparison sort, -0 before 0 as the sort places it), else by that
 * sort.
 * @example sortedValues(Float64Array.of(3, -1, 2)) // Float64Array [-1, 2, 3]
 */
export function sortedValues(values: Float64Array): Float64Array {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    // false for NaN and the infinities too
    integral &&= Number.isInteger(v);
  }
  const range = max - min;
  if (n === 0 || !integral || range > Math.min(Math.max(4 * n, 2 ** 16), MAX_COUNTING_RANGE)) {
    return Float64Array.from(values).sort();
  }
  const counts = new Int32Array(range + 1);
  let negativeZeros = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    counts[v - min]!++;
    if (v === 0 && 1 / v < 0) negativeZeros++;
  }
  const sorted = new Float64Array(n);
  let k = 0;
  for (let bin = 0; bin <= range; bin++) {
    let c = counts[bin]!;
    if (c === 0) continue;
    const v = min + bin;
    if (v === 0) {
      sorted.fill(-0, k, k + negativeZeros);
      k += negativeZeros;
      c -= negativeZeros;
    }
    sorted.fill(v, k, k + c);
    k += c;
  }
  return sorted;
}
