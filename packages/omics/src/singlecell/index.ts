export type { AucellOptions, CellScores } from './aucell.js';
export { aucell } from './aucell.js';
export type {
  CompareByRiskOptions,
  PseudobulkTable,
  RiskComparison,
  RiskTestTable,
} from './compare-by-risk.js';
export { ALL_CELLS, CYTOTOXIC_T_CELL_PATTERN, cellTypesMatching } from './compare-by-risk.js';
export type { RiskGroupColumns } from './compare-by-risk-table.js';
export { compareByRiskGroup } from './compare-by-risk-table.js';
export type { ModuleScoreOptions } from './module-score.js';
export { moduleScore } from './module-score.js';
export type { ExpressionScale, NormalizeTotalOptions } from './normalize.js';
export { detectExpressionScale, normalizeTotal } from './normalize.js';
export type { QcMetrics, QcMetricsOptions } from './qc-metrics.js';
export { qcMetrics } from './qc-metrics.js';
export type { ScoreGenesOptions, ScoreGenesResult } from './score-genes.js';
export { scoreGenes } from './score-genes.js';
export type { ScoreH5adOptions, ScoreH5adResult } from './score-h5ad.js';
export { scoreH5ad } from './score-h5ad.js';
export type { UcellOptions } from './ucell.js';
export { ucell } from './ucell.js';
