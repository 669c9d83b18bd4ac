/** In-place iterative radix-2 complex FFT of `n` (a power of two) values at `re[offset + k * stride]`. */
function fft1d(
  re: Float64Array,
  im: Float64Array,
  offset: number,
  stride: number,
  n: number,
  inverse: boolean,
  bufRe: Float64Array,
  bufIm: Float64Array,
  cos: Float64Array,
  sin: Float64Array,
): void {
  for (let k = 0; k < n; k++) {
    bufRe[k] = re[offset + k * stride]!;
    bufIm[k] = im[offset + k * stride]!;
  }
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const tr = bufRe[i]!;
      bufRe[i] = bufRe[j]!;
      bufRe[j] = tr;
      const ti = bufIm[i]!;
      bufIm[i] = bufIm[j]!;
      bufIm[j] = ti;
    }
  }
  const sign = inverse ? 1 : -1;
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const step = n / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step]!;
        const wi = sign * sin[k * step]!;
        const a = i + k;
        const b = a + half;
        const xr = bufRe[b]! * wr - bufIm[b]! * wi;
        const xi = bufRe[b]! * wi + bufIm[b]! * wr;
        bufRe[b] = bufRe[a]! - xr;
        bufIm[b] = bufIm[a]! - xi;
        bufRe[a] = bufRe[a]! + xr;
        bufIm[a] = bufIm[a]! + xi;
      }
    }
  }
  for (let k = 0; k < n; k++) {
    re[offset + k * stride] = bufRe[k]!;
    im[offset + k * stride] = bufIm[k]!;
  }
}

/**
 * 3D complex FFT in place on an `lx x ly x lz` grid (x fastest), each a power of two (1 allowed: a 2D or 1D
 * transform); unnormalised both ways (the inverse must be divided by `lx ly lz`).
 * @example fft3d(re, im, [64, 64, 1], false)
 */
export function fft3d(re: Float64Array, im: Float64Array, size: readonly number[], inverse: boolean): void {
  const [lx, ly, lz] = size as [number, number, number];
  const longest = Math.max(lx, ly, lz);
  const bufRe = new Float64Array(longest);
  const bufIm = new Float64Array(longest);
  const tables = new Map<number, [Float64Array, Float64Array]>();
  const table = (n: number) => {
    let t = tables.get(n);
    if (t === undefined) {
      t = [
        Float64Array.from({ length: n / 2 }, (_, k) => Math.cos((2 * Math.PI * k) / n)),
        Float64Array.from({ length: n / 2 }, (_, k) => Math.sin((2 * Math.PI * k) / n)),
      ];
      tables.set(n, t);
    }
    return t;
  };
  if (lx > 1) {
    const [c, s] = table(lx);
    for (let line = 0; line < ly * lz; line++) fft1d(re, im, line * lx, 1, lx, inverse, bufRe, bufIm, c, s);
  }
  if (ly > 1) {
    const [c, s] = table(ly);
    for (let k = 0; k < lz; k++)
      for (let i = 0; i < lx; i++) fft1d(re, im, i + lx * ly * k, lx, ly, inverse, bufRe, bufIm, c, s);
  }
  if (lz > 1) {
    const [c, s] = table(lz);
    for (let j = 0; j < lx * ly; j++) fft1d(re, im, j, lx * ly, lz, inverse, bufRe, bufIm, c, s);
  }
}
