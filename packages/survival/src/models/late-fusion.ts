import type { TableLike } from '@tace/core';
import { type CoxColumns, type CoxModel, type CoxphOptions, coxph } from '../cox/coxph.js';
import { predictCox } from '../cox/predict.js';

/** A fitted score model: a Cox model on named inputs that scores new cohorts. */
export interface ScoreModel {
  /** `'late-fusion'`, `'crm'`, ... */
  kind: string;
  /** Input columns, in order. */
  inputs: string[];
  /** Coefficient per design column (R-style names, e.g. `bclcC` for a categorical level). */
  coefficients: Record<string, number>;
  /** The underlying Cox fit (training cohort). */
  cox: CoxModel;
  /**
   * Linear predictor for every row of `table`, centred at the training means as R's
   * `predict(fit, newdata, type = "lp")`. Rows with a missing input get NaN (counted in `omitted`).
   */
  predict(table: TableLike): { score: Float64Array; omitted: number };
}

/** Wraps a Cox fit as a {@link ScoreModel}. */
export function scoreModelFromCox(kind: string, inputs: string[], cox: CoxModel): ScoreModel {
  const coefficients: Record<string, number> = {};
  cox.names.forEach((name, i) => {
    coefficients[name] = cox.coefficients[i];
  });
  return {
    kind,
    inputs,
    coefficients,
    cox,
    predict(table) {
      const prediction = predictCox(cox, table, { missing: 'omit' });
      const n = prediction.rows.length + prediction.omitted;
      const score = new Float64Array(n).fill(Number.NaN);
      prediction.rows.forEach((row, i) => {
        score[row] = prediction.linearPredictor[i];
      });
      return { score, omitted: prediction.omitted };
    },
  };
}

/** Columns of {@link lateFusion}: the outcome, the per-arm scores, and the Cox extras (strata, weights, ...). */
export interface LateFusionColumns extends Omit<CoxColumns, 'covariates' | 'categorical'> {
  /** The per-arm score columns to fuse, e.g. `['radScore', 'dlScore']`. */
  scores: readonly string[];
}

/**
 * Late fusion: a Cox model on the per-arm scores (e.g. rad-score and DL score), fitted on the training
 * cohort; its linear predictor is the fused score. Equals R `coxph(Surv(time, event) ~ radScore + dlScore)`
 * (Efron ties by default) to 1e-6.
 * @throws {TaceError} as {@link coxph}.
 * @example
 * ```ts
 * const fusion = lateFusion(train, { time: 'os', event: 'death', scores: ['radScore', 'dlScore'] });
 * const external = fusion.predict(externalCohort).score;
 * ```
 */
export function lateFusion(
  table: TableLike,
  columns: LateFusionColumns,
  options: CoxphOptions = {},
): ScoreModel {
  const { scores, ...rest } = columns;
  return scoreModelFromCox(
    'late-fusion',
    [...scores],
    coxph(table, { ...rest, covariates: scores }, options),
  );
}
