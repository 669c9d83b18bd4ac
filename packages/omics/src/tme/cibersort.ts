import { type RandomSource, TaceError, toRng } from '@tace/core';
import type { ExpressionMatrix } from '../expression/types.js';
import { scaleInPlace } from './gene-index.js';
import { nuSvrLinear } from './nu-svr.js';
import type { FeatureScores } from './types.js';

/** A signature (reference) matrix: genes x cell types, e.g. LM22 read from the user's own copy. */
export interface SignatureMatrix {
  genes: string[];
  cellTypes: string[];
  /** genes x cell types, row-major (`values[g * cellTypes.length + k]`). */
  values: Float64Array;
}

/** Options of {@link cibersortLike}. */
export interface CibersortOptions {
  /** Permutations of the null distribution of the correlation (0 = no p-value). Mirrors CIBERSORT `perm`. @default 0 */
  permutations?: number;
  /** Quantile-normalise the mixtures first (CIBERSORT `QN`; recommended off for RNA-seq). @default false */
  quantileNormalize?: boolean;
  /** Seed or RNG of the permutations. @default 2026 */
  seed?: RandomSource;
}

/** Result of {@link cibersortLike}. */
export interface CibersortResult {
  /** Cell fractions (cell types x samples, columns sum to 1). */
  fractions: FeatureScores;
  /** Permutation p-value per sample (NaN without permutations). */
  pValue: Float64Array;
  /** Pearson correlation and RMSE between the mixture and the fitted profile, per sample (standardised). */
  correlation: Float64Array;
  rmse: Float64Array;
  /** nu (0.25, 0.5 or 0.75) chosen per sample (smallest RMSE). */
  nu: Float64Array;
}

/**
 * CIBERSORT-style deconvolution (Newman AM et al. Robust enumeration of cell subsets from tissue expression
 * profiles. Nat Methods 2015;12:453-457, doi:10.1038/nmeth.3337) with a signature matrix the user supplies
 * (LM22 is not shipped: its licence forbids redistribution): as `CIBERSORT.R` 1.04, genes common to the
 * signature and the mixture; the signature standardised as a whole ((X - mean) / sd), each mixture
 * standardised; linear nu-SVR (libsvm, C = 1) at nu = 0.25, 0.5, 0.75; negative weights set to 0 and the
 * rest normalised to sum 1; the nu with the smallest RMSE kept. A mixture whose maximum is below 50 is taken
 * as log2 and un-logged first. With `permutations`, the p-value is CIBERSORT's: 1 - (position of the null
 * correlation closest to the observed one in the sorted null) / permutations, the null built from random
 * mixtures drawn from the expression values (seeded: values differ from R's RNG draws).
 * @param expression - genes x samples (mixtures).
 * @param signature - reference profiles, genes x cell types.
 * @throws {TaceError} `EMPTY_INPUT` when fewer common genes than cell types.
 * @example
 * ```ts
 * const { fractions, pValue } = cibersortLike(tpm, myLm22, { permutations: 100 });
 * ```
 */
export function cibersortLike(
  expression: ExpressionMatrix,
  signature: SignatureMatrix,
  options: CibersortOptions = {},
): CibersortResult {
  const permutations = options.permutations ?? 0;
  const p = signature.cellTypes.length;
  const mixtureRow = new Map<string, number>();
  expression.genes.forEach((g, i) => {
    if (!mixtureRow.has(g)) mixtureRow.set(g, i);
  });
  // CIBERSORT orders both matrices by gene name, then keeps the common genes
  const common = signature.genes
    .map((g, i) => ({ gene: g, row: i }))
    .filter((r) => mixtureRow.has(r.gene))
    .sort((a, b) => (a.gene < b.gene ? -1 : a.gene > b.gene ? 1 : 0));
  if (common.length <= p) {
    throw new TaceError('EMPTY_INPUT', `${common.length} signature genes in the data for ${p} cell types`, {
      param: 'signature',
      remedy: 'use the same gene identifiers (HGNC symbols) in the signature and the expression matrix',
    });
  }
  const l = common.length;
  const x = new Float64Array(l * p);
  common.forEach((r, i) => {
    for (let k = 0; k < p; k++) x[i * p + k] = signature.values[r.row * p + k];
  });
  scaleInPlace(x);
  const nSamples = expression.columns;
  const nGenes = expression.rows;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of expression.data) if (v > max) max = v;
  const unlog = max < 50;
  let columns: Float64Array[] = [];
  for (let s = 0; s < nSamples; s++) {
    const column = new Float64Array(nGenes);
    for (let g = 0; g < nGenes; g++) {
      const v = expression.data[g + s * nGenes];
      column[g] = unlog ? 2 ** v : v;
    }
    columns.push(column);
  }
  if (options.quantileNormalize ?? false) columns = quantileNormalize(columns);
  const mixtures = columns.map((c) => Float64Array.from(common, (r) => c[mixtureRow.get(r.gene) as number]));
  let nullDistribution: Float64Array | null = null;
  if (permutations > 0) {
    const rng = toRng(options.seed ?? 2026);
    const pool = mixtures.flatMap((m) => Array.from(m));
    nullDistribution = new Float64Array(permutations);
    const y = new Float64Array(l);
    for (let k = 0; k < permutations; k++) {
      for (let i = 0; i < l; i++) y[i] = pool[Math.floor(rng.nextFloat() * pool.length)];
      scaleInPlace(y);
      nullDistribution[k] = coreFit(x, y, p).correlation;
    }
    nullDistribution.sort();
  }
  const data = new Float64Array(p * nSamples);
  const pValue = new Float64Array(nSamples).fill(Number.NaN);
  const correlation = new Float64Array(nSamples);
  const rmse = new Float64Array(nSamples);
  const nus = new Float64Array(nSamples);
  mixtures.forEach((mixture, s) => {
    const y = Float64Array.from(mixture);
    scaleInPlace(y);
    const fit = coreFit(x, y, p);
    for (let k = 0; k < p; k++) data[k + s * p] = fit.weights[k];
    correlation[s] = fit.correlation;
    rmse[s] = fit.rmse;
    nus[s] = fit.nu;
    if (nullDistribution !== null) {
      let closest = 0;
      for (let k = 1; k < nullDistribution.length; k++) {
        if (
          Math.abs(nullDistribution[k] - fit.correlation) <
          Math.abs(nullDistribution[closest] - fit.correlation)
        )
          closest = k;
      }
      pValue[s] = 1 - (closest + 1) / nullDistribution.length;
    }
  });
  return {
    fractions: {
      rows: p,
      columns: nSamples,
      data,
      features: [...signature.cellTypes],
      samples: [...expression.samples],
      method: 'cibersort-like',
      genesUsed: signature.cellTypes.map(() => l),
      warnings: [],
    },
    pValue,
    correlation,
    rmse,
    nu: nus,
  };
}

/** CIBERSORT's CoreAlg: nu-SVR at nu = 0.25, 0.5, 0.75, the fit with the smallest RMSE. */
function coreFit(
  x: Float64Array,
  y: Float64Array,
  p: number,
): { weights: Float64Array; correlation: number; rmse: number; nu: number } {
  const l = y.length;
  let best: { weights: Float64Array; correlation: number; rmse: number; nu: number } | null = null;
  for (const nu of [0.25, 0.5, 0.75]) {
    const { weights } = nuSvrLinear(x, y, p, nu);
    let total = 0;
    for (let k = 0; k < p; k++) {
      if (weights[k] < 0) weights[k] = 0;
      total += weights[k];
    }
    for (let k = 0; k < p; k++) weights[k] /= total;
    const fitted = new Float64Array(l);
    for (let i = 0; i < l; i++) {
      let v = 0;
      for (let k = 0; k < p; k++) v += x[i * p + k] * weights[k];
      fitted[i] = v;
    }
    let ss = 0;
    for (let i = 0; i < l; i++) ss += (fitted[i] - y[i]) ** 2;
    const rmse = Math.sqrt(ss / l);
    if (best === null || rmse < best.rmse) best = { weights, correlation: pearson(fitted, y), rmse, nu };
  }
  return best as { weights: Float64Array; correlation: number; rmse: number; nu: number };
}

function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Quantile normalisation across columns (mean of the sorted columns; ties get the mean of their quantiles). */
function quantileNormalize(columns: Float64Array[]): Float64Array[] {
  const n = columns[0].length;
  const reference = new Float64Array(n);
  for (const c of columns) {
    const sorted = Float64Array.from(c).sort();
    for (let i = 0; i < n; i++) reference[i] += sorted[i] / columns.length;
  }
  return columns.map((c) => {
    const order = Array.from(c.keys()).sort((a, b) => c[a] - c[b]);
    const out = new Float64Array(n);
    let i = 0;
    while (i < n) {
      let j = i;
      while (j + 1 < n && c[order[j + 1]] === c[order[i]]) j++;
      let m = 0;
      for (let k = i; k <= j; k++) m += reference[k];
      m /= j - i + 1;
      for (let k = i; k <= j; k++) out[order[k]] = m;
      i = j + 1;
    }
    return out;
  });
}
