export type { CalibrateCoxOptions, CalibrateCoxResult } from './calibrate-cox.js';
export { calibrateCox } from './calibrate-cox.js';
export type { CoxFitData } from './cox-data.js';
export type { CoxZphOptions, CoxZphResult } from './cox-zph.js';
export { coxZph } from './cox-zph.js';
export type { ChiSquareTest, CoxModel, CoxphOptions } from './coxph.js';
export { coxph } from './coxph.js';
export type { CoxTerm } from './design.js';
export type {
  BaselineHazard,
  CoxPrediction,
  CoxSurvivalCurve,
  CoxSurvivalCurves,
  CoxSurvivalCurvesOptions,
  PredictCoxOptions,
} from './predict.js';
export { baselineHazard, coxSurvivalAt, coxSurvivalCurves, predictCox } from './predict.js';
export type { CoxResiduals, CoxResidualType } from './residuals.js';
export { coxResiduals } from './residuals.js';
