/**
 * The contribution of one event time to the Cox log-likelihood, score and information, with Efron's (or
 * Breslow's) handling of tied deaths, as R survival's `coxfit6` / `agfit4` inner step: `ndead` deaths of total
 * weight `deadwt` share the time; `denom`/`a` are the risk-set sums of the subjects still at risk after it
 * (weighted risk, and risk times x), `denom2`/`a2` those of the dying subjects. `u` (score) and `ipack` (the
 * packed lower triangle of the information) are updated in place; `out` receives
 * [log-likelihood term, hazard increment, hazard increment weighted by the Efron fractions].
 * Shared by the right-censored and the counting-process fits; allocation-free.
 */
export function addTiedDeaths(
  denom: number,
  denom2: number,
  a: Float64Array,
  a2: Float64Array,
  ndead: number,
  deadwt: number,
  efron: boolean,
  u: Float64Array,
  ipack: Float64Array,
  out: Float64Array,
): void {
  const p = a.length;
  const steps = !efron || ndead === 1 ? 1 : ndead;
  const wtave = deadwt / steps;
  let loglik = 0;
  let h = 0;
  let hDeath = 0;
  for (let k = 0; k < steps; k++) {
    const f = (k + 1) / steps;
    const dk = denom + f * denom2;
    loglik -= wtave * Math.log(dk);
    const c = wtave / (dk * dk);
    h += wtave / dk;
    hDeath += (f * wtave) / dk;
    for (let i = 0, idx = 0; i < p; i++) {
      const ai = a[i] + f * a2[i];
      u[i] -= (wtave * ai) / dk;
      const ci = c * ai;
      for (let j = 0; j <= i; j++, idx++) ipack[idx] -= ci * (a[j] + f * a2[j]);
    }
  }
  out[0] = loglik;
  out[1] = h;
  out[2] = hDeath;
}
