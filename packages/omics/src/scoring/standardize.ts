import type { ExpressionMatrix } from '../expression/types.js';

/** Mean and sample standard deviation (n - 1) of gene `g` across samples, as R `mean` / `sd`. */
function geneMoments(matrix: ExpressionMatrix, g: number): { mean: number; sd: number } {
  const nGenes = matrix.genes.length;
  const nSamples = matrix.samples.length;
  const values = matrix.data;
  let sum = 0;
  for (let s = 0; s < nSamples; s++) sum += values[s * nGenes + g];
  const mean = sum / nSamples;
  let ss = 0;
  for (let s = 0; s < nSamples; s++) {
    const d = values[s * nGenes + g] - mean;
    ss += d * d;
  }
  return { mean, sd: Math.sqrt(ss / (nSamples - 1)) };
}

/**
 * Row-standardised copy of a matrix, as R `t(scale(t(X)))`: each gene centred by its mean and divided by its
 * sample standard deviation (n - 1) across samples. Same column-major layout as the input.
 */
export function standardizeGenes(matrix: ExpressionMatrix): Float64Array {
  const nGenes = matrix.genes.length;
  const nSamples = matrix.samples.length;
  const z = new Float64Array(matrix.data.length);
  for (let g = 0; g < nGenes; g++) {
    const { mean, sd } = geneMoments(matrix, g);
    for (let s = 0; s < nSamples; s++) z[s * nGenes + g] = (matrix.data[s * nGenes + g] - mean) / sd;
  }
  return z;
}

/**
 * Genes GSVA keeps (`.filterFeatures`): 1 when the sample standard deviation is at least 1e-10, 0 for
 * "constant" genes, which GSVA drops for every method but ssGSEA.
 */
export function nonConstantGenes(matrix: ExpressionMatrix): Uint8Array {
  return Uint8Array.from(matrix.genes, (_, g) => (geneMoments(matrix, g).sd >= 1e-10 ? 1 : 0));
}
