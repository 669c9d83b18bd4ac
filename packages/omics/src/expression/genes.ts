import { assertOneOf } from '@tace/core';
import { namedExpression, subsetMatrix } from './matrix.js';
import type { ExpressionMatrix } from './types.js';

/**
 * Removes the version suffix of Ensembl identifiers (`ENSG00000141510.17` -> `ENSG00000141510`), leaving
 * other identifiers unchanged. GENCODE's `_PAR_Y` genes keep that tag (`ENSG00000002586.20_PAR_Y` ->
 * `ENSG00000002586_PAR_Y`) so the X and Y copies stay distinct.
 * @example stripEnsemblVersion('ENSG00000141510.17') // 'ENSG00000141510'
 */
export function stripEnsemblVersion(id: string): string {
  return id.replace(/^(ENS[A-Z]*[GTPE]\d{6,})\.\d+(_PAR_Y)?$/, '$1$2');
}

/** Rule for rows that share a gene identifier, see {@link collapseDuplicateGenes}. */
export type DuplicateRule = 'max-mean' | 'first' | 'mean';

/** Result of {@link collapseDuplicateGenes}. */
export interface CollapsedMatrix {
  /** The matrix with one row per gene, genes in order of first appearance. */
  matrix: ExpressionMatrix;
  /** Identifiers that had several rows, with how many. */
  duplicated: { gene: string; rows: number }[];
}

/**
 * Resolves genes that appear in several rows (e.g. symbols mapped from several Ensembl ids, or the repeated
 * symbols of the TCGA-LIHC subset). Rules:
 * - `'max-mean'` (default): keep the row with the largest mean across samples, the first such row on ties
 *   (WGCNA `collapseRows(method = "MaxMean")`; keeps a real measured profile); the kept row keeps its place;
 * - `'first'`: keep the first row;
 * - `'mean'`: average the rows sample by sample (limma `avereps`).
 * @example
 * ```ts
 * const { matrix, duplicated } = collapseDuplicateGenes(expr); // duplicated: [{ gene: 'XAGE1D', rows: 3 }, ...]
 * ```
 */
export function collapseDuplicateGenes(
  matrix: ExpressionMatrix,
  rule: DuplicateRule = 'max-mean',
): CollapsedMatrix {
  assertOneOf(rule, 'rule', ['max-mean', 'first', 'mean']);
  const nGenes = matrix.genes.length;
  const nSamples = matrix.samples.length;
  const groups = new Map<string, number[]>();
  matrix.genes.forEach((gene, g) => {
    const rows = groups.get(gene);
    if (rows === undefined) groups.set(gene, [g]);
    else rows.push(g);
  });
  const duplicated = [...groups]
    .filter(([, rows]) => rows.length > 1)
    .map(([gene, rows]) => ({ gene, rows: rows.length }));
  if (duplicated.length === 0)
    return {
      matrix: subsetMatrix(
        matrix,
        matrix.genes.map((_, g) => g),
      ),
      duplicated,
    };
  if (rule === 'mean') {
    const genes = [...groups.keys()];
    const values = new Float64Array(genes.length * nSamples);
    let k = 0;
    for (const rows of groups.values()) {
      for (let s = 0; s < nSamples; s++) {
        let sum = 0;
        for (const g of rows) sum += matrix.data[s * nGenes + g];
        values[s * genes.length + k] = sum / rows.length;
      }
      k++;
    }
    return { matrix: namedExpression(genes, matrix.samples, values), duplicated };
  }
  const keep: number[] = [];
  for (const rows of groups.values()) {
    if (rule === 'first' || rows.length === 1) {
      keep.push(rows[0]);
      continue;
    }
    let best = rows[0];
    let bestMean = -Infinity;
    for (const g of rows) {
      let sum = 0;
      for (let s = 0; s < nSamples; s++) sum += matrix.data[s * nGenes + g];
      const mean = sum / nSamples;
      if (mean > bestMean) {
        bestMean = mean;
        best = g;
      }
    }
    keep.push(best);
  }
  keep.sort((a, b) => a - b); // kept rows stay where they were (genes order matters for tie-breaking)
  return { matrix: subsetMatrix(matrix, keep), duplicated };
}
