import { assertInteger } from '@tace/core';
import type { AnnDataMatrix } from '../h5ad/types.js';
import type { CellScores } from './aucell.js';
import { resolveGeneSets } from './gene-sets.js';
import { toCsr } from './matrix.js';
import { RowRanker } from './row-ranks.js';

/** Options of {@link ucell}; names mirror R UCell's `ScoreSignatures_UCell`. */
export interface UcellOptions {
  /** Ranks above this count as `maxRank + 1` (UCell `maxRank`). @default 1500 */
  maxRank?: number;
}

/**
 * UCell scores (Andreatta & Carmona 2021), from the Mann-Whitney U of each set's genes within a cell: genes
 * are ranked by decreasing expression with average ranks for ties (`data.table::frankv(ties.method =
 * "average")`), ranks above `maxRank` are set to `maxRank + 1`, and score = 1 - U / (n maxRank) with
 * U = sum(ranks) - n(n + 1)/2 over the n genes of the set found; 0 when none ranks within `maxRank`
 * (UCell's `u_stat`). Positive signatures only (no `GENE-` negative genes).
 *
 * @throws {TaceError} `EMPTY_INPUT` when a set has no gene in `varNames`; `INVALID_ARGUMENT` for a bad `maxRank`.
 * @example ucell(X, genes, { cytotoxic: ['GZMB', 'PRF1', 'NKG7'] }, { maxRank: 1500 }).scores.cytotoxic
 */
export function ucell(
  X: AnnDataMatrix,
  varNames: readonly string[],
  geneSets: Readonly<Record<string, readonly string[]>>,
  options: UcellOptions = {},
): CellScores {
  const maxRank = options.maxRank ?? 1500;
  assertInteger(maxRank, 'maxRank', 1);
  const [nCells, nGenes] = X.shape;
  const sets = resolveGeneSets(varNames, geneSets);
  const csr = toCsr(X);
  const ranker = new RowRanker(nGenes);
  const scores: Record<string, Float64Array> = {};
  for (const name of sets.names) scores[name] = new Float64Array(nCells);
  for (let i = 0; i < nCells; i++) {
    ranker.load(csr, i, i - 1);
    sets.columns.forEach((cols, s) => {
      const n = cols.length;
      let rankSum = 0;
      let anyWithin = false;
      for (let c = 0; c < n; c++) {
        const v = ranker.value(cols[c]);
        const rank = ranker.greater(v) + (ranker.equal(v) + 1) / 2;
        if (rank > maxRank) rankSum += maxRank + 1;
        else {
          rankSum += rank;
          anyWithin = true;
        }
      }
      scores[sets.names[s]][i] = anyWithin ? 1 - (rankSum - (n * (n + 1)) / 2) / (n * maxRank) : 0;
    });
  }
  return { scores, missingGenes: sets.missing };
}
