import type { MissingPolicy, TableLike } from '@tace/core';
import { completeCases, getColumn, TaceError, toNumericArray } from '@tace/core';
import { toFactor } from '../internal/factor.js';
import type { CoxModel } from './coxph.js';
import { buildDesign } from './design.js';
import { cumulative } from './residual-kernels.js';
import { riskSetSummary } from './risk-sets.js';

/** Options for {@link predictCox}. */
export interface PredictCoxOptions {
  /** Missing-value policy for the covariate (and offset) columns of the new table. @default 'error' */
  missing?: MissingPolicy;
}

/** Predictions for new rows: linear predictor centred as R, and relative risk exp(lp). */
export interface CoxPrediction {
  /** (x - means)'beta + offset, as R `predict(fit, newdata, type = "lp")`. */
  linearPredictor: Float64Array;
  /** exp(linearPredictor), as R `predict(..., type = "risk")`. */
  risk: Float64Array;
  /** Rows of the new table used. */
  rows: Int32Array;
  omitted: number;
}

/**
 * Linear predictor and relative risk for the rows of `table` (the model's covariate columns must be
 * present; categorical levels must be among those seen when fitting). Matches R `predict.coxph` with
 * `newdata` to 1e-10.
 * @throws {TaceError} missing column, unseen category, missing values (policy 'error').
 * @example predictCox(fit, { age: [60, 70], sex: [1, 2], 'ph.ecog': [0, 2] }).risk
 */
export function predictCox(
  model: CoxModel,
  table: TableLike,
  options: PredictCoxOptions = {},
): CoxPrediction {
  const cols = model.terms.map((t) => t.name);
  if (model.columns.offset !== undefined) cols.push(model.columns.offset);
  const cc = completeCases(table, cols, options.missing ?? 'error');
  const design = buildDesign(table, model.terms, cc.rows);
  const { n, p, x } = design;
  const offset =
    model.columns.offset === undefined
      ? new Float64Array(n)
      : toNumericArray(Array.from(cc.rows, (r) => getColumn(table, model.columns.offset as string)[r]));
  const lp = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = model.columns.offset === undefined ? 0 : offset[i] - model.offsetMean;
    for (let c = 0; c < p; c++) z += model.coefficients[c] * (x[i * p + c] - model.means[c]);
    lp[i] = z;
  }
  return { linearPredictor: lp, risk: lp.map(Math.exp), rows: cc.rows, omitted: cc.omitted };
}

/** Baseline cumulative hazard of a Cox model per stratum (R `basehaz`). */
export interface BaselineHazard {
  /** Stratum label per row (`'all'` without strata). */
  strata: string[];
  /** Every distinct follow-up time of the stratum (censored times included), ascending. */
  time: Float64Array;
  /** Cumulative hazard at `time` for a subject at the centring values (or at x = 0 if not centred). */
  cumHazard: Float64Array;
}

/**
 * Baseline cumulative hazard with the Breslow estimator (Efron-adjusted increments for Efron fits), as
 * R `basehaz(fit, centered)` / `survfit.coxph` (survival 3.5, ctype 1 for Breslow and 2 for Efron ties).
 * @param centered - at the covariate means (R default) or at x = 0. @default true
 * @example baselineHazard(fit).cumHazard
 */
export function baselineHazard(model: CoxModel, centered = true): BaselineHazard {
  const data = model.fit;
  const rs = riskSetSummary(data, data.eta);
  const cum = cumulative(rs);
  const { n, time } = data;
  // reference subject: covariates at the means and offset at its case-weighted mean (as survfit.coxph)
  let factor = Math.exp(model.offsetWeightedMean - model.offsetMean);
  if (!centered) {
    let s = 0;
    for (let c = 0; c < model.coefficients.length; c++) s += model.coefficients[c] * model.means[c];
    factor *= Math.exp(-s);
  }
  const strata: string[] = [];
  const t: number[] = [];
  const h: number[] = [];
  for (let k = 0; k < n; k++) {
    const last = k === n - 1 || data.strata[k + 1] !== data.strata[k] || time[k + 1] !== time[k];
    if (!last) continue;
    const j = rs.lastEvent[k];
    strata.push(data.strataLevels[data.strata[k]]);
    t.push(time[k]);
    h.push(j >= 0 ? cum.hazard[j] * factor : 0);
  }
  return { strata, time: Float64Array.from(t), cumHazard: Float64Array.from(h) };
}

/** Predicted survival curves for new rows, one per row. */
export interface CoxSurvivalCurves {
  /** One curve per new row (on its stratum's time points). */
  curves: { stratum: string; time: Float64Array; cumHazard: Float64Array; survival: Float64Array }[];
  rows: Int32Array;
  omitted: number;
}

/**
 * Survival curves S(t | x) = exp(-H0(t) exp(lp)) for new rows, H0 the centred baseline hazard and lp the
 * centred linear predictor, as R `survfit(fit, newdata)$surv` (stype 2). For a stratified model the new
 * table must hold the strata column.
 * @throws {TaceError} as {@link predictCox}; an unknown stratum.
 * @example coxSurvivalCurves(fit, { age: [60], sex: [1], 'ph.ecog': [0] }).curves[0].survival
 */
export function coxSurvivalCurves(
  model: CoxModel,
  table: TableLike,
  options: PredictCoxOptions = {},
): CoxSurvivalCurves {
  const pred = predictCox(model, table, options);
  const base = baselineHazard(model, true);
  const levels = model.fit.strataLevels;
  let strata = new Int32Array(pred.rows.length) as Int32Array;
  if (model.columns.strata !== undefined) {
    const col = getColumn(table, model.columns.strata);
    strata = toFactor(
      Array.from(pred.rows, (r) => col[r] as string),
      `column '${model.columns.strata}'`,
      levels,
    ).codes;
    if (strata.some((s) => s < 0)) {
      throw new TaceError('MISSING_VALUE', `column '${model.columns.strata}' is missing in the new rows`, {
        param: `column '${model.columns.strata}'`,
      });
    }
  }
  const curves = Array.from(pred.rows, (_, i) => {
    const label = levels[strata[i]];
    const idx: number[] = [];
    base.strata.forEach((s, k) => {
      if (s === label) idx.push(k);
    });
    const time = Float64Array.from(idx, (k) => base.time[k]);
    const shift = Math.exp(model.offsetMean - model.offsetWeightedMean);
    const cumHazard = Float64Array.from(idx, (k) => base.cumHazard[k] * pred.risk[i] * shift);
    return { stratum: label, time, cumHazard, survival: cumHazard.map((v) => Math.exp(-v)) };
  });
  return { curves, rows: pred.rows, omitted: pred.omitted };
}

/**
 * Predicted survival probabilities S(t | x) of the rows of `table` at each of `times` (one array per time,
 * ready for `brierScore`, `timeDependentAuc` (as 1 - S), `calibration` and `decisionCurve`), as R
 * `summary(survfit(fit, newdata), times)$surv`. Stratified models need the strata column in `table`.
 * @throws {TaceError} as {@link predictCox}.
 * @example coxSurvivalAt(fit, validationTable, [365, 730])
 */
export function coxSurvivalAt(
  model: CoxModel,
  table: TableLike,
  times: readonly number[],
  options: PredictCoxOptions = {},
): Float64Array[] {
  const { curves } = coxSurvivalCurves(model, table, options);
  return times.map((t) =>
    Float64Array.from(curves, (c) => {
      let lo = 0;
      let hi = c.time.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (c.time[mid] <= t) lo = mid + 1;
        else hi = mid;
      }
      return lo === 0 ? 1 : c.survival[lo - 1];
    }),
  );
}
