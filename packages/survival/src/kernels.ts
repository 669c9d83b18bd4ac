/**
 * Array-level kernels of @tace/survival: the same names as the package root, over arrays and
 * {@link DesignMatrix} values instead of a table and column names (see the README, "Two levels").
 * @module
 */

export { cumulativeIncidence } from './competing/cumulative-incidence.js';
export { fineGray } from './competing/fine-gray.js';
export { logRankScores } from './cutpoints/log-rank-scores.js';
export { lausen92, maxstatCutpoint } from './cutpoints/maxstat-cutpoint.js';
export { applyCutpoints, quantileCutpoints } from './cutpoints/quantile-cutpoint.js';
export { applyCombat, combat } from './features/combat.js';
export { correlationFilter } from './features/correlation-filter.js';
export type { FeatureIccResult } from './features/feature-icc.js';
export { featureIcc } from './features/feature-icc.js';
export { icc } from './features/icc.js';
export { mrmr } from './features/mrmr.js';
export { univariateCox } from './features/univariate-cox.js';
export { applyZScore, fitZScore } from './features/z-score.js';
export type { GroupInput } from './internal/factor.js';
export type { EventInput, NumericInput } from './internal/survival-data.js';
export { brierScore, integratedBrierScore } from './metrics/brier-score.js';
export { brierScoreInference } from './metrics/brier-score-inference.js';
export { calibration } from './metrics/calibration.js';
export { compareTimeDependentAuc } from './metrics/compare-time-dependent-auc.js';
export { concordance } from './metrics/concordance.js';
export { decisionCurve } from './metrics/decision-curve.js';
export { timeDependentAuc } from './metrics/time-dependent-auc.js';
export { timeDependentAucInference } from './metrics/time-dependent-auc-inference.js';
export { survivalConfidenceLimits } from './nonparametric/confidence-interval.js';
export { kaplanMeier } from './nonparametric/kaplan-meier.js';
export { logRank } from './nonparametric/log-rank.js';
export { survivalQuantile } from './nonparametric/survival-quantile.js';
export { coxDeviance } from './penalized/cox-deviance.js';
export { coxnet } from './penalized/coxnet.js';
export { cvCoxnet } from './penalized/cv-coxnet.js';
export type { DesignInput, DesignMatrix } from './penalized/design-matrix.js';
export { selectColumns, toDesignMatrix } from './penalized/design-matrix.js';
export { coxnetCoefficients, predictCoxnet } from './penalized/predict-coxnet.js';
export { rmst } from './rmst/rmst.js';
export { bootstrapConcordance } from './validation/bootstrap-concordance.js';
export type { ConcordanceReplicatesOptions, ReplicateMetric } from './validation/bootstrap-replicates.js';
export { concordanceReplicates, replicateSeed } from './validation/bootstrap-replicates.js';
export { compareConcordance } from './validation/compare-concordance.js';
export { timeDependentRoc } from './validation/time-dependent-roc.js';
