/**
 * `@tace/omics`: TCGA-style bulk expression and single-cell (h5ad) data, gene-set scores and risk-group
 * biology. Matrices are core `DenseMatrix`es with names (column-major; `ExpressionMatrix` is genes x samples,
 * `GeneSetScores` sets x samples); groups of samples or patients come as a table plus column names.
 * Array-level kernels (ranking, the GSVA kernel CDF, per-cell loops on CSR arrays, label-level comparisons)
 * are in `@tace/omics/kernels`.
 * @module
 */

export type {
  AnnotateCellsOptions,
  AnnotateH5adOptions,
  AnnotateH5adResult,
  CellAnnotation,
  CellTypeMarkers,
  ClusterLabel,
  ClusterLabels,
  LabelClustersOptions,
  UmapOptions,
} from './annotate/index.js';
export {
  annotateCells,
  annotateH5ad,
  LIVER_IMMUNE_MARKERS,
  labelClusters,
  UNASSIGNED,
} from './annotate/index.js';
export type {
  BiologyAnalysis,
  BiologyComparison,
  CompareBiologyOptions,
  FeatureComparisonRow,
} from './biology/index.js';
export { compareBiology, DEFAULT_BIOLOGY_ANALYSES } from './biology/index.js';
export type {
  CollapsedMatrix,
  DuplicateRule,
  ExpressionMatrix,
  GdcStarColumn,
  GdcStarOptions,
  LogTransformOptions,
  MatrixOrientation,
  ReadExpressionOptions,
  TcgaBarcode,
} from './expression/index.js';
export {
  cbioportalStatus,
  collapseDuplicateGenes,
  detectOrientation,
  expressionFromTable,
  expressionMatrix,
  expressionMatrixFromRows,
  geneRow,
  log2Cpm,
  log2Tpm,
  looksLogged,
  parseExpressionMatrix,
  parseTcgaBarcode,
  readCbioportalClinical,
  readExpressionMatrix,
  readExpressionTable,
  readGdcStarCounts,
  readSampleSheet,
  readXenaMatrix,
  sampleColumn,
  stripEnsemblVersion,
  subsetMatrix,
} from './expression/index.js';
export type { GeneSets, GmtEntry, GmtWriteOptions } from './genesets/index.js';
export { formatGmt, parseGmt, parseGmtEntries, readGmt, writeGmt } from './genesets/index.js';
export type {
  DifferentialExpression,
  GroupChoice,
  GroupColumns,
  GroupComparison,
  PrerankedGseaOptions,
  PrerankedGseaResult,
} from './groups/index.js';
export { compareGroups, comparisonTable, differentialExpression, prerankedGsea } from './groups/index.js';
export type {
  AnnData,
  AnnDataElement,
  AnnDataMatrix,
  AnnDataRaw,
  BooleanColumn,
  CategoricalColumn,
  Column,
  DataFrame,
  DenseArray,
  H5adContent,
  H5adEncoding,
  IterateRowsOptions,
  NullableColumn,
  NumericColumn,
  ReadH5adOptions,
  RowChunk,
  SparseMatrix,
  StringColumn,
  UnsValue,
} from './h5ad/index.js';
export {
  columnLabels,
  iterateRows,
  readH5ad,
  readH5adElement,
  readH5adObs,
  writeH5ad,
} from './h5ad/index.js';
export type { ProgenyModelRow, ProgenyOptions } from './pathways/index.js';
export { PROGENY_MAX_TOP, PROGENY_PATHWAYS, progeny, progenyModel } from './pathways/index.js';
export type {
  GeneSetScores,
  KernelCdf,
  ParallelScoringOptions,
  ScoreGeneSetsOptions,
  ScoringMethod,
  SetCoverage,
} from './scoring/index.js';
export { scoreGeneSets, scoreGeneSetsParallel, scoresTable, setScores } from './scoring/index.js';
export type { MappedGeneSets, SignatureSource, SymbolMapping } from './signatures/index.js';
export {
  BUFFA_HYPOXIA,
  bundledSignatures,
  CYTOLYTIC_ACTIVITY,
  CYTOTOXIC_T_CELLS,
  HALLMARK_EPITHELIAL_MESENCHYMAL_TRANSITION,
  HALLMARK_GLYCOLYSIS,
  HALLMARK_HYPOXIA,
  HALLMARK_MYC_TARGETS_V1,
  HALLMARK_MYC_TARGETS_V2,
  mapSignatureSymbols,
  SIGNATURE_SOURCES,
  SIGNATURE_SYMBOL_ALIASES,
} from './signatures/index.js';
export type {
  AucellOptions,
  CellScores,
  CompareByRiskOptions,
  ExpressionScale,
  ModuleScoreOptions,
  NormalizeTotalOptions,
  PseudobulkTable,
  QcMetrics,
  QcMetricsOptions,
  RiskComparison,
  RiskGroupColumns,
  RiskTestTable,
  ScoreGenesOptions,
  ScoreGenesResult,
  ScoreH5adOptions,
  ScoreH5adResult,
  UcellOptions,
} from './singlecell/index.js';
export {
  ALL_CELLS,
  aucell,
  CYTOTOXIC_T_CELL_PATTERN,
  cellTypesMatching,
  compareByRiskGroup,
  detectExpressionScale,
  moduleScore,
  normalizeTotal,
  qcMetrics,
  scoreGenes,
  scoreH5ad,
  ucell,
} from './singlecell/index.js';
export type {
  CellTypeComparison,
  CellTypeCoverage,
  CellTypeDot,
  CompareCellTypesOptions,
} from './singlecell/pseudobulk-compare.js';
export { compareCellTypes, countsScaleWarning } from './singlecell/pseudobulk-compare.js';
export { CANCERSEA_STATES, readCancerSea, scoreCancerSeaStates } from './states/index.js';
export type {
  CibersortOptions,
  CibersortResult,
  EstimateOptions,
  FeatureScores,
  ImmunePanelOptions,
  QuantiseqOptions,
  SignatureMatrix,
  Til10Signature,
} from './tme/index.js';
export {
  cibersortLike,
  ESTIMATE_FEATURES,
  estimateCommonGenes,
  estimateGeneSets,
  estimateScores,
  IMMUNE_CHECKPOINT_GENES,
  immuneCellImmunity,
  immuneCellSets,
  immuneCellTypes,
  immunePanel,
  mcpCounter,
  mcpCounterMarkers,
  quantiseq,
  til10Signature,
} from './tme/index.js';
