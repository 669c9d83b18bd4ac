export type { BootstrapConcordanceOptions, BootstrapConcordanceResult } from './bootstrap-concordance.js';
export { bootstrapConcordance } from './bootstrap-concordance.js';
export type { CompareConcordanceResult } from './compare-concordance.js';
export { compareConcordance } from './compare-concordance.js';
export type { CoxCohortPredictions } from './predicted-survival.js';
export { predictCoxCohort } from './predicted-survival.js';
export type { TimeDependentRocCurve } from './time-dependent-roc.js';
export { timeDependentRoc } from './time-dependent-roc.js';
export type {
  RiskGroupResult,
  ValidateModelsOptions,
  ValidationCohort,
  ValidationModel,
  ValidationResult,
  ValidationRow,
} from './validate-models.js';
export { validateModels } from './validate-models.js';
