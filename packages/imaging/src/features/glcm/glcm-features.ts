import { symmetricEigenDecompose } from '@tace/core/kernels';
import { EPS, nanMean } from '../texture-common/nan-mean.js';
import type { GlcmMatrix } from './glcm-matrix.js';

/** The 24 GLCM features PyRadiomics computes by default, in its documentation order. */
export const GLCM_FEATURE_NAMES = [
  'Autocorrelation',
  'JointAverage',
  'ClusterProminence',
  'ClusterShade',
  'ClusterTendency',
  'Contrast',
  'Correlation',
  'DifferenceAverage',
  'DifferenceEntropy',
  'DifferenceVariance',
  'JointEnergy',
  'JointEntropy',
  'Imc1',
  'Imc2',
  'Idm',
  'MCC',
  'Idmn',
  'Id',
  'Idn',
  'InverseVariance',
  'MaximumProbability',
  'SumAverage',
  'SumEntropy',
  'SumSquares',
] as const;

/**
 * The 24 GLCM features of PyRadiomics (`RadiomicsGLCM`), each computed on every angle's matrix and then
 * averaged over angles ignoring NaN (`numpy.nanmean`), with PyRadiomics' conventions: grey levels `i`, `j` are
 * the level values (not ranks), `log2(p + eps)` with eps = 2.2e-16, Correlation = 1 and Imc1 = 0 on a flat
 * angle, Imc2 = 0 when HXY2 = HXY, MCC = 1 with a single grey level.
 *
 * Formulas: PyRadiomics documentation, "Gray Level Co-occurrence Matrix (GLCM) Features". Matches
 * `baseline_glcm.csv` (brain1, brain2, breast1 and their 2D / bin-count / merged variants) to 1e-9 relative.
 * @example glcmFeatures(glcmMatrix(grid)).Contrast
 */
export function glcmFeatures(matrix: GlcmMatrix): Record<(typeof GLCM_FEATURE_NAMES)[number], number> {
  const { values, nLevels: n, nAngles, grayLevels: gl, maxLevel } = matrix;
  const perAngle = GLCM_FEATURE_NAMES.map(() => new Float64Array(nAngles));
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  const pxAddy = new Float64Array(2 * maxLevel + 1);
  const pxSuby = new Float64Array(maxLevel);
  const q = new Float64Array(n * n);
  const a = new Float64Array(n * n);
  const columns = new Int32Array(n);
  for (let angle = 0; angle < nAngles; angle++) {
    const base = angle * n * n;
    px.fill(0);
    py.fill(0);
    pxAddy.fill(0);
    pxSuby.fill(0);
    let ux = 0;
    let uy = 0;
    let autocorrelation = 0;
    let contrast = 0;
    let energy = 0;
    let hxy = 0;
    let maxProbability = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const p = values[base + i * n + j];
        // an empty cell adds 0 to every sum below: skipped (most cells of a fine discretisation are empty)
        if (p === 0) continue;
        px[i] += p;
        py[j] += p;
        ux += p * gl[i];
        uy += p * gl[j];
        autocorrelation += p * gl[i] * gl[j];
        contrast += p * (gl[i] - gl[j]) * (gl[i] - gl[j]);
        energy += p * p;
        hxy -= p * Math.log2(p + EPS);
        if (p > maxProbability) maxProbability = p;
        // Integer keys: indexing a typed array with a double key takes V8's slow path.
        pxAddy[(gl[i] + gl[j]) | 0] += p;
        pxSuby[Math.abs(gl[i] - gl[j]) | 0] += p;
      }
    }
    let prominence = 0;
    let shade = 0;
    let tendency = 0;
    let sumSquares = 0;
    let varY = 0;
    let covariance = 0;
    let hxy1 = 0;
    let hxy2 = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const pp = px[i] * py[j];
        const p = values[base + i * n + j];
        if (pp === 0 && p === 0) continue;
        // one logarithm for HXY2 and HXY1 (both read log2(px py + eps))
        const logPp = Math.log2(pp + EPS);
        if (pp !== 0) hxy2 -= pp * logPp;
        if (p === 0) continue;
        const s = gl[i] + gl[j] - ux - uy;
        const s2 = s * s;
        const dx = gl[i] - ux;
        const dy = gl[j] - uy;
        prominence += p * s2 * s2;
        shade += p * s2 * s;
        tendency += p * s2;
        sumSquares += p * dx * dx;
        varY += p * dy * dy;
        covariance += p * dx * dy;
        hxy1 -= p * logPp;
      }
    }
    let hx = 0;
    let hy = 0;
    for (let i = 0; i < n; i++) {
      hx -= px[i] * Math.log2(px[i] + EPS);
      hy -= py[i] * Math.log2(py[i] + EPS);
    }
    const sigma = Math.sqrt(sumSquares) * Math.sqrt(varY);
    const correlation = sigma === 0 ? 1 : covariance / (sigma + EPS);
    const div = Math.max(hx, hy);
    const imc1 = div === 0 ? 0 : (hxy - hxy1) / div;
    const imc2 = hxy2 === hxy ? 0 : Math.sqrt(1 - Math.exp(-2 * (hxy2 - hxy)));

    let diffAverage = 0;
    let diffEntropy = 0;
    let idm = 0;
    let idmn = 0;
    let id = 0;
    let idn = 0;
    let inverseVariance = 0;
    for (let k = 0; k < maxLevel; k++) {
      const p = pxSuby[k];
      diffAverage += k * p;
      diffEntropy -= p * Math.log2(p + EPS);
      idm += p / (1 + k * k);
      idmn += p / (1 + (k * k) / (maxLevel * maxLevel));
      id += p / (1 + k);
      idn += p / (1 + k / maxLevel);
      if (k > 0) inverseVariance += p / (k * k);
    }
    let diffVariance = 0;
    for (let k = 0; k < maxLevel; k++) diffVariance += pxSuby[k] * (k - diffAverage) * (k - diffAverage);
    let sumAverage = 0;
    let sumEntropy = 0;
    for (let k = 2; k <= 2 * maxLevel; k++) {
      sumAverage += k * pxAddy[k];
      sumEntropy -= pxAddy[k] * Math.log2(pxAddy[k] + EPS);
    }
    const mcc = maximalCorrelation(values, base, n, px, py, q, a, columns);
    const row = [
      autocorrelation,
      ux,
      prominence,
      shade,
      tendency,
      contrast,
      correlation,
      diffAverage,
      diffEntropy,
      diffVariance,
      energy,
      hxy,
      imc1,
      imc2,
      idm,
      mcc,
      idmn,
      id,
      idn,
      inverseVariance,
      maxProbability,
      sumAverage,
      sumEntropy,
      sumSquares,
    ];
    for (let f = 0; f < row.length; f++) perAngle[f][angle] = row[f];
  }
  const out = {} as Record<(typeof GLCM_FEATURE_NAMES)[number], number>;
  GLCM_FEATURE_NAMES.forEach((name, f) => {
    out[name] = nanMean(perAngle[f]);
  });
  return out;
}

/**
 * Maximal correlation coefficient of one angle: the square root of the second largest eigenvalue of
 * `Q(i, j) = sum_k p(i, k) p(j, k) / (px(i) py(k))`. Q is similar to the symmetric `A A^T` with
 * `A(i, k) = p(i, k) / sqrt(px(i) py(k))`, whose eigenvalues are computed instead (1 with one grey level).
 */
function maximalCorrelation(
  values: Float64Array,
  base: number,
  n: number,
  px: Float64Array,
  py: Float64Array,
  q: Float64Array,
  a: Float64Array,
  columns: Int32Array,
): number {
  if (n < 2) return 1;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const d = px[i] * py[k];
      a[i * n + k] = d > 0 ? values[base + i * n + k] / Math.sqrt(d) : 0;
    }
  }
  // Q = A A^T over the non-zero entries of each row of A only (the others add 0), in increasing k
  for (let i = 0; i < n; i++) {
    let nonZero = 0;
    for (let k = 0; k < n; k++) if (a[i * n + k] !== 0) columns[nonZero++] = k;
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let c = 0; c < nonZero; c++) s += a[i * n + columns[c]] * a[j * n + columns[c]];
      q[i * n + j] = s;
      q[j * n + i] = s;
    }
  }
  const eigenvalues = new Float64Array(n);
  symmetricEigenDecompose(q, n, eigenvalues, null);
  // Decreasing: the second largest eigenvalue.
  return Math.sqrt(eigenvalues[1]);
}
