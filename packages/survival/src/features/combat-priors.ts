/**
 * Empirical-Bayes shrinkage of ComBat (Johnson, Li & Rabinovic 2007), as `sva:::it.sol` and
 * `sva:::int.eprior`. `s` is the standardised data (column-major, `n` subjects, features listed in
 * `features`), `members` the subjects of one batch; `gammaHat`/`deltaHat` are indexed by feature position.
 */

/**
 * Parametric priors (normal for the location, inverse gamma for the scale), solved by the fixed-point
 * iteration of `it.sol`: all features iterate together until the largest relative change (signed, as in
 * sva) is at most `conv` = 1e-4. Writes `gammaStar`, `deltaStar`.
 */
export function parametricShrinkage(
  s: Float64Array,
  n: number,
  features: Int32Array,
  members: Int32Array,
  gammaHat: Float64Array,
  deltaHat: Float64Array,
  gammaBar: number,
  t2: number,
  aPrior: number,
  bPrior: number,
  gammaStar: Float64Array,
  deltaStar: Float64Array,
): void {
  const m = features.length;
  const nb = members.length;
  const gOld = Float64Array.from(gammaHat);
  const dOld = Float64Array.from(deltaHat);
  let change = 1;
  while (change > 1e-4) {
    change = Number.NEGATIVE_INFINITY;
    for (let f = 0; f < m; f++) {
      const g = (t2 * nb * gammaHat[f] + dOld[f] * gammaBar) / (t2 * nb + dOld[f]);
      const offset = features[f] * n;
      let sum2 = 0;
      for (const i of members) sum2 += (s[offset + i] - g) ** 2;
      const d = (0.5 * sum2 + bPrior) / (nb / 2 + aPrior - 1);
      change = Math.max(change, Math.abs(g - gOld[f]) / gOld[f], Math.abs(d - dOld[f]) / dOld[f]);
      gammaStar[f] = g;
      deltaStar[f] = d;
    }
    gOld.set(gammaStar);
    dOld.set(deltaStar);
  }
}

/**
 * Non-parametric priors of `int.eprior`: for each feature, the posterior means of location and scale
 * under the empirical distribution of the other features' estimates, weighted by the normal likelihood of
 * the feature's batch data. The likelihoods are combined in log space (sva multiplies them directly and
 * returns NaN where they all underflow; otherwise the results agree). Writes `gammaStar`, `deltaStar`.
 */
export function nonParametricShrinkage(
  s: Float64Array,
  n: number,
  features: Int32Array,
  members: Int32Array,
  gammaHat: Float64Array,
  deltaHat: Float64Array,
  gammaStar: Float64Array,
  deltaStar: Float64Array,
): void {
  const m = features.length;
  const nb = members.length;
  const logLik = new Float64Array(m);
  for (let f = 0; f < m; f++) {
    const offset = features[f] * n;
    let sum = 0;
    let sumSq = 0;
    for (const i of members) {
      const v = s[offset + i];
      sum += v;
      sumSq += v * v;
    }
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < m; k++) {
      if (k === f) continue;
      const g = gammaHat[k];
      const d = deltaHat[k];
      const sum2 = sumSq - 2 * g * sum + nb * g * g;
      logLik[k] = (-nb / 2) * Math.log(2 * Math.PI * d) - sum2 / (2 * d);
      if (logLik[k] > max) max = logLik[k];
    }
    let weight = 0;
    let g = 0;
    let d = 0;
    for (let k = 0; k < m; k++) {
      if (k === f) continue;
      const lh = Math.exp(logLik[k] - max);
      weight += lh;
      g += gammaHat[k] * lh;
      d += deltaHat[k] * lh;
    }
    gammaStar[f] = g / weight;
    deltaStar[f] = d / weight;
  }
}
