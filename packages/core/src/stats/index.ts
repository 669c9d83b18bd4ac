export type { Alternative } from './alternative.js';
export type { ChiSquareTestOptions, ChiSquareTestResult } from './chi-square-test.js';
export { chiSquareTest } from './chi-square-test.js';
export type { ContingencyTable } from './contingency-table.js';
export { contingencyTable } from './contingency-table.js';
export type { CorrelationTestOptions, CorrelationTestResult } from './correlation-test.js';
export { correlationTest } from './correlation-test.js';
export {
  chiSquareCdf,
  chiSquareDensity,
  chiSquareQuantile,
  chiSquareSurvival,
  fisherFCdf,
  fisherFDensity,
  fisherFSurvival,
  normalCdf,
  normalDensity,
  normalQuantile,
  normalSurvival,
  studentTCdf,
  studentTDensity,
  studentTQuantile,
  studentTSurvival,
} from './distributions.js';
export { erfc } from './erfc.js';
export { findRoot } from './find-root.js';
export type { FisherExactTestOptions, FisherExactTestResult } from './fisher-exact-test.js';
export { fisherExactTest } from './fisher-exact-test.js';
export type { GroupedValues } from './group-values.js';
export { groupValues } from './group-values.js';
export type { KruskalWallisResult } from './kruskal-wallis.js';
export { kruskalWallis } from './kruskal-wallis.js';
export { compensatedSum, mean } from './mean.js';
export type { PAdjustMethod } from './p-adjust.js';
export { pAdjust } from './p-adjust.js';
export type { QuantileOptions } from './quantile.js';
export { median, quantile } from './quantile.js';
export type { RankOptions, TiesMethod } from './rank.js';
export { rank, tieCorrection } from './rank.js';
export { selectInPlace } from './select.js';
export { sortOrder } from './sort-order.js';
export {
  logBeta,
  logGamma,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
} from './special-functions.js';
export type { TTestOptions, TTestResult } from './t-test.js';
export { oneSampleTTest, studentTTest, welchTTest } from './t-test.js';
export { standardDeviation, variance } from './variance.js';
export type { WilcoxonRankSumOptions, WilcoxonRankSumResult } from './wilcoxon-rank-sum.js';
export { wilcoxonRankSum } from './wilcoxon-rank-sum.js';
export type { WilcoxonSignedRankOptions, WilcoxonSignedRankResult } from './wilcoxon-signed-rank.js';
export { wilcoxonSignedRank } from './wilcoxon-signed-rank.js';
