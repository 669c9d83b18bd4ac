/**
 * Writes into `order` the indices 0..n-1 sorted by `values` decreasing, ties in index order (R's stable
 * `order(x, decreasing = TRUE)`). `order` must have length n. No allocation beyond the sort.
 */
export function orderDecreasing(values: Float64Array, order: Uint32Array): Uint32Array {
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => {
    const d = values[b] - values[a];
    return d !== 0 && !Number.isNaN(d) ? d : compareTies(values[a], values[b], a, b);
  });
  return order;
}

// +Infinity == +Infinity gives NaN differences: order them as equal values, by index.
function compareTies(va: number, vb: number, a: number, b: number): number {
  if (va === vb) return a - b;
  return vb > va ? 1 : -1;
}
