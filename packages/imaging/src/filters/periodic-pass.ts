/**
 * Positions `lo .. lo + n - 1` along one axis of a periodic volume of period `period` (position p means
 * p mod period); `n === period` (then `lo === 0`) is the whole axis.
 */
export interface AxisRange {
  lo: number;
  n: number;
}

/**
 * The positions a periodic filter reading `below` positions before and `above` after each output needs for
 * the outputs of `range`: the whole axis once that reaches a period.
 */
export function growRange(range: AxisRange, below: number, above: number, period: number): AxisRange {
  const n = range.n + below + above;
  return n >= period ? { lo: 0, n: period } : { lo: range.lo - below, n };
}

/** Index in a stored range of the periodic position `p` (which that range holds). */
function indexIn(range: AxisRange, p: number): number {
  return (((p - range.lo) % range.n) + range.n) % range.n;
}

/**
 * Periodic stationary filtering (PyWavelets `swt`, level 1, periodization: `out[p] = sum_j f[j] in[p + F/2 - j]`)
 * of every line along `axis` of `data`, a volume holding the positions `ranges` (x fastest), by the
 * low-pass and the high-pass filter at once (one gather of each line for both). The outputs hold the
 * positions `ranges` with `ranges[axis]` replaced by `out`, which the input must cover (`growRange`).
 */
export function periodicPass(
  data: Float64Array,
  ranges: readonly [AxisRange, AxisRange, AxisRange],
  axis: 0 | 1 | 2,
  out: AxisRange,
  lo: Float64Array,
  hi: Float64Array,
): [Float64Array, Float64Array] {
  const size = ranges.map((r) => r.n) as [number, number, number];
  const outSize: [number, number, number] = [...size];
  outSize[axis] = out.n;
  const strides = [1, size[0], size[0] * size[1]];
  const outStrides = [1, outSize[0], outSize[0] * outSize[1]];
  const f = lo.length;
  const half = Math.floor(f / 2);
  // ext[t] holds the input at position out.lo - (f - 1 - half) + t: output o reads ext[o + f - 1 - j]
  const extLength = out.n + f - 1;
  const ext = new Float64Array(extLength);
  const source = new Int32Array(extLength);
  for (let t = 0; t < extLength; t++) {
    source[t] = indexIn(ranges[axis], out.lo - (f - 1 - half) + t) * strides[axis];
  }
  const count = outSize[0] * outSize[1] * outSize[2];
  const low = new Float64Array(count);
  const high = new Float64Array(count);
  const [w, u] = ([0, 1, 2] as const).filter((a) => a !== axis);
  const outStride = outStrides[axis];
  for (let iu = 0; iu < size[u]; iu++) {
    for (let iw = 0; iw < size[w]; iw++) {
      const from = iu * strides[u] + iw * strides[w];
      const to = iu * outStrides[u] + iw * outStrides[w];
      for (let t = 0; t < extLength; t++) ext[t] = data[from + source[t]];
      for (let o = 0; o < out.n; o++) {
        let sumLo = 0;
        let sumHi = 0;
        const base = o + f - 1;
        for (let j = 0; j < f; j++) {
          const x = ext[base - j];
          sumLo += lo[j] * x;
          sumHi += hi[j] * x;
        }
        low[to + o * outStride] = sumLo;
        high[to + o * outStride] = sumHi;
      }
    }
  }
  return [low, high];
}
