import { assertInteger, type RandomSource, randomNormal, sampleIndices, toRng } from '@tace/core';
import type { AnnDataMatrix } from '../h5ad/types.js';
import type { CellScores } from './aucell.js';
import { resolveGeneSets } from './gene-sets.js';
import { columnMeans, rowMeansOver } from './matrix.js';

/** Options of {@link moduleScore}; names mirror Seurat's `AddModuleScore`. */
export interface ModuleScoreOptions {
  /** Number of expression bins (Seurat `nbin`). @default 24 */
  nBins?: number;
  /** Control genes drawn per gene of the set (Seurat `ctrl`). @default 100 */
  ctrl?: number;
  /** Seed or generator (Seurat `seed` = 1 drives R's RNG, which is not reproduced). @default 1 */
  random?: RandomSource;
}

/** R's `quantile(type = 7)` of ascending `sorted` at probability p. */
function quantile7(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

/**
 * Seurat's `AddModuleScore` (Tirosh et al. 2016 as implemented in Seurat v3-v5). Differences from
 * {@link scoreGenes} (scanpy), which this follows in spirit: genes are binned by equal-frequency quantiles
 * of their mean (`ggplot2::cut_number(mean + rnorm/1e30, nbin, right = FALSE)`), `ctrl` controls are drawn
 * from the bin of *each* gene of the set (then de-duplicated), set genes are not excluded from the
 * controls, and defaults are 24 bins and 100 controls. Seurat's own numbers are not reproduced (R's RNG is
 * not reimplemented); where a bin holds fewer than `ctrl` genes all of them are used (Seurat errors).
 *
 * @throws {TaceError} `EMPTY_INPUT` when a set has no gene in `varNames`; `INVALID_ARGUMENT` for bad options.
 * @example moduleScore(X, genes, { hypoxia: ['VEGFA', 'LDHA'] }, { random: 1 }).scores.hypoxia
 */
export function moduleScore(
  X: AnnDataMatrix,
  varNames: readonly string[],
  geneSets: Readonly<Record<string, readonly string[]>>,
  options: ModuleScoreOptions = {},
): CellScores {
  const nBins = options.nBins ?? 24;
  const ctrl = options.ctrl ?? 100;
  assertInteger(nBins, 'nBins', 1);
  assertInteger(ctrl, 'ctrl', 1);
  const rng = toRng(options.random ?? 1);
  const sets = resolveGeneSets(varNames, geneSets);
  const means = columnMeans(X);
  const nGenes = means.length;
  const jittered = new Float64Array(nGenes);
  for (let j = 0; j < nGenes; j++) jittered[j] = means[j] + randomNormal(rng) / 1e30;
  const sorted = jittered.slice().sort();
  const breaks = Array.from({ length: nBins + 1 }, (_, b) => quantile7(sorted, b / nBins));
  // cut(..., right = FALSE, include.lowest = TRUE): [b_k, b_{k+1}), the last bin closed.
  const bin = new Int32Array(nGenes);
  for (let j = 0; j < nGenes; j++) {
    let k = 0;
    while (k < nBins - 1 && jittered[j] >= breaks[k + 1]) k++;
    bin[j] = k;
  }
  const members: number[][] = Array.from({ length: nBins }, () => []);
  for (let j = 0; j < nGenes; j++) members[bin[j]].push(j);
  const scores: Record<string, Float64Array> = {};
  sets.columns.forEach((cols, s) => {
    const controls = new Set<number>();
    for (const j of cols) {
      const pool = members[bin[j]];
      for (const p of sampleIndices(pool.length, Math.min(ctrl, pool.length), rng)) controls.add(pool[p]);
    }
    const score = rowMeansOver(X, cols);
    const control = rowMeansOver(X, Int32Array.from(controls));
    for (let i = 0; i < score.length; i++) score[i] -= control[i];
    scores[sets.names[s]] = score;
  });
  return { scores, missingGenes: sets.missing };
}
