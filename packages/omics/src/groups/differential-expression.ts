import { pAdjust, studentTSurvival, TaceError } from '@tace/core';
import type { ExpressionMatrix } from '../expression/types.js';
import { type GroupChoice, type GroupLabels, resolveGroups } from './group-labels.js';
import { fitVariancePrior, posteriorVariance } from './moderated-t.js';

/** Per-gene differential expression between two groups, see {@link differentialExpression}. */
export interface DifferentialExpression {
  genes: string[];
  target: string;
  reference: string;
  nTarget: number;
  nReference: number;
  /** Mean of target minus mean of reference (log fold change on log-scale data). */
  logFC: Float64Array;
  /** Welch t (R `t.test(target, reference)`), NaN for genes constant in both groups. */
  welchT: Float64Array;
  /** Welch-Satterthwaite degrees of freedom. */
  welchDf: Float64Array;
  /** Two-sided Welch p-value. */
  welchPValue: Float64Array;
  /** Benjamini-Hochberg adjusted Welch p-values. */
  welchAdjustedPValue: Float64Array;
  /** limma moderated t (lmFit + eBayes, design ~ group). */
  moderatedT: Float64Array;
  /** Two-sided p-value of the moderated t. */
  moderatedPValue: Float64Array;
  /** Benjamini-Hochberg adjusted moderated p-values (limma `topTable(adjust = "BH")`). */
  moderatedAdjustedPValue: Float64Array;
  /** Residual + prior degrees of freedom of the moderated t, capped at the pooled residual df (limma). */
  dfTotal: Float64Array;
  /** limma `s2.prior` and `df.prior`. */
  s2Prior: number;
  dfPrior: number;
}

/**
 * Differential expression of every gene between two groups of samples:
 * - Welch's t-test per gene (unequal variances), p from Student's t with Welch-Satterthwaite df;
 * - limma's moderated t for the two-group design `~ group` (Smyth 2004): the gene's pooled residual variance
 *   s^2 (df d = n - 2) is shrunk towards a prior s0^2 with d0 prior df fitted to all genes
 *   ({@link fitVariancePrior}); t = logFC / sqrt(s~^2 (1/n1 + 1/n2)), p from t with d + d0 df (capped at the
 *   pooled df as limma does).
 * Both get Benjamini-Hochberg adjusted p-values. Matches limma 3.54.1 `eBayes(lmFit(x, model.matrix(~ group)))`
 * to 1e-10 (t, p) on the test fixtures, and R `t.test` for Welch.
 *
 * @param expr - log-scale expression (e.g. log2(TPM + 1)); samples without a group label are left out.
 * @param groups - label per sample id (or per TCGA patient barcode).
 * @throws {TaceError} as `resolveGroups`; `MISSING_VALUE` when the matrix holds NaN.
 * @example
 * ```ts
 * const de = differentialExpression(expr, { 'TCGA-..-01': 'high', ... });
 * de.moderatedAdjustedPValue; // BH per gene
 * ```
 */
export function differentialExpression(
  expr: ExpressionMatrix,
  groups: GroupLabels,
  options: GroupChoice = {},
): DifferentialExpression {
  const resolved = resolveGroups(expr.samples, groups, options);
  const { membership, nTarget: n1, nReference: n0 } = resolved;
  const nGenes = expr.genes.length;
  const nSamples = expr.samples.length;
  const logFC = new Float64Array(nGenes);
  const welchT = new Float64Array(nGenes);
  const welchDf = new Float64Array(nGenes);
  const welchP = new Float64Array(nGenes);
  const pooledVar = new Float64Array(nGenes);
  for (let g = 0; g < nGenes; g++) {
    let s1 = 0;
    let s0 = 0;
    for (let s = 0; s < nSamples; s++) {
      const v = expr.data[s * nGenes + g];
      if (Number.isNaN(v) && membership[s] >= 0) {
        throw new TaceError(
          'MISSING_VALUE',
          `expression of ${expr.genes[g]} in ${expr.samples[s]} is missing`,
          {
            param: 'expr.data',
          },
        );
      }
      if (membership[s] === 1) s1 += v;
      else if (membership[s] === 0) s0 += v;
    }
    const m1 = s1 / n1;
    const m0 = s0 / n0;
    let ss1 = 0;
    let ss0 = 0;
    for (let s = 0; s < nSamples; s++) {
      const v = expr.data[s * nGenes + g];
      if (membership[s] === 1) ss1 += (v - m1) * (v - m1);
      else if (membership[s] === 0) ss0 += (v - m0) * (v - m0);
    }
    logFC[g] = m1 - m0;
    pooledVar[g] = (ss1 + ss0) / (n1 + n0 - 2);
    const v1 = ss1 / (n1 - 1) / n1;
    const v0 = ss0 / (n0 - 1) / n0;
    const se = Math.sqrt(v1 + v0);
    const df = (v1 + v0) ** 2 / ((v1 * v1) / (n1 - 1) + (v0 * v0) / (n0 - 1));
    welchDf[g] = df;
    welchT[g] = se > 0 ? logFC[g] / se : Number.NaN;
    welchP[g] = se > 0 ? 2 * studentTSurvival(Math.abs(welchT[g]), df) : Number.NaN;
  }
  const dfResidual = n1 + n0 - 2;
  const prior = fitVariancePrior(pooledVar, dfResidual);
  const dfPooled = dfResidual * nGenes;
  const unscaled = Math.sqrt(1 / n1 + 1 / n0);
  const moderatedT = new Float64Array(nGenes);
  const moderatedP = new Float64Array(nGenes);
  const dfTotal = new Float64Array(nGenes);
  for (let g = 0; g < nGenes; g++) {
    const post = posteriorVariance(pooledVar[g], dfResidual, prior);
    const df = Math.min(dfResidual + prior.dfPrior, dfPooled);
    dfTotal[g] = df;
    moderatedT[g] = logFC[g] / unscaled / Math.sqrt(post);
    moderatedP[g] = 2 * studentTSurvival(Math.abs(moderatedT[g]), df);
  }
  return {
    genes: [...expr.genes],
    target: resolved.target,
    reference: resolved.reference,
    nTarget: n1,
    nReference: n0,
    logFC,
    welchT,
    welchDf,
    welchPValue: welchP,
    welchAdjustedPValue: pAdjust(welchP, 'BH'),
    moderatedT,
    moderatedPValue: moderatedP,
    moderatedAdjustedPValue: pAdjust(moderatedP, 'BH'),
    dfTotal,
    s2Prior: prior.s2Prior,
    dfPrior: prior.dfPrior,
  };
}
