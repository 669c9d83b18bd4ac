import { median } from '@tace/core';
import { geneRow } from '../expression/matrix.js';
import type { ExpressionMatrix } from '../expression/types.js';

/**
 * Median-based score of Bhandari et al. (Nat Genet 2019;51:308-318), the "Buffa hypoxia score" of cBioPortal
 * for TCGA: for each gene of the set, samples above the gene's median across the cohort get +1, the others
 * -1; the score is the sum over the set's genes (an odd integer for an odd number of genes).
 */
export function medianSignScores(
  matrix: ExpressionMatrix,
  sets: readonly Int32Array[],
  out: Float64Array,
): void {
  const nGenes = matrix.genes.length;
  const nSamples = matrix.samples.length;
  const nSets = sets.length;
  const row = new Float64Array(nSamples);
  const medians = new Map<number, number>();
  for (const set of sets)
    for (const g of set) if (!medians.has(g)) medians.set(g, median(geneRow(matrix, g, row)));
  for (let s = 0; s < nSamples; s++) {
    for (let k = 0; k < nSets; k++) {
      let score = 0;
      for (const g of sets[k]) score += matrix.data[s * nGenes + g] > (medians.get(g) as number) ? 1 : -1;
      out[s * nSets + k] = score;
    }
  }
}

/**
 * Geometric mean of the set's genes in each sample, exp(mean(log(x + offset))): the cytolytic activity score
 * CYT of Rooney et al. (Cell 2015), who used TPM with offset 0.01 on GZMA and PRF1.
 */
export function geometricMeanScores(
  matrix: ExpressionMatrix,
  sets: readonly Int32Array[],
  offset: number,
  out: Float64Array,
): void {
  const nGenes = matrix.genes.length;
  const nSamples = matrix.samples.length;
  const nSets = sets.length;
  for (let s = 0; s < nSamples; s++) {
    for (let k = 0; k < nSets; k++) {
      const set = sets[k];
      let sumLog = 0;
      for (const g of set) sumLog += Math.log(matrix.data[s * nGenes + g] + offset);
      out[s * nSets + k] = Math.exp(sumLog / set.length);
    }
  }
}
