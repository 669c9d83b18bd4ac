import { riskSets } from './counting-process-residuals.js';
import type { CoxData, CoxFitData } from './cox-data.js';
import { centeredX, TOLER_CHOL } from './cox-data.js';
import { scoreKernel } from './residual-kernels.js';
import { solveLdl } from './solve-ldl.js';

/**
 * Weighted score residuals summed within clusters (or per row without clusters), premultiplied by `m`
 * when given (dfbeta = score x variance), as R `residuals(fit, type, collapse = cluster, weighted = TRUE)`.
 */
function collapsedResiduals(
  data: CoxFitData,
  means: Float64Array,
  eta: Float64Array,
  m: Float64Array | null,
): { values: Float64Array; rows: number } {
  const { n, p } = data;
  const centred: CoxData = { ...data, x: centeredX(data, means) };
  const score = scoreKernel(centred, eta, riskSets(centred, eta));
  let nClusters = 0;
  for (let k = 0; k < n; k++) if (data.cluster[k] + 1 > nClusters) nClusters = data.cluster[k] + 1;
  const rows = nClusters > 0 ? nClusters : n;
  const values = new Float64Array(rows * p);
  for (let k = 0; k < n; k++) {
    const target = nClusters > 0 ? data.cluster[k] : k;
    for (let c = 0; c < p; c++) {
      let s = 0;
      if (m === null) s = score[k * p + c];
      else for (let j = 0; j < p; j++) s += score[k * p + j] * m[j * p + c];
      values[target * p + c] += data.weight[k] * s;
    }
  }
  return { values, rows };
}

/** Cross-product D'D of a rows x p matrix. */
function crossProduct(d: Float64Array, rows: number, p: number): Float64Array {
  const v = new Float64Array(p * p);
  for (let r = 0; r < rows; r++) {
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) v[a * p + b] += d[r * p + a] * d[r * p + b];
  }
  return v;
}

/**
 * Robust variance D'D, D = weighted dfbeta residuals summed within clusters (R `coxph(robust = TRUE)`), and
 * the robust score test: u'(T'T)^-1 u with T the weighted score residuals at beta = 0 with a zero linear
 * predictor (R's `fit$rscore`).
 */
export function robustVariance(
  data: CoxFitData,
  means: Float64Array,
  naive: Float64Array,
): { variance: Float64Array; rscore: number } {
  const { p } = data;
  const dfb = collapsedResiduals(data, means, data.eta, naive);
  const t0 = collapsedResiduals(data, means, new Float64Array(data.n), null);
  const u = new Float64Array(p);
  for (let r = 0; r < t0.rows; r++) for (let c = 0; c < p; c++) u[c] += t0.values[r * p + c];
  const { x } = solveLdl(crossProduct(t0.values, t0.rows, p), p, u, TOLER_CHOL);
  let rscore = 0;
  for (let c = 0; c < p; c++) rscore += x[c] * u[c];
  return { variance: crossProduct(dfb.values, dfb.rows, p), rscore };
}
