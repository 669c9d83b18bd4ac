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
 * anti-causal 4th-order recursion, the signal extended by its edge values. `out` has `length`; the recursions
 * keep their last values in locals (no scratch line).
 */
export function recursiveFilterLine(
  out: Float64Array,
  data: Float64Array,
  length: number,
  c: RecursiveGaussianCoefficients,
): void {
  recursiveFilterLineRange(out, data, 0, length, c, 0, length - 1);
}

/**
 * {@link recursiveFilterLine} of the line at `data[offset .. offset + length - 1]`, written only at
 * `from..to` (inclusive, line positions) of `out` (at the same offset): the causal recursion runs from
 * the start to `to`, the anti-causal one from the end down to `from`, each in the same order of operations as
 * ITK, so the values written equal those of the whole line bit for bit. Elsewhere `out` holds causal partial
 * sums (up to `to`) or is untouched. The recursions keep their last inputs and outputs in locals: one read of
 * `data` and one write of `out` per voxel and direction.
 */
export function recursiveFilterLineRange(
  out: Float64Array,
  data: Float64Array,
  offset: number,
  length: number,
  c: RecursiveGaussianCoefficients,
  from: number,
  to: number,
): void {
  const [n0, n1, n2, n3] = c.n;
  const [m1, m2, m3, m4] = c.m;
  const [d1, d2, d3, d4] = c.d;
  const [bn1, bn2, bn3, bn4] = c.bn;
  const [bm1, bm2, bm3, bm4] = c.bm;
  // causal: y1..y4 are out[i-1]..out[i-4], x1..x3 data[i-1]..data[i-3] (line positions)
  const v1 = data[offset];
  let x1 = data[offset + 1];
  let x2 = data[offset + 2];
  let x3 = data[offset + 3];
  let y4 = v1 * n0 + v1 * n1 + v1 * n2 + v1 * n3;
  y4 -= v1 * bn1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
  let y3 = x1 * n0 + v1 * n1 + v1 * n2 + v1 * n3;
  y3 -= y4 * d1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
  let y2 = x2 * n0 + x1 * n1 + v1 * n2 + v1 * n3;
  y2 -= y3 * d1 + y4 * d2 + v1 * bn3 + v1 * bn4;
  let y1 = x3 * n0 + x2 * n1 + x1 * n2 + v1 * n3;
  y1 -= y2 * d1 + y3 * d2 + y4 * d3 + v1 * bn4;
  out[offset] = y4;
  out[offset + 1] = y3;
  out[offset + 2] = y2;
  out[offset + 3] = y1;
  x1 = data[offset + 3];
  x2 = data[offset + 2];
  x3 = data[offset + 1];
  for (let i = 4; i <= to; i++) {
    const x0 = data[offset + i];
    let y = x0 * n0 + x1 * n1 + x2 * n2 + x3 * n3;
    y -= y1 * d1 + y2 * d2 + y3 * d3 + y4 * d4;
    out[offset + i] = y;
    x3 = x2;
    x2 = x1;
    x1 = x0;
    y4 = y3;
    y3 = y2;
    y2 = y1;
    y1 = y;
  }
  // anti-causal: s1..s4 are s[i]..s[i+3] when s[i-1] is computed from data[i]..data[i+3] (a1..a4)
  const l = length;
  const v2 = data[offset + l - 1];
  let a4 = data[offset + l - 1];
  let a3 = data[offset + l - 2];
  let a2 = data[offset + l - 3];
  let s4 = v2 * m1 + v2 * m2 + v2 * m3 + v2 * m4;
  s4 -= v2 * bm1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
  let s3 = a4 * m1 + v2 * m2 + v2 * m3 + v2 * m4;
  s3 -= s4 * d1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
  let s2 = a3 * m1 + a4 * m2 + v2 * m3 + v2 * m4;
  s2 -= s3 * d1 + s4 * d2 + v2 * bm3 + v2 * bm4;
  let s1 = a2 * m1 + a3 * m2 + a4 * m3 + v2 * m4;
  s1 -= s2 * d1 + s3 * d2 + s4 * d3 + v2 * bm4;
  if (l - 1 >= from && l - 1 <= to) out[offset + l - 1] += s4;
  if (l - 2 >= from && l - 2 <= to) out[offset + l - 2] += s3;
  if (l - 3 >= from && l - 3 <= to) out[offset + l - 3] += s2;
  if (l - 4 >= from && l - 4 <= to) out[offset + l - 4] += s1;
  let a1 = data[offset + l - 4];
  for (let i = l - 4; i > from; i--) {
    // s[i-1] from data[i..i+3] = a1..a4 and s[i..i+3] = s1..s4
    let s = a1 * m1 + a2 * m2 + a3 * m3 + a4 * m4;
    s -= s1 * d1 + s2 * d2 + s3 * d3 + s4 * d4;
    if (i - 1 <= to) out[offset + i - 1] += s;
    s4 = s3;
    s3 = s2;
    s2 = s1;
    s1 = s;
    a4 = a3;
    a3 = a2;
    a2 = a1;
    a1 = data[offset + i - 1];
  }
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
  for (const start of starts) {
    for (let i = 0; i < length; i++) line[i] = volume[start + i * stride];
    recursiveFilterLineRange(out, line, 0, length, coefficients, 0, length - 1);
    for (let i = 0; i < length; i++) volume[start + i * stride] = out[i];
  }
}
