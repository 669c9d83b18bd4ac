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

/** In-place transform of one line of a fixed length at `re[offset + k * stride]` (see {@link linePlan}). */
export type LineTransform = (re: Float64Array, im: Float64Array, offset: number, stride: number) => void;

const isPowerOfTwo = (n: number) => (n & (n - 1)) === 0;

function twiddles(n: number): [Float64Array, Float64Array] {
  return [
    Float64Array.from({ length: n / 2 }, (_, k) => Math.cos((2 * Math.PI * k) / n)),
    Float64Array.from({ length: n / 2 }, (_, k) => Math.sin((2 * Math.PI * k) / n)),
  ];
}

/**
 * The (unnormalised) DFT of a line of `n` values, any `n`: radix-2 for a power of two, otherwise Bluestein's chirp-z algorithm
 * (`nk = (n^2 + k^2 - (k - n)^2) / 2` turns the DFT into a convolution with the chirp `exp(-i pi n^2 / N)`,
 * computed by radix-2 FFTs of length `m >= 2n - 1`). All buffers are allocated once per plan.
 * @example const forward = linePlan(200, false); forward(re, im, 0, 1);
 */
export function linePlan(n: number, inverse: boolean): LineTransform {
  if (isPowerOfTwo(n)) {
    const [c, s] = twiddles(n);
    const bufRe = new Float64Array(n);
    const bufIm = new Float64Array(n);
    return (re, im, offset, stride) => fft1d(re, im, offset, stride, n, inverse, bufRe, bufIm, c, s);
  }
  let m = 1;
  while (m < 2 * n - 1) m <<= 1;
  const [c, s] = twiddles(m);
  const sign = inverse ? 1 : -1;
  // Chirp w[j] = exp(sign i pi j^2 / n), j^2 reduced modulo 2n so the angle keeps its precision.
  const wRe = new Float64Array(n);
  const wIm = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const angle = (Math.PI * ((j * j) % (2 * n))) / n;
    wRe[j] = Math.cos(angle);
    wIm[j] = sign * Math.sin(angle);
  }
  // FFT of the conjugate chirp laid out circularly (indices 0..n-1 and m-n+1..m-1).
  const bRe = new Float64Array(m);
  const bIm = new Float64Array(m);
  for (let j = 0; j < n; j++) {
    bRe[j] = wRe[j]!;
    bIm[j] = -wIm[j]!;
    if (j > 0) {
      bRe[m - j] = wRe[j]!;
      bIm[m - j] = -wIm[j]!;
    }
  }
  const bufRe = new Float64Array(m);
  const bufIm = new Float64Array(m);
  fft1d(bRe, bIm, 0, 1, m, false, bufRe, bufIm, c, s);
  const aRe = new Float64Array(m);
  const aIm = new Float64Array(m);
  return (re, im, offset, stride) => {
    for (let j = 0; j < n; j++) {
      const xr = re[offset + j * stride]!;
      const xi = im[offset + j * stride]!;
      aRe[j] = xr * wRe[j]! - xi * wIm[j]!;
      aIm[j] = xr * wIm[j]! + xi * wRe[j]!;
    }
    aRe.fill(0, n);
    aIm.fill(0, n);
    fft1d(aRe, aIm, 0, 1, m, false, bufRe, bufIm, c, s);
    for (let j = 0; j < m; j++) {
      const ar = aRe[j]!;
      aRe[j] = ar * bRe[j]! - aIm[j]! * bIm[j]!;
      aIm[j] = ar * bIm[j]! + aIm[j]! * bRe[j]!;
    }
    fft1d(aRe, aIm, 0, 1, m, true, bufRe, bufIm, c, s);
    for (let k = 0; k < n; k++) {
      const cr = aRe[k]! / m;
      const ci = aIm[k]! / m;
      re[offset + k * stride] = cr * wRe[k]! - ci * wIm[k]!;
      im[offset + k * stride] = cr * wIm[k]! + ci * wRe[k]!;
    }
  };
}

/**
 * 3D complex FFT in place on an `lx x ly x lz` grid (x fastest), of any lengths (1 allowed: a 2D or 1D
 * transform; powers of two by radix-2, other lengths by Bluestein's chirp-z algorithm); unnormalised both ways
 * (the inverse must be divided by `lx ly lz`).
 * @example fft3d(re, im, [64, 64, 1], false)
 */
export function fft3d(re: Float64Array, im: Float64Array, size: readonly number[], inverse: boolean): void {
  const [lx, ly, lz] = size as [number, number, number];
  if (lx > 1) {
    const line = linePlan(lx, inverse);
    for (let l = 0; l < ly * lz; l++) line(re, im, l * lx, 1);
  }
  if (ly > 1) {
    const line = linePlan(ly, inverse);
    for (let k = 0; k < lz; k++) for (let i = 0; i < lx; i++) line(re, im, i + lx * ly * k, lx);
  }
  if (lz > 1) {
    const line = linePlan(lz, inverse);
    for (let j = 0; j < lx * ly; j++) line(re, im, j, lx * ly);
  }
}
