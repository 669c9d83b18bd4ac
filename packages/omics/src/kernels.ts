/**
 * Array-level kernels of `@tace/omics` (the package root wraps them; see the README, "Two levels"): typed
 * arrays and index lists in, scratch buffers reusable, no validation beyond what the loop needs.
 *
 * - bulk ranking and scoring of one sample: {@link rankDecreasing}, {@link ssgseaSample}, {@link gsvaSample},
 *   {@link singscoreSample}; GSVA's kernel CDF {@link geneDensity}; whole-matrix PLAGE / z-score loops;
 * - group comparisons by label (`id -> label` records or maps) under the root functions' names:
 *   {@link compareGroups}, {@link differentialExpression}, {@link compareByRiskGroup} (per-cell arrays);
 *   limma's variance prior; fgsea's enrichment score; Cliff's delta;
 * - per-cell loops on AnnData matrices (CSR rows): {@link toCsr}, {@link columnMeans}, {@link rowMeansOver},
 *   {@link rowTotals}, {@link RowRanker}, scanpy's control-gene choice {@link selectControlGenes};
 * - cell annotation steps as Seurat runs them (issue 24): {@link findVariableGenes} (vst, with R's
 *   {@link loessFit}), {@link scaledPca} (exact, by {@link topEigenpairs}), {@link nearestNeighbors},
 *   {@link sharedNeighborGraph}, {@link louvainClusters}, the display layout {@link umapEmbedding}, and
 *   {@link adjustedRandIndex} to compare partitions.
 * @module
 */
export type {
  LoessOptions,
  LouvainOptions,
  LouvainResult,
  ScaledPca,
  ScaledPcaOptions,
  TopEigenOptions,
  TopEigenpairs,
  UmapOptions,
  VariableGenes,
  VariableGenesOptions,
} from './annotate/index.js';
export {
  adjustedRandIndex,
  findVariableGenes,
  loessFit,
  louvainClusters,
  nearestNeighbors,
  scaledPca,
  sharedNeighborGraph,
  topEigenpairs,
  umapEmbedding,
} from './annotate/index.js';
export type { GroupComparison } from './groups/compare-groups.js';
export { cliffsDelta, compareGroups } from './groups/compare-groups.js';
export type { DifferentialExpression } from './groups/differential-expression.js';
export { differentialExpression } from './groups/differential-expression.js';
export type { GroupChoice, GroupLabels, ResolvedGroups } from './groups/group-labels.js';
export { resolveGroups } from './groups/group-labels.js';
export type { VariancePrior } from './groups/moderated-t.js';
export { fitVariancePrior, posteriorVariance } from './groups/moderated-t.js';
export { digamma, tetragamma, trigamma, trigammaInverse } from './groups/polygamma.js';
export { enrichmentScore } from './groups/preranked-gsea.js';
export type { GsvaScratch, GsvaWalkOptions } from './scoring/gsva.js';
export { gsvaSample, gsvaScratch } from './scoring/gsva.js';
export { geneDensity, gsvaNormalCdf, poissonCdf } from './scoring/kernel-cdf.js';
export type { OrderScratch } from './scoring/order.js';
export { orderDecreasing, orderScratch, rankDecreasing } from './scoring/order.js';
export { singscoreSample } from './scoring/rank-scores.js';
export { plageSets, zscoreSets } from './scoring/set-statistics.js';
export type { SsgseaScratch } from './scoring/ssgsea.js';
export { normalizeByRange, ssgseaSample, ssgseaScratch } from './scoring/ssgsea.js';
export type { CellAnnotations, CompareByRiskOptions, RiskComparison } from './singlecell/compare-by-risk.js';
export { compareByRiskGroup } from './singlecell/compare-by-risk.js';
export { columnMeans, rowMeansOver, toCsr } from './singlecell/matrix.js';
export { rowTotals } from './singlecell/normalize.js';
export { RowRanker } from './singlecell/row-ranks.js';
export type { ControlGeneSelection, ScoreGenesOptions } from './singlecell/score-genes.js';
export { selectControlGenes } from './singlecell/score-genes.js';
