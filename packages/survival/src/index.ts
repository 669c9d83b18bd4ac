/**
 * @tace/survival: patient data as a table and column names (`fn(table, columns, options)`). The array-level
 * kernels of the same names are at `@tace/survival/kernels` (see the README, "Two levels").
 * @module
 */
export type {
  CauseSpecificCoxColumns,
  CauseSpecificCoxOptions,
} from './competing/cause-specific-cox.js';
export { causeSpecificCox } from './competing/cause-specific-cox.js';
export type { StatusInput } from './competing/competing-data.js';
export type {
  CumulativeIncidenceCurve,
  CumulativeIncidenceOptions,
  CumulativeIncidenceResult,
  GrayTest,
} from './competing/cumulative-incidence.js';
export type {
  CumulativeIncidenceColumns,
  CumulativeIncidenceTableOptions,
} from './competing/cumulative-incidence-table.js';
export { cumulativeIncidence } from './competing/cumulative-incidence-table.js';
export type { FineGrayModel, FineGrayOptions } from './competing/fine-gray.js';
export type { FineGrayColumns, FineGrayTableOptions } from './competing/fine-gray-table.js';
export { fineGray } from './competing/fine-gray-table.js';
export type { SingularPolicy } from './cox/aliased.js';
export type { CalibrateCoxOptions, CalibrateCoxResult } from './cox/calibrate-cox.js';
export { calibrateCox } from './cox/calibrate-cox.js';
export type { CoxZphOptions, CoxZphResult } from './cox/cox-zph.js';
export { coxZph } from './cox/cox-zph.js';
export type { ChiSquareTest, CoxColumns, CoxModel, CoxphOptions } from './cox/coxph.js';
export { coxph } from './cox/coxph.js';
export type { CoxTerm } from './cox/design.js';
export type {
  BaselineHazard,
  CoxPrediction,
  CoxSurvivalCurve,
  CoxSurvivalCurves,
  CoxSurvivalCurvesOptions,
  PredictCoxOptions,
} from './cox/predict.js';
export { baselineHazard, coxSurvivalAt, coxSurvivalCurves, predictCox } from './cox/predict.js';
export type { CoxPathCurve, CoxSurvivalPathOptions, CoxSurvivalPaths } from './cox/predict-path.js';
export { coxSurvivalPath } from './cox/predict-path.js';
export type { CoxResiduals, CoxResidualType } from './cox/residuals.js';
export { coxResiduals } from './cox/residuals.js';
export type { SurvSplitColumns, SurvSplitOptions } from './cox/surv-split.js';
export { survSplit } from './cox/surv-split.js';
export type { TimeTransform } from './cox/time-transform.js';
export type { MaxstatOptions, MaxstatResult } from './cutpoints/maxstat-cutpoint.js';
export type { MaxstatColumns } from './cutpoints/maxstat-cutpoint-table.js';
export { maxstatCutpoint } from './cutpoints/maxstat-cutpoint-table.js';
export type { ApplyCutpointsOptions } from './cutpoints/quantile-cutpoint.js';
export type {
  ApplyCutpointsTableOptions,
  MarkerColumns,
  QuantileCutpointsOptions,
} from './cutpoints/quantile-cutpoint-table.js';
export { applyCutpoints, quantileCutpoints } from './cutpoints/quantile-cutpoint-table.js';
export type { ApplyCombatOptions, CombatModel, CombatOptions, CombatResult } from './features/combat.js';
export type { CombatColumns } from './features/combat-table.js';
export { combat } from './features/combat-table.js';
export type { CorrelationFilterOptions, CorrelationFilterResult } from './features/correlation-filter.js';
export type { FeatureColumns } from './features/feature-filters-table.js';
export { correlationFilter, mrmr } from './features/feature-filters-table.js';
export type { IccAgreement, IccOptions, IccResult, IccType } from './features/icc.js';
export type { IccColumns } from './features/icc-table.js';
export { icc } from './features/icc-table.js';
export type { MrmrOptions, MrmrResult } from './features/mrmr.js';
export type { Signature, SignatureOptions } from './features/signature.js';
export { applySignature, signatureFromCoxnet } from './features/signature.js';
export type { CorrelationMethod } from './features/standardized-columns.js';
export type { UnivariateCoxResult } from './features/univariate-cox.js';
export type { UnivariateCoxColumns } from './features/univariate-cox-table.js';
export { univariateCox } from './features/univariate-cox-table.js';
export type { ZScoreModel, ZScoreOptions } from './features/z-score.js';
export type {
  BrierScoreOptions,
  BrierScoreResult,
  IntegratedBrierScoreOptions,
  IntegratedBrierScoreResult,
} from './metrics/brier-score.js';
export type {
  BrierScoreInferenceOptions,
  BrierScoreInferenceResult,
  IntegratedBrierInference,
} from './metrics/brier-score-inference.js';
export type { BrierScoreColumns } from './metrics/brier-score-table.js';
export { brierScore, integratedBrierScore } from './metrics/brier-score-table.js';
export type { CalibrationOptions, CalibrationResult } from './metrics/calibration.js';
export type { RiskColumns } from './metrics/calibration-table.js';
export { calibration } from './metrics/calibration-table.js';
export type { CompareTimeDependentAucResult } from './metrics/compare-time-dependent-auc.js';
export type { ConcordanceOptions, ConcordanceResult } from './metrics/concordance.js';
export type { ConcordanceColumns, ConcordanceTableOptions } from './metrics/concordance-table.js';
export { concordance } from './metrics/concordance-table.js';
export type { DecisionCurveOptions, DecisionCurveResult } from './metrics/decision-curve.js';
export { decisionCurve } from './metrics/decision-curve-table.js';
export type { CompareTimeDependentAucColumns } from './metrics/metric-inference-table.js';
export {
  brierScoreInference,
  compareTimeDependentAuc,
  timeDependentAucInference,
} from './metrics/metric-inference-table.js';
export type { TimeDependentAucOptions, TimeDependentAucResult } from './metrics/time-dependent-auc.js';
export type {
  TimeDependentAucInferenceOptions,
  TimeDependentAucInferenceResult,
} from './metrics/time-dependent-auc-inference.js';
export type { TimeDependentAucColumns } from './metrics/time-dependent-auc-table.js';
export { timeDependentAuc } from './metrics/time-dependent-auc-table.js';
export type {
  BackwardSelectionOptions,
  BackwardSelectionResult,
  SelectionStep,
} from './models/backward-selection.js';
export { backwardSelection, coxAic, termWaldPValue } from './models/backward-selection.js';
export type { LateFusionColumns, ScoreModel } from './models/late-fusion.js';
export { lateFusion, scoreModelFromCox } from './models/late-fusion.js';
export type { Nomogram, NomogramAxis, NomogramOptions } from './models/nomogram.js';
export { nomogram } from './models/nomogram.js';
export type { ConfType } from './nonparametric/confidence-interval.js';
export type {
  KaplanMeierCurve,
  KaplanMeierOptions,
  KaplanMeierResult,
  SurvivalAtTimes,
  SurvivalQuantiles,
} from './nonparametric/kaplan-meier.js';
export type { KaplanMeierColumns, KaplanMeierTableOptions } from './nonparametric/kaplan-meier-table.js';
export { kaplanMeier } from './nonparametric/kaplan-meier-table.js';
export type { LogRankOptions, LogRankResult } from './nonparametric/log-rank.js';
export type { LogRankColumns, LogRankTableOptions } from './nonparametric/log-rank-table.js';
export { logRank } from './nonparametric/log-rank-table.js';
export type { CoxnetFit, CoxnetOptions } from './penalized/coxnet.js';
export type {
  CoxnetColumns,
  CoxnetPrediction,
  PredictCoxnetOptions,
  TableMissing,
} from './penalized/coxnet-table.js';
export { coxnet, cvCoxnet, predictCoxnet } from './penalized/coxnet-table.js';
export type { CvCoxnetOptions, CvCoxnetResult } from './penalized/cv-coxnet.js';
export type { DesignFromTable, DesignFromTableOptions } from './penalized/design-from-table.js';
export { designFromTable } from './penalized/design-from-table.js';
export type { DesignMatrix } from './penalized/design-matrix.js';
export { coxnetCoefficients } from './penalized/predict-coxnet.js';
export type { RmstContrast, RmstGroup, RmstOptions, RmstResult } from './rmst/rmst.js';
export type { RmstColumns, RmstTableOptions } from './rmst/rmst-table.js';
export { rmst } from './rmst/rmst-table.js';
export type { AlbiOptions } from './scores/albi.js';
export { albi, albiScore } from './scores/albi.js';
export { art, artScore } from './scores/art.js';
export type { BclcOptions } from './scores/bclc.js';
export { bclc, bclcScore } from './scores/bclc.js';
export { childPugh, childPughClassOf, childPughScore } from './scores/child-pugh.js';
export { clip, clipScore, okuda, okudaScore } from './scores/clip.js';
export { hap, hapScore, mhap2, mhap2Score } from './scores/hap.js';
export type { LinearScoreDefinition, LinearScoreTerm } from './scores/linear-score.js';
export { linearScore } from './scores/linear-score.js';
export type { ScoreTableOptions, ScoreTableResult } from './scores/score-table.js';
export { scoreTable } from './scores/score-table.js';
export type { TumorBurdenOptions } from './scores/tumor-burden.js';
export {
  sixAndTwelve,
  sixAndTwelveScore,
  tumorBurdenScore,
  tumorBurdenScoreDefinition,
  upToSeven,
  upToSevenScore,
} from './scores/tumor-burden.js';
export type { ClinicalScore, PatientFields, ScoreOptions, ScoreResult, ScoreUnits } from './scores/types.js';
export type {
  CompareStudyModelsOptions,
  StudyClinicalScore,
  StudyCohort,
  StudyComparison,
} from './study/compare-study-models.js';
export { compareStudyModels } from './study/compare-study-models.js';
export type { HarmonizeOptions } from './study/harmonize.js';
export { harmonizeCohorts } from './study/harmonize.js';
export type {
  BuildSignatureColumns,
  BuildSignatureOptions,
  SignaturePipelineResult,
} from './study/signature-pipeline.js';
export { buildSignature, scoreRows } from './study/signature-pipeline.js';
export type {
  BootstrapConcordanceOptions,
  BootstrapConcordanceResult,
} from './validation/bootstrap-concordance.js';
export type { CompareConcordanceResult } from './validation/compare-concordance.js';
export type { CoxCohortPredictions } from './validation/predicted-survival.js';
export { predictCoxCohort } from './validation/predicted-survival.js';
export type { TimeDependentRocCurve } from './validation/time-dependent-roc.js';
export type {
  RiskGroupResult,
  ValidateModelsOptions,
  ValidationCohort,
  ValidationModel,
  ValidationResult,
  ValidationRow,
} from './validation/validate-models.js';
export { validateModels } from './validation/validate-models.js';
export type {
  BootstrapConcordanceColumns,
  CompareConcordanceColumns,
  TimeDependentRocColumns,
  TimeDependentRocOptions,
  ValidationMissing,
} from './validation/validation-table.js';
export { bootstrapConcordance, compareConcordance, timeDependentRoc } from './validation/validation-table.js';
