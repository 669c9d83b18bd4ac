import type { SimdKernels } from '../penalized/simd-kernels.js';

/** Rows per block of {@link addWeightedGram}: p columns of this many doubles stay in the L2 cache. */
export const GRAM_BLOCK = 1024;

/**
 * Adds `sign * sum_t weight[t] x_t x_t'` to the packed lower triangle `ipack` (p (p + 1) / 2), where x_t is
 * row t of a column-major matrix in `kernels.heap` (column c at `cols + c * ld`, rows from..to-1). Works in
 * blocks of {@link GRAM_BLOCK} rows: the weighted block columns go to the heap at `scratch`
 * (p * GRAM_BLOCK doubles), then each of the p (p + 1) / 2 products is one SIMD dot product over the block,
 * so every pass over the rows reads cached memory. Allocation-free.
 */
export function addWeightedGram(
  kernels: SimdKernels,
  cols: number,
  ld: number,
  from: number,
  to: number,
  p: number,
  weight: Float64Array,
  sign: number,
  ipack: Float64Array,
  scratch: number,
): void {
  const heap = kernels.heap;
  for (let b0 = from; b0 < to; b0 += GRAM_BLOCK) {
    const len = Math.min(GRAM_BLOCK, to - b0);
    // the weighted block columns, four at a time (four streams read at once: about 2x faster than one)
    let i = 0;
    for (; i + 4 <= p; i += 4) {
      const s0 = cols + i * ld + b0;
      const s1 = s0 + ld;
      const s2 = s1 + ld;
      const s3 = s2 + ld;
      const d0 = scratch + i * GRAM_BLOCK;
      const d1 = d0 + GRAM_BLOCK;
      const d2 = d1 + GRAM_BLOCK;
      const d3 = d2 + GRAM_BLOCK;
      for (let t = 0; t < len; t++) {
        const wt = weight[b0 + t];
        heap[d0 + t] = wt * heap[s0 + t];
        heap[d1 + t] = wt * heap[s1 + t];
        heap[d2 + t] = wt * heap[s2 + t];
        heap[d3 + t] = wt * heap[s3 + t];
      }
    }
    for (; i < p; i++) {
      const src = cols + i * ld + b0;
      const dst = scratch + i * GRAM_BLOCK;
      for (let t = 0; t < len; t++) heap[dst + t] = weight[b0 + t] * heap[src + t];
    }
    for (let i = 0, idx = 0; i < p; i++) {
      const wi = scratch + i * GRAM_BLOCK;
      for (let k = 0; k <= i; k++, idx++) ipack[idx] += sign * kernels.dot(wi, cols + k * ld + b0, len);
    }
  }
}
