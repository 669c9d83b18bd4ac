import { axisLines } from './axis-lines.js';

/**
 * Coefficients of ITK's recursive Gaussian filter (`itk::RecursiveGaussianImageFilter`, Deriche's 4th-order
 * IIR approximation of the Gaussian and its derivatives, Deriche 1993, INRIA RR-1893) for one axis.
 */
export interface RecursiveGaussianCoefficients {
  n: [number, number, number, number];
  m: [number, number, number, number];
  d: [number, number, number, number];
  bn: [number, number, number, number];
  bm: [number, number, number, number];
}

/**
 * Coefficients for a Gaussian of `sigma` mm on an axis of `spacing` mm: `order` 0 (smoothing) or 2 (second
 * derivative, multiplied by `sigma^2` when `normalizeAcrossScale`), as ITK `SetUp` computes them.
 */
export function recursiveGaussianCoefficients(
  sigma: number,
  spacing: number,
  order: 0 | 2,
  normalizeAcrossScale: boolean,
): RecursiveGaussianCoefficients {
  const sigmad = sigma / spacing;
  const [w1, l1, w2, l2] = [0.6681, -1.3932, 2.0787, -1.3732];
  const cos1 = Math.cos(w1 / sigmad);
  const cos2 = Math.cos(w2 / sigmad);
  const exp1 = Math.exp(l1 / sigmad);
  const exp2 = Math.exp(l2 / sigmad);
  const d4 = exp1 * exp1 * exp2 * exp2;
  const d3 = -2 * cos1 * exp1 * exp2 * exp2 - 2 * cos2 * exp2 * exp1 * exp1;
  const d2 = 4 * cos2 * cos1 * exp1 * exp2 + exp1 * exp1 + exp2 * exp2;
  const d1 = -2 * (exp2 * cos2 + exp1 * cos1);
  const sd = 1 + d1 + d2 + d3 + d4;
  const dd = d1 + 2 * d2 + 3 * d3 + 4 * d4;
  const ed = d1 + 4 * d2 + 9 * d3 + 16 * d4;
  const numerator = (a1: number, b1: number, a2: number, b2: number) => {
    const sin1 = Math.sin(w1 / sigmad);
    const sin2 = Math.sin(w2 / sigmad);
    const n0 = a1 + a2;
    const n1 = exp2 * (b2 * sin2 - (a2 + 2 * a1) * cos2) + exp1 * (b1 * sin1 - (a1 + 2 * a2) * cos1);
    const n2 =
      2 * exp1 * exp2 * ((a1 + a2) * cos2 * cos1 - (b1 * cos2 * sin1 + b2 * cos1 * sin2)) +
      a2 * exp1 * exp1 +
      a1 * exp2 * exp2;
    const n3 = exp2 * exp1 * exp1 * (b2 * sin2 - a2 * cos2) + exp1 * exp2 * exp2 * (b1 * sin1 - a1 * cos1);
    return { n: [n0, n1, n2, n3], sn: n0 + n1 + n2 + n3, dn: n1 + 2 * n2 + 3 * n3, en: n1 + 4 * n2 + 9 * n3 };
  };
  const zero = numerator(1.353, 1.8151, -0.3531, 0.0902);
  let n: number[];
  if (order === 0) {
    const alpha0 = (2 * zero.sn) / sd - zero.n[0];
    n = zero.n.map((x) => x / alpha0);
  } else {
    const second = numerator(-1.3563, 5.2318, 0.3446, -2.2355);
    const beta = -(2 * second.sn - sd * second.n[0]) / (2 * zero.sn - sd * zero.n[0]);
    n = second.n.map((x, k) => x + beta * zero.n[k]);
    const sn = second.sn + beta * zero.sn;
    const dn = second.dn + beta * zero.dn;
    const en = second.en + beta * zero.en;
    const alpha2 = (en * sd * sd - ed * sn * sd - 2 * dn * dd * sd + 2 * dd * dd * sn) / (sd * sd * sd);
    const scale = (normalizeAcrossScale ? sigma * sigma : 1) / alpha2;
    n = n.map((x) => x * scale);
  }
  // Symmetric kernels (orders 0 and 2).
  const m: [number, number, number, number] = [
    n[1] - d1 * n[0],
    n[2] - d2 * n[0],
    n[3] - d3 * n[0],
    -d4 * n[0],
  ];
  const sumN = n[0] + n[1] + n[2] + n[3];
  const sumM = m[0] + m[1] + m[2] + m[3];
  const d: [number, number, number, number] = [d1, d2, d3, d4];
  return {
    n: n as [number, number, number, number],
    m,
    d,
    bn: d.map((x) => (x * sumN) / sd) as [number, number, number, number],
    bm: d.map((x) => (x * sumM) / sd) as [number, number, number, number],
  };
}

/**
 * Filters one line (`length >= 4`) as ITK `RecursiveSeparableImageFilter::FilterDataArray`: a causal and an
 * anti-causal 4th-order recursion, the signal extended by its edge values. `out` and `scratch` have `length`.
 */
export function recursiveFilterLine(
  out: Float64Array,
  data: Float64Array,
  scratch: Float64Array,
  length: number,
  c: RecursiveGaussianCoefficients,
): void {
  const [n0, n1, n2, n3] = c.n;
  const [m1, m2, m3, m4] = c.m;
  const [d1, d2, d3, d4] = c.d;
  const [bn1, bn2, bn3, bn4] = c.bn;
  const [bm1, bm2, bm3, bm4] = c.bm;
  const v1 = data[0];
  out[0] = v1 * n0 + v1 * n1 + v1 * n2 + v1 * n3;
  out[1] = data[1] * n0 + v1 * n1 + v1 * n2 + v1 * n3;
  out[2] = data[2] * n0 + data[1] * n1 + v1 * n2 + v1 * n3;
  out[3] = data[3] * n0 + data[2] * n1 + data[1] * n2 + v1 * n3;
  out[0] -= v1 * bn1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
  out[1] -= out[0] * d1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
  out[2] -= out[1] * d1 + out[0] * d2 + v1 * bn3 + v1 * bn4;
  out[3] -= out[2] * d1 + out[1] * d2 + out[0] * d3 + v1 * bn4;
  for (let i = 4; i < length; i++) {
    out[i] = data[i] * n0 + data[i - 1] * n1 + data[i - 2] * n2 + data[i - 3] * n3;
    out[i] -= out[i - 1] * d1 + out[i - 2] * d2 + out[i - 3] * d3 + out[i - 4] * d4;
  }
  const l = length;
  const v2 = data[l - 1];
  const s = scratch;
  s[l - 1] = v2 * m1 + v2 * m2 + v2 * m3 + v2 * m4;
  s[l - 2] = data[l - 1] * m1 + v2 * m2 + v2 * m3 + v2 * m4;
  s[l - 3] = data[l - 2] * m1 + data[l - 1] * m2 + v2 * m3 + v2 * m4;
  s[l - 4] = data[l - 3] * m1 + data[l - 2] * m2 + data[l - 1] * m3 + v2 * m4;
  s[l - 1] -= v2 * bm1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
  s[l - 2] -= s[l - 1] * d1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
  s[l - 3] -= s[l - 2] * d1 + s[l - 1] * d2 + v2 * bm3 + v2 * bm4;
  s[l - 4] -= s[l - 3] * d1 + s[l - 2] * d2 + s[l - 1] * d3 + v2 * bm4;
  for (let i = l - 4; i > 0; i--) {
    s[i - 1] = data[i] * m1 + data[i + 1] * m2 + data[i + 2] * m3 + data[i + 3] * m4;
    s[i - 1] -= s[i] * d1 + s[i + 1] * d2 + s[i + 2] * d3 + s[i + 3] * d4;
  }
  for (let i = 0; i < l; i++) out[i] += s[i];
}

/**
 * Applies {@link recursiveFilterLine} along `axis` (0 = x, 1 = y, 2 = z) of a volume, in place.
 * Preallocates one line buffer set; no allocation per line.
 */
export function recursiveFilterAxis(
  volume: Float64Array,
  size: readonly [number, number, number],
  axis: 0 | 1 | 2,
  coefficients: RecursiveGaussianCoefficients,
): void {
  const { starts, stride, length } = axisLines(size, axis);
  const line = new Float64Array(length);
  const out = new Float64Array(length);
  const scratch = new Float64Array(length);
  for (const start of starts) {
    for (let i = 0; i < length; i++) line[i] = volume[start + i * stride];
    recursiveFilterLine(out, line, scratch, length, coefficients);
    for (let i = 0; i < length; i++) volume[start + i * stride] = out[i];
  }
}
