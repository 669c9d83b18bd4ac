export type { AucellOptions, CellScores } from './aucell.js';
export { aucell } from './aucell.js';
export type {
  CellAnnotations,
  CompareByRiskOptions,
  PseudobulkTable,
  RiskComparison,
  RiskTestTable,
} from './compare-by-risk.js';
export {
  ALL_CELLS,
  CYTOTOXIC_T_CELL_PATTERN,
  cellTypesMatching,
  compareByRiskGroup,
} from './compare-by-risk.js';
export { columnMeans, rowMeansOver, toCsr } from './matrix.js';
export type { ModuleScoreOptions } from './module-score.js';
export { moduleScore } from './module-score.js';
export type { ExpressionScale, NormalizeTotalOptions } from './normalize.js';
export { detectExpressionScale, normalizeTotal, rowTotals } from './normalize.js';
export {
  numpyChoiceWithoutReplacement,
  numpyPermutation,
  numpyRandomInterval,
  numpyRandomState,
} from './numpy-random.js';
export type { QcMetrics, QcMetricsOptions } from './qc-metrics.js';
export { qcMetrics } from './qc-metrics.js';
export type { ControlGeneSelection, ScoreGenesOptions, ScoreGenesResult } from './score-genes.js';
export { scoreGenes, selectControlGenes } from './score-genes.js';
export type { ScoreH5adOptions, ScoreH5adResult } from './score-h5ad.js';
export { scoreH5ad } from './score-h5ad.js';
export type { UcellOptions } from './ucell.js';
export { ucell } from './ucell.js';
