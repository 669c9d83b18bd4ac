export type { ConfType } from './confidence-interval.js';
export { survivalConfidenceLimits } from './confidence-interval.js';
export type {
  KaplanMeierCurve,
  KaplanMeierOptions,
  KaplanMeierResult,
  SurvivalAtTimes,
  SurvivalQuantiles,
} from './kaplan-meier.js';
export { kaplanMeier } from './kaplan-meier.js';
export type { KaplanMeierPlotOptions } from './kaplan-meier-plot.js';
export { kaplanMeierPlot } from './kaplan-meier-plot.js';
export type { LogRankOptions, LogRankResult } from './log-rank.js';
export { logRank } from './log-rank.js';
export { survivalQuantile } from './survival-quantile.js';
