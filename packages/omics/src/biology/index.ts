export type { BiologyAnalysis, BiologyComparison, CompareBiologyOptions } from './by-risk-group.js';
export { compareBiology, DEFAULT_BIOLOGY_ANALYSES } from './by-risk-group.js';
export type { FeatureComparisonRow } from './compare-scores.js';
