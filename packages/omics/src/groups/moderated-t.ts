import { median } from '@tace/core';
import { digamma, trigamma, trigammaInverse } from './polygamma.js';

/** Prior of the empirical Bayes variance model. */
export interface VariancePrior {
  /** Prior variance s0^2 (limma `s2.prior`). */
  s2Prior: number;
  /** Prior degrees of freedom d0 (limma `df.prior`); Infinity when the variances show no extra spread. */
  dfPrior: number;
}

/**
 * Fits a scaled F distribution to sample variances by moments of log(s^2), as limma `fitFDist` without a
 * covariate (Smyth 2004): z = log(max(s^2, 1e-5 median)), e = z - digamma(d/2) + log(d/2);
 * evar = var(e) - trigamma(d/2); d0 = 2 trigammaInverse(evar) and
 * s0^2 = exp(mean(e) + digamma(d0/2) - log(d0/2)); when evar <= 0, d0 = Inf and s0^2 = mean(s^2).
 * Non-finite variances are left out.
 */
export function fitVariancePrior(variances: Float64Array, df: number): VariancePrior {
  const ok: number[] = [];
  for (const v of variances) if (Number.isFinite(v) && v > -1e-15) ok.push(Math.max(v, 0));
  const n = ok.length;
  if (n === 0) return { s2Prior: Number.NaN, dfPrior: Number.NaN };
  if (n === 1) return { s2Prior: ok[0], dfPrior: 0 };
  let m = median(ok);
  if (m === 0) m = 1;
  const e = ok.map((v) => Math.log(Math.max(v, 1e-5 * m)) - digamma(df / 2) + Math.log(df / 2));
  const emean = e.reduce((a, b) => a + b, 0) / n;
  let evar = e.reduce((a, b) => a + (b - emean) * (b - emean), 0) / (n - 1);
  evar -= trigamma(df / 2);
  if (evar > 0) {
    const dfPrior = 2 * trigammaInverse(evar);
    return { s2Prior: Math.exp(emean + digamma(dfPrior / 2) - Math.log(dfPrior / 2)), dfPrior };
  }
  const clipped = ok.map((v) => Math.max(v, 1e-5 * m));
  return { s2Prior: clipped.reduce((a, b) => a + b, 0) / n, dfPrior: Infinity };
}

/**
 * Posterior (moderated) variance, limma `squeezeVar`: (d s^2 + d0 s0^2) / (d + d0), or s0^2 when d0 = Inf.
 */
export function posteriorVariance(variance: number, df: number, prior: VariancePrior): number {
  if (!Number.isFinite(prior.dfPrior)) return prior.s2Prior;
  return (df * variance + prior.dfPrior * prior.s2Prior) / (df + prior.dfPrior);
}
