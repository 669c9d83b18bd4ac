import jstat from 'jstat';

const { jStat } = jstat;

// Distribution functions. Names say the distribution and the function: Cdf = lower tail P(X <= x),
// Survival = upper tail P(X > x) computed directly where precision matters, Quantile = inverse Cdf.
// They mirror R's pnorm/qnorm, pchisq/qchisq, pt/qt, pf (lower.tail = TRUE / FALSE).

/** Standard normal (or N(mean, sd^2)) distribution function, as R `pnorm(x, mean, sd)`. */
export function normalCdf(x: number, mean = 0, sd = 1): number {
  return 0.5 * erfc(-(x - mean) / (sd * Math.SQRT2));
}

/** Upper tail P(X > x) of the normal distribution, as R `pnorm(x, lower.tail = FALSE)`; accurate far in the tail. */
export function normalSurvival(x: number, mean = 0, sd = 1): number {
  return 0.5 * erfc((x - mean) / (sd * Math.SQRT2));
}

/** Normal quantile, as R `qnorm(p, mean, sd)`. */
export function normalQuantile(p: number, mean = 0, sd = 1): number {
  if (p <= 0) return p === 0 ? -Infinity : Number.NaN;
  if (p >= 1) return p === 1 ? Infinity : Number.NaN;
  return mean + sd * jStat.normal.inv(p, 0, 1);
}

/** Chi-square distribution function, as R `pchisq(x, df)`. */
export function chiSquareCdf(x: number, df: number): number {
  if (x <= 0) return 0;
  return jStat.lowRegGamma(df / 2, x / 2);
}

/** Upper tail of the chi-square distribution, as R `pchisq(x, df, lower.tail = FALSE)`. */
export function chiSquareSurvival(x: number, df: number): number {
  if (x <= 0) return 1;
  if (df === 1) return erfc(Math.sqrt(x / 2));
  return Math.max(0, 1 - jStat.lowRegGamma(df / 2, x / 2));
}

/** Chi-square quantile, as R `qchisq(p, df)`. */
export function chiSquareQuantile(p: number, df: number): number {
  return jStat.chisquare.inv(p, df);
}

/** Student t distribution function, as R `pt(x, df)`. */
export function studentTCdf(x: number, df: number): number {
  const tail = 0.5 * jStat.ibeta(df / (df + x * x), df / 2, 0.5);
  return x > 0 ? 1 - tail : tail;
}

/** Upper tail of Student's t, as R `pt(x, df, lower.tail = FALSE)`. */
export function studentTSurvival(x: number, df: number): number {
  return studentTCdf(-x, df);
}

/** Student t quantile, as R `qt(p, df)`. */
export function studentTQuantile(p: number, df: number): number {
  return jStat.studentt.inv(p, df);
}

/** F distribution function, as R `pf(x, df1, df2)`. */
export function fisherFCdf(x: number, df1: number, df2: number): number {
  if (x <= 0) return 0;
  return jStat.ibeta((df1 * x) / (df1 * x + df2), df1 / 2, df2 / 2);
}

/** Upper tail of the F distribution, as R `pf(x, df1, df2, lower.tail = FALSE)`. */
export function fisherFSurvival(x: number, df1: number, df2: number): number {
  if (x <= 0) return 1;
  return jStat.ibeta(df2 / (df2 + df1 * x), df2 / 2, df1 / 2);
}

/**
 * Complementary error function erfc(x) = 1 - erf(x), with full relative precision in the upper tail
 * (W. J. Cody's rational Chebyshev approximations, the algorithm behind R's `pnorm`).
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const ax = Math.abs(x);
  let result: number;
  if (ax < 0.5) {
    const t = x * x;
    const top =
      (((0.185777706184603153 * t + 3.1611237438705656) * t + 113.864154151050156) * t +
        377.485237685302021) *
        t +
      3209.37758913846947;
    const bottom =
      (((t + 23.6012909523441209) * t + 244.024637934444173) * t + 1282.61652607737228) * t +
      2844.23683343917062;
    return 1 - (x * top) / bottom;
  }
  if (ax < 4) {
    const top =
      (((((((2.15311535474403846e-8 * ax + 0.564188496988670089) * ax + 8.88314979438837594) * ax +
        66.1191906371416295) *
        ax +
        298.635138197400131) *
        ax +
        881.95222124176909) *
        ax +
        1712.04761263407058) *
        ax +
        2051.07837782607147) *
        ax +
      1230.33935479799725;
    const bottom =
      (((((((ax + 15.7449261107098347) * ax + 117.693950891312499) * ax + 537.181101862009858) * ax +
        1621.38957456669019) *
        ax +
        3290.79923573345963) *
        ax +
        4362.61909014324716) *
        ax +
        3439.36767414372164) *
        ax +
      1230.33935480374942;
    result = Math.exp(-ax * ax) * (top / bottom);
  } else {
    const z = 1 / (ax * ax);
    const top =
      ((((0.0163153871373020978 * z + 0.305326634961232344) * z + 0.360344899949804439) * z +
        0.125781726111229246) *
        z +
        0.0160837851487422766) *
        z +
      6.58749161529837803e-4;
    const bottom =
      ((((z + 2.56852019228982242) * z + 1.87295284992346725) * z + 0.527905102951428412) * z +
        0.0605183413124413191) *
        z +
      0.00233520497626869185;
    const ratio = (z * top) / bottom;
    result = (Math.exp(-ax * ax) / ax) * (1 / Math.sqrt(Math.PI) - ratio);
  }
  return x < 0 ? 2 - result : result;
}
