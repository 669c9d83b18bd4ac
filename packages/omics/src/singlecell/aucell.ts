import { assertInteger, type RandomSource, randomInt, toRng } from '@tace/core';
import type { AnnDataMatrix } from '../h5ad/types.js';
import { resolveGeneSets } from './gene-sets.js';
import { toCsr } from './matrix.js';
import { RowRanker } from './row-ranks.js';

/** Options of {@link aucell}; names mirror R AUCell's `AUCell_calcAUC` / `AUCell_buildRankings`. */
export interface AucellOptions {
  /** Rank threshold of the AUC (`aucMaxRank`). @default ceil(0.05 * number of genes), as AUCell */
  aucMaxRank?: number;
  /** Seed or generator breaking expression ties at random (AUCell ranks with `ties.method = "random"`). @default 1 */
  random?: RandomSource;
}

/** Result of {@link aucell} and {@link ucell}: one score array per gene set, in input order. */
export interface CellScores {
  /** Gene-set name -> one score per cell. */
  scores: Record<string, Float64Array>;
  /** Gene-set name -> genes absent from the matrix (ignored, as AUCell/UCell do). */
  missingGenes: Record<string, string[]>;
}

/**
 * AUCell scores (Aibar et al. 2017): genes of each cell are ranked by decreasing expression (ties broken at
 * random), and the score is the area under the recovery curve of the set's genes up to rank
 * T = `aucMaxRank`, normalised by its maximum: AUC = sum over set genes with rank r < T of (T - r), divided
 * by sum_{i=1..min(m, T-1)} (T - i) for the m genes of the set found (AUCell's `.AUC.geneSet_norm`).
 * In [0, 1]. Works on any matrix; sparse rows are ranked without sorting their zeros.
 *
 * @throws {TaceError} `EMPTY_INPUT` when a set has no gene in `varNames`; `INVALID_ARGUMENT` for a bad `aucMaxRank`.
 * @example aucell(X, genes, { hypoxia: ['VEGFA', 'LDHA', 'PGK1'] }).scores.hypoxia
 */
export function aucell(
  X: AnnDataMatrix,
  varNames: readonly string[],
  geneSets: Readonly<Record<string, readonly string[]>>,
  options: AucellOptions = {},
): CellScores {
  const [nCells, nGenes] = X.shape;
  const threshold = Math.round(options.aucMaxRank ?? Math.ceil(0.05 * nGenes));
  assertInteger(threshold, 'aucMaxRank', 1);
  const rng = toRng(options.random ?? 1);
  const sets = resolveGeneSets(varNames, geneSets);
  const csr = toCsr(X);
  const ranker = new RowRanker(nGenes);
  const scores: Record<string, Float64Array> = {};
  const maxAuc = sets.columns.map((cols) => {
    let max = 0;
    for (let i = 1; i <= Math.min(cols.length, threshold - 1); i++) max += threshold - i;
    return max;
  });
  for (const name of sets.names) scores[name] = new Float64Array(nCells);
  const taken = new Set<number>();
  for (let i = 0; i < nCells; i++) {
    ranker.load(csr, i, i - 1);
    sets.columns.forEach((cols, s) => {
      // Group set genes by value: tied genes share `equal` positions after `greater`, drawn without replacement.
      const byValue = new Map<number, number>();
      for (let c = 0; c < cols.length; c++) {
        const v = ranker.value(cols[c]);
        byValue.set(v, (byValue.get(v) ?? 0) + 1);
      }
      let area = 0;
      for (const [v, k] of byValue) {
        const above = ranker.greater(v);
        if (above + 1 >= threshold) continue;
        const tied = ranker.equal(v);
        taken.clear();
        while (taken.size < k) taken.add(randomInt(rng, tied));
        for (const p of taken) {
          const rank = above + p + 1;
          if (rank < threshold) area += threshold - rank;
        }
      }
      scores[sets.names[s]][i] = maxAuc[s] === 0 ? 0 : area / maxAuc[s];
    });
  }
  return { scores, missingGenes: sets.missing };
}
