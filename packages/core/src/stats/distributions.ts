import jstat from 'jstat';
import { erfc } from './erfc.js';
import {
  gammaFront,
  logBeta,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
} from './special-functions.js';

const { jStat } = jstat;

// Distribution functions. Names say the distribution and the function: Cdf = lower tail P(X <= x),
// Survival = upper tail P(X > x) computed directly (full relative precision far in the tail), Density,
// Quantile = inverse Cdf. They mirror R's dnorm/pnorm/qnorm, dchisq/pchisq/qchisq, dt/pt/qt, df/pf/qf
// (lower.tail = TRUE / FALSE). Agreement with R 4.2.2 is checked in test/stats/r-distributions.test.ts
// (relative error below 1e-12 for tails above 1e-300).

/** Normal density, as R `dnorm(x, mean, sd)`. */
export function normalDensity(x: number, mean = 0, sd = 1): number {
  const z = (x - mean) / sd;
  return Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
}

/** Standard normal (or N(mean, sd^2)) distribution function, as R `pnorm(x, mean, sd)`. */
export function normalCdf(x: number, mean = 0, sd = 1): number {
  return 0.5 * erfc(-(x - mean) / (sd * Math.SQRT2));
}

/** Upper tail P(X > x) of the normal distribution, as R `pnorm(x, lower.tail = FALSE)`; accurate far in the tail. */
export function normalSurvival(x: number, mean = 0, sd = 1): number {
  return 0.5 * erfc((x - mean) / (sd * Math.SQRT2));
}

/**
 * Normal quantile, as R `qnorm(p, mean, sd)`: jstat's starting value polished by Newton steps on
 * {@link normalCdf} (relative error about 1e-15).
 */
export function normalQuantile(p: number, mean = 0, sd = 1): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return mean;
  // Solve in the lower tail for accuracy; the upper half by symmetry.
  const lowerP = p < 0.5 ? p : 1 - p;
  let z = jStat.normal.inv(lowerP, 0, 1) as number;
  if (!Number.isFinite(z)) z = -Math.sqrt(-2 * Math.log(lowerP));
  // Newton on log(cdf), which stays near-linear far in the tail.
  const logP = Math.log(lowerP);
  for (let i = 0; i < 50; i++) {
    const cdf = normalCdf(z);
    const step = ((Math.log(cdf) - logP) * cdf) / normalDensity(z);
    if (!Number.isFinite(step)) break;
    z -= step;
    if (Math.abs(step) <= 1e-16 * Math.abs(z)) break;
  }
  return mean + sd * (p < 0.5 ? z : -z);
}

/** Chi-square density, as R `dchisq(x, df)`. */
export function chiSquareDensity(x: number, df: number): number {
  if (x < 0) return 0;
  if (x === 0) return df === 2 ? 0.5 : df < 2 ? Infinity : 0;
  // (x/2)^(k-1) e^(-x/2) / (2 Gamma(k)) = gammaFront(k, x/2) / x, accurate for large df
  return gammaFront(df / 2, x / 2) / x;
}

/** Chi-square distribution function, as R `pchisq(x, df)`. */
export function chiSquareCdf(x: number, df: number): number {
  if (x <= 0) return 0;
  return regularizedGammaP(df / 2, x / 2);
}

/** Upper tail of the chi-square distribution, as R `pchisq(x, df, lower.tail = FALSE)`. */
export function chiSquareSurvival(x: number, df: number): number {
  if (x <= 0) return 1;
  if (df === 1) return erfc(Math.sqrt(x / 2));
  return regularizedGammaQ(df / 2, x / 2);
}

/** Chi-square quantile, as R `qchisq(p, df)` (jstat start, Newton polish on the nearer tail). */
export function chiSquareQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  const start = jStat.chisquare.inv(p, df) as number;
  return polish(
    start > 0 && Number.isFinite(start) ? start : df,
    p,
    (x) => chiSquareCdf(x, df),
    (x) => chiSquareSurvival(x, df),
    (x) => chiSquareDensity(x, df),
    0,
  );
}

/** Student t density, as R `dt(x, df)`. */
export function studentTDensity(x: number, df: number): number {
  if (df === Infinity) return normalDensity(x);
  return Math.exp(-((df + 1) / 2) * Math.log1p((x * x) / df) - logBeta(0.5, df / 2)) / Math.sqrt(df);
}

/** Student t distribution function, as R `pt(x, df)`. */
export function studentTCdf(x: number, df: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const tail = studentTTail(Math.abs(x), df);
  return x > 0 ? 1 - tail : tail;
}

/** Upper tail of Student's t, as R `pt(x, df, lower.tail = FALSE)`. */
export function studentTSurvival(x: number, df: number): number {
  return studentTCdf(-x, df);
}

/** P(T > t) for t >= 0, with 1 - x passed exactly to the incomplete beta. */
function studentTTail(t: number, df: number): number {
  if (t === Infinity) return 0;
  if (df === Infinity) return normalSurvival(t);
  const t2 = t * t;
  return 0.5 * regularizedBeta(df / (df + t2), df / 2, 0.5, false, t2 / (df + t2));
}

/** Student t quantile, as R `qt(p, df)` (jstat start, Newton polish). */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const lowerP = p < 0.5 ? p : 1 - p;
  const start = jStat.studentt.inv(lowerP, df) as number;
  const t = polish(
    Number.isFinite(start) && start < 0 ? start : -1,
    lowerP,
    (x) => studentTCdf(x, df),
    (x) => studentTSurvival(x, df),
    (x) => studentTDensity(x, df),
    -Infinity,
  );
  return p < 0.5 ? t : -t;
}

/** F density, as R `df(x, df1, df2)`. */
export function fisherFDensity(x: number, df1: number, df2: number): number {
  if (x < 0) return 0;
  if (x === 0) return df1 === 2 ? 1 : df1 < 2 ? Infinity : 0;
  const a = df1 / 2;
  const b = df2 / 2;
  return Math.exp(
    a * Math.log(df1 / df2) + (a - 1) * Math.log(x) - (a + b) * Math.log1p((df1 * x) / df2) - logBeta(a, b),
  );
}

/** F distribution function, as R `pf(x, df1, df2)`. */
export function fisherFCdf(x: number, df1: number, df2: number): number {
  if (x <= 0) return 0;
  const denominator = df1 * x + df2;
  return regularizedBeta((df1 * x) / denominator, df1 / 2, df2 / 2, false, df2 / denominator);
}

/** Upper tail of the F distribution, as R `pf(x, df1, df2, lower.tail = FALSE)`. */
export function fisherFSurvival(x: number, df1: number, df2: number): number {
  if (x <= 0) return 1;
  const denominator = df1 * x + df2;
  return regularizedBeta(df2 / denominator, df2 / 2, df1 / 2, false, (df1 * x) / denominator);
}

/**
 * Newton iterations for cdf(x) = p from `x`, working on the nearer tail (survival(x) = 1 - p when p > 0.5)
 * and bisecting towards `lowerBound` when a step would leave the support.
 */
function polish(
  x: number,
  p: number,
  cdf: (x: number) => number,
  survival: (x: number) => number,
  density: (x: number) => number,
  lowerBound: number,
): number {
  const upperTail = p > 0.5;
  const target = upperTail ? 1 - p : p;
  for (let i = 0; i < 100; i++) {
    const f = upperTail ? target - survival(x) : cdf(x) - target;
    const d = density(x);
    if (!(d > 0) || !Number.isFinite(f)) break;
    let next = x - f / d;
    if (next <= lowerBound) next = lowerBound === -Infinity ? 2 * x : (x + lowerBound) / 2;
    const change = Math.abs(next - x);
    x = next;
    if (change <= 4e-16 * Math.abs(x)) break;
  }
  return x;
}
