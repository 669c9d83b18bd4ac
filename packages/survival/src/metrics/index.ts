export type {
  BrierScoreOptions,
  BrierScoreResult,
  IntegratedBrierScoreOptions,
  IntegratedBrierScoreResult,
} from './brier-score.js';
export { brierScore, integratedBrierScore } from './brier-score.js';
export type { CalibrationOptions, CalibrationResult } from './calibration.js';
export { calibration } from './calibration.js';
export type { ConcordanceOptions, ConcordanceResult } from './concordance.js';
export { concordance } from './concordance.js';
export type { DecisionCurveOptions, DecisionCurveResult } from './decision-curve.js';
export { decisionCurve } from './decision-curve.js';
export type { TimeDependentAucOptions, TimeDependentAucResult } from './time-dependent-auc.js';
export { timeDependentAuc } from './time-dependent-auc.js';
