/**
 * Partially orders `values` in place so that each requested 0-based position k holds the k-th smallest value,
 * smaller values before it and larger after (as C++ `nth_element`, R's `sort(partial = )`). `positions` must
 * be ascending. Quickselect with median-of-three pivots; falls back to a full sort on adversarial input.
 * `values` must not contain NaN.
 */
export function selectInPlace(values: Float64Array, positions: readonly number[]): void {
  let from = 0;
  let budget = 64 + 4 * Math.ceil(Math.log2(values.length + 1)) * Math.max(1, positions.length);
  for (const k of positions) {
    if (k < from) continue;
    let lo = from;
    let hi = values.length - 1;
    while (hi > lo) {
      if (--budget < 0) {
        values.subarray(from).sort();
        return;
      }
      const pivot = medianOfThree(values[lo], values[(lo + hi) >>> 1], values[hi]);
      // Hoare partition around the pivot value
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (values[i] < pivot) i++;
        while (values[j] > pivot) j--;
        if (i <= j) {
          const t = values[i];
          values[i] = values[j];
          values[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) hi = j;
      else if (k >= i) lo = i;
      else break; // j < k < i: values[k] equals the pivot and is in place
    }
    from = k + 1;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}
