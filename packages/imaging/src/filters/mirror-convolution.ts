import { axisLines } from './axis-lines.js';

/**
 * Index of `i` in a line of `n` voxels extended by mirroring with the edge voxel repeated (IBSI 2 "mirror"
 * padding, numpy `pad(..., 'symmetric')`: `c b a | a b c | c b a`), for any integer `i`.
 */
export function mirrorIndex(i: number, n: number): number {
  const period = 2 * n;
  const r = ((i % period) + period) % period;
  return r < n ? r : period - 1 - r;
}

/**
 * Convolution of every line along `axis` (0 = x, 1 = y, 2 = z) of a volume of `size` (x fastest) with
 * `kernel`, the line mirrored beyond its ends ({@link mirrorIndex}):
 * `out[o] = sum_j kernel[j] * x[o + center - j]` (a true convolution; `center` is the kernel index aligned with
 * the output voxel for a symmetric kernel, `floor(kernel.length / 2)` by default).
 */
export function convolveAxisMirror(
  data: Float64Array,
  size: readonly [number, number, number],
  axis: 0 | 1 | 2,
  kernel: Float64Array,
  center: number = Math.floor(kernel.length / 2),
): Float64Array {
  const { starts, stride, length: n } = axisLines(size, axis);
  const f = kernel.length;
  // The line extended by mirroring: `ext[t]` holds x[t - pad]; no index arithmetic in the inner loop.
  const pad = f;
  const ext = new Float64Array(n + 2 * pad);
  const out = new Float64Array(data.length);
  for (const start of starts) {
    for (let t = 0; t < n + 2 * pad; t++) ext[t] = data[start + mirrorIndex(t - pad, n) * stride];
    for (let o = 0; o < n; o++) {
      let sum = 0;
      const base = o + center + pad;
      for (let j = 0; j < f; j++) sum += kernel[j] * ext[base - j];
      out[start + o * stride] = sum;
    }
  }
  return out;
}
