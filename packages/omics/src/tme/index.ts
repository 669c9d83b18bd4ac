export type { CibersortOptions, CibersortResult, SignatureMatrix } from './cibersort.js';
export { cibersortLike } from './cibersort.js';
export type { EstimateOptions } from './estimate.js';
export { ESTIMATE_FEATURES, estimateCommonGenes, estimateGeneSets, estimateScores } from './estimate.js';
export type { ImmunePanelOptions } from './immune-cells.js';
export {
  IMMUNE_CHECKPOINT_GENES,
  immuneCellImmunity,
  immuneCellSets,
  immuneCellTypes,
  immunePanel,
} from './immune-cells.js';
export { mcpCounter, mcpCounterMarkers } from './mcpcounter.js';
export type { QuantiseqOptions, Til10Signature } from './quantiseq.js';
export { quantiseq, til10Signature } from './quantiseq.js';
export type { FeatureScores } from './types.js';
