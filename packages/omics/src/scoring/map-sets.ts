import { TaceError } from '@tace/core';
import type { ExpressionMatrix } from '../expression/types.js';
import type { GeneSets } from '../genesets/types.js';
import type { SetCoverage } from './types.js';

/** Gene sets mapped to row indices of a matrix, with the coverage report. */
export interface MappedSets {
  /** Names of the sets kept (size within bounds), in input order. */
  names: string[];
  /** Row indices (into the matrix) of each kept set, in set order, distinct. */
  indices: Int32Array[];
  /** Coverage of every input set. */
  coverage: SetCoverage[];
}

/**
 * Maps gene sets to matrix rows the way GSVA does (`match(set, rownames)`, after the caller drops unusable rows), then
 * keeps the sets with `minSize <= found <= maxSize` (GSVA `filterGeneSets`, on the mapped sizes).
 * Genes repeated in a set are used once.
 *
 * @throws {TaceError} `INVALID_ARGUMENT` when matrix genes repeat; `EMPTY_INPUT` when no set is left.
 */
export function mapGeneSets(
  matrix: ExpressionMatrix,
  sets: GeneSets,
  minSize: number,
  maxSize: number,
): MappedSets {
  const rowOf = new Map<string, number>();
  matrix.genes.forEach((gene, i) => {
    if (rowOf.has(gene)) {
      throw new TaceError('INVALID_ARGUMENT', `gene ${JSON.stringify(gene)} appears in more than one row`, {
        param: 'expr.genes',
        remedy: 'resolve duplicate genes first, e.g. with collapseDuplicateGenes()',
      });
    }
    rowOf.set(gene, i);
  });
  const names: string[] = [];
  const indices: Int32Array[] = [];
  const coverage: SetCoverage[] = [];
  const lower = Math.max(1, minSize);
  for (const [set, genes] of Object.entries(sets)) {
    const unique = [...new Set(genes)];
    const found: string[] = [];
    const missing: string[] = [];
    const rows: number[] = [];
    for (const gene of unique) {
      const row = rowOf.get(gene);
      if (row === undefined) missing.push(gene);
      else {
        found.push(gene);
        rows.push(row);
      }
    }
    const scored = rows.length >= lower && rows.length <= maxSize;
    coverage.push({ set, size: unique.length, found, missing, constant: [], scored });
    if (scored) {
      names.push(set);
      indices.push(Int32Array.from(rows));
    }
  }
  if (names.length === 0) {
    throw new TaceError('EMPTY_INPUT', 'no gene set has enough genes in the expression matrix', {
      param: 'sets',
      remedy: 'check that gene identifiers match (symbols vs Ensembl ids) or lower minSize; see the coverage',
    });
  }
  return { names, indices, coverage };
}
