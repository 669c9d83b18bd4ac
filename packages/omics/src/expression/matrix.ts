import { TaceError } from '@tace/core';
import type { ExpressionMatrix } from './types.js';

/**
 * An {@link ExpressionMatrix} over `data` (not copied, not checked): internal constructor of the readers.
 */
export function namedExpression(
  genes: readonly string[],
  samples: readonly string[],
  data: Float64Array,
): ExpressionMatrix {
  return { rows: genes.length, columns: samples.length, data, genes: [...genes], samples: [...samples] };
}

/**
 * Builds an {@link ExpressionMatrix} and checks its shape.
 * @param values - column-major values (sample by sample), `genes.length * samples.length` long.
 * @throws {TaceError} `LENGTH_MISMATCH` when `values` has the wrong length.
 * @example
 * ```ts
 * const m = expressionMatrix(['TP53', 'MYC'], ['S1', 'S2'], [1, 2, 3, 4]); // S1: TP53 1, MYC 2
 * ```
 */
export function expressionMatrix(
  genes: readonly string[],
  samples: readonly string[],
  values: ArrayLike<number>,
): ExpressionMatrix {
  if (values.length !== genes.length * samples.length) {
    throw new TaceError(
      'LENGTH_MISMATCH',
      `values has length ${values.length} but ${genes.length} genes x ${samples.length} samples need ${genes.length * samples.length}`,
      { param: 'values', remedy: 'pass one value per gene and sample, sample by sample (column-major)' },
    );
  }
  return namedExpression(genes, samples, Float64Array.from(values));
}

/**
 * Builds an {@link ExpressionMatrix} from one array per gene (row-major input, e.g. parsed from a
 * genes-in-rows CSV).
 * @throws {TaceError} `LENGTH_MISMATCH` when a row does not have one value per sample.
 * @example
 * ```ts
 * expressionMatrixFromRows(['TP53', 'MYC'], ['S1', 'S2'], [[1, 3], [2, 4]]).data; // [1, 2, 3, 4]
 * ```
 */
export function expressionMatrixFromRows(
  genes: readonly string[],
  samples: readonly string[],
  rows: readonly ArrayLike<number>[],
): ExpressionMatrix {
  const nGenes = genes.length;
  const nSamples = samples.length;
  if (rows.length !== nGenes) {
    throw new TaceError('LENGTH_MISMATCH', `${rows.length} rows for ${nGenes} genes`, { param: 'rows' });
  }
  const values = new Float64Array(nGenes * nSamples);
  for (let g = 0; g < nGenes; g++) {
    const row = rows[g];
    if (row.length !== nSamples) {
      throw new TaceError(
        'LENGTH_MISMATCH',
        `row of gene ${genes[g]} has ${row.length} values for ${nSamples} samples`,
        {
          param: 'rows',
        },
      );
    }
    for (let s = 0; s < nSamples; s++) values[s * nGenes + g] = row[s];
  }
  return namedExpression(genes, samples, values);
}

/**
 * The values of one gene across samples (a copy; the matrix is column-major).
 * @example geneRow(m, 1) // MYC in every sample
 */
export function geneRow(matrix: ExpressionMatrix, gene: number, out?: Float64Array): Float64Array {
  const nGenes = matrix.genes.length;
  const nSamples = matrix.samples.length;
  const row = out ?? new Float64Array(nSamples);
  for (let s = 0; s < nSamples; s++) row[s] = matrix.data[s * nGenes + gene];
  return row;
}

/**
 * The profile of one sample (a view into the matrix, no copy).
 * @example sampleColumn(m, 0) // every gene in the first sample
 */
export function sampleColumn(matrix: ExpressionMatrix, sample: number): Float64Array {
  const nGenes = matrix.genes.length;
  return matrix.data.subarray(sample * nGenes, (sample + 1) * nGenes);
}

/**
 * A new matrix with the given genes (rows) and samples (columns), by index, in the order given.
 * @example subsetMatrix(m, [1, 0], [0]) // MYC then TP53, first sample only
 */
export function subsetMatrix(
  matrix: ExpressionMatrix,
  geneIndices: readonly number[],
  sampleIndices: readonly number[] = matrix.samples.map((_, i) => i),
): ExpressionMatrix {
  const nGenes = matrix.genes.length;
  const values = new Float64Array(geneIndices.length * sampleIndices.length);
  let k = 0;
  for (const s of sampleIndices) {
    const base = s * nGenes;
    for (const g of geneIndices) values[k++] = matrix.data[base + g];
  }
  return namedExpression(
    geneIndices.map((g) => matrix.genes[g]),
    sampleIndices.map((s) => matrix.samples[s]),
    values,
  );
}
