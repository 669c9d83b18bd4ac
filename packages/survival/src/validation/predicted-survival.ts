import type { TableLike } from '@tace/core';
import type { CoxModel } from '../cox/coxph.js';
import { baselineHazard, predictCox } from '../cox/predict.js';

/** A Cox model's predictions on a cohort: linear predictor and survival at chosen times. */
export interface CoxCohortPredictions {
  /** Rows of the cohort table with complete covariates. */
  rows: Int32Array;
  /** Centred linear predictor per used row (higher = higher risk). */
  linearPredictor: Float64Array;
  /** Survival S(t | x) = exp(-H0(t) exp(lp)) per time (outer) and used row (inner). */
  survival: Float64Array[];
  times: number[];
  omitted: number;
}

/**
 * Linear predictor and survival probabilities of a (non-stratified) Cox model for the rows of a cohort,
 * with the Breslow/Efron baseline at the training means (as R `survfit(fit, newdata)`).
 */
export function predictCoxCohort(
  model: CoxModel,
  table: TableLike,
  times: readonly number[],
): CoxCohortPredictions {
  const prediction = predictCox(model, table, { missing: 'omit' });
  const base = baselineHazard(model, true);
  const survival = times.map((t) => {
    let h = 0;
    for (let i = 0; i < base.time.length && base.time[i] <= t; i++) h = base.cumHazard[i];
    return Float64Array.from(prediction.linearPredictor, (lp) => Math.exp(-h * Math.exp(lp)));
  });
  return {
    rows: prediction.rows,
    linearPredictor: prediction.linearPredictor,
    survival,
    times: [...times],
    omitted: prediction.omitted,
  };
}
