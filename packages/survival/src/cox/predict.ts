import type { MissingPolicy, TableLike } from '@tace/core';
import {
  assertInRange,
  completeCases,
  getColumn,
  normalQuantile,
  TaceError,
  toNumericArray,
} from '@tace/core';
import { toFactor } from '../internal/factor.js';
import { estimableCoefficients } from './aliased.js';
import { riskSets } from './counting-process-residuals.js';
import { centeredX } from './cox-data.js';
import type { CoxModel } from './coxph.js';
import { buildDesign, expandCategoricalColumns } from './design.js';
import { cumulative } from './residual-kernels.js';

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
  /** Design rows of the new data minus the centring values (n x p, row-major). */
  centeredX: Float64Array;
}

/**
 * Linear predictor and relative risk for the rows of `table` (the model's covariate columns must be
 * present; categorical levels must be among those seen when fitting). Matches R `predict.coxph` with
 * `newdata` to 1e-10. An aliased (NA) coefficient counts as 0, as R.
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
  const rowsTable = expandCategoricalColumns(table, cols).table;
  const cc = completeCases(rowsTable, cols, options.missing ?? 'error');
  const design = buildDesign(rowsTable, model.terms, cc.rows);
  const { n, p, x } = design;
  const offset =
    model.columns.offset === undefined
      ? new Float64Array(n)
      : toNumericArray(Array.from(cc.rows, (r) => getColumn(rowsTable, model.columns.offset as string)[r]));
  const lp = new Float64Array(n);
  const beta = estimableCoefficients(model);
  for (let i = 0; i < n; i++) {
    // as R: the new rows' own offsets, not centred (unlike the fit's linear predictors)
    let z = model.columns.offset === undefined ? 0 : offset[i];
    for (let c = 0; c < p; c++) z += beta[c] * (x[i * p + c] - model.means[c]);
    lp[i] = z;
  }
  return {
    linearPredictor: lp,
    risk: lp.map(Math.exp),
    rows: cc.rows,
    omitted: cc.omitted,
    centeredX: x.map((v, k) => v - model.means[k % p]),
  };
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
  const rs = riskSets(data, data.eta);
  const cum = cumulative(rs);
  const { n, time } = data;
  // reference subject: covariates at the means and offset at its case-weighted mean (as survfit.coxph)
  let factor = Math.exp(model.offsetWeightedMean - model.offsetMean);
  if (!centered) {
    let s = 0;
    const beta = estimableCoefficients(model);
    for (let c = 0; c < beta.length; c++) s += beta[c] * model.means[c];
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

/** One predicted survival curve, on its stratum's time points. */
export interface CoxSurvivalCurve {
  stratum: string;
  time: Float64Array;
  cumHazard: Float64Array;
  survival: Float64Array;
  /** Standard error of the cumulative hazard (R `survfit.coxph`'s `std.err`). */
  stdErr: Float64Array;
  /** Log-transformed pointwise confidence limits of survival (R's default `conf.type = "log"`). */
  lower: Float64Array;
  upper: Float64Array;
}

/** Predicted survival curves for new rows, one per row. */
export interface CoxSurvivalCurves {
  curves: CoxSurvivalCurve[];
  confLevel: number;
  rows: Int32Array;
  omitted: number;
}

/** Options for {@link coxSurvivalCurves}. */
export interface CoxSurvivalCurvesOptions extends PredictCoxOptions {
  /** Level of the pointwise confidence intervals (R `conf.int`). @default 0.95 */
  confLevel?: number;
}

/**
 * Survival curves S(t | x) = exp(-H0(t) exp(lp)) for new rows, H0 the centred baseline hazard and lp the
 * centred linear predictor, with the standard error of the cumulative hazard (Tsiatis: the baseline term
 * sum dN / (sum r)^2, Efron-adjusted at ties, plus d(t)' V d(t) with d(t) = integral of (x - xbar) dH0)
 * and log confidence limits, as R `survfit(fit, newdata)` (stype 2, survival 3.5; V is the model's
 * variance, robust when the fit is robust). For a stratified model the new table must hold the strata
 * column. Matches R to 1e-9 (surv, std.err, lower, upper; incl. a weighted, offset, robust fit).
 * @throws {TaceError} as {@link predictCox}; an unknown stratum.
 * @example coxSurvivalCurves(fit, { age: [60], sex: [1], 'ph.ecog': [0] }).curves[0].survival
 */
export function coxSurvivalCurves(
  model: CoxModel,
  table: TableLike,
  options: CoxSurvivalCurvesOptions = {},
): CoxSurvivalCurves {
  assertNoTimeTransforms(model, 'coxSurvivalCurves');
  const confLevel = options.confLevel ?? 0.95;
  assertInRange(confLevel, 'confLevel', 0, 1, { lower: true, upper: true });
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const pred = predictCox(model, table, options);
  const data = model.fit;
  const { p, time } = data;
  const rs = riskSets({ ...data, x: centeredX(data, model.means) }, data.eta);
  const cum = cumulative(rs);
  const levels = data.strataLevels;
  const strata = newStrata(model, table, pred.rows);
  const points = curvePoints(model);
  // the fitted risk scores use offsets centred by their mean: put the new offsets on that scale
  const shift = Math.exp(-model.offsetMean);
  const V = model.variance.data;
  const d = new Float64Array(p);
  const curves = Array.from(pred.rows, (_, i) => {
    const own = points.filter((k) => data.strata[k] === strata[i]);
    const m = own.length;
    const curve: CoxSurvivalCurve = {
      stratum: levels[strata[i]],
      time: Float64Array.from(own, (k) => time[k]),
      cumHazard: new Float64Array(m),
      survival: new Float64Array(m),
      stdErr: new Float64Array(m),
      lower: new Float64Array(m),
      upper: new Float64Array(m),
    };
    const risk = pred.risk[i] * shift;
    own.forEach((k, q) => {
      const j = rs.lastEvent[k];
      if (j < 0) {
        curve.survival[q] = 1;
        curve.lower[q] = 1;
        curve.upper[q] = 1;
        return;
      }
      for (let c = 0; c < p; c++) d[c] = pred.centeredX[i * p + c] * cum.hazard[j] - cum.xHazard[j * p + c];
      let quad = 0;
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) quad += d[a] * V[a * p + b] * d[b];
      const h = cum.hazard[j] * risk;
      const se = Math.sqrt((cum.hazardVar[j] + quad) * risk * risk);
      curve.cumHazard[q] = h;
      curve.survival[q] = Math.exp(-h);
      curve.stdErr[q] = se;
      curve.lower[q] = Math.exp(-h - z * se);
      curve.upper[q] = Math.min(1, Math.exp(-h + z * se));
    });
    return curve;
  });
  return { curves, confLevel, rows: pred.rows, omitted: pred.omitted };
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
  assertNoTimeTransforms(model, 'coxSurvivalAt');
  // Only S(t | x) = exp(-H0(t) r) at the requested times: no per-row curves or standard errors (the same
  // operations as coxSurvivalCurves, so the same numbers).
  const pred = predictCox(model, table, options);
  const data = model.fit;
  const rs = riskSets({ ...data, x: centeredX(data, model.means) }, data.eta);
  const cum = cumulative(rs);
  const strata = newStrata(model, table, pred.rows);
  const points = curvePoints(model);
  const shift = Math.exp(-model.offsetMean);
  // baseline cumulative hazard per stratum at each requested time (-1: before the stratum's first point)
  const levels = data.strataLevels.length;
  const perStratum = Array.from({ length: levels }, (_, s) => points.filter((k) => data.strata[k] === s));
  const baseline = times.map((t) =>
    perStratum.map((own) => {
      let lo = 0;
      let hi = own.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (data.time[own[mid]] <= t) lo = mid + 1;
        else hi = mid;
      }
      return lo === 0 ? -1 : rs.lastEvent[own[lo - 1]];
    }),
  );
  return baseline.map((atTime) =>
    Float64Array.from(pred.rows, (_, i) => {
      const j = atTime[strata[i]];
      if (j < 0) return 1;
      return Math.exp(-(cum.hazard[j] * (pred.risk[i] * shift)));
    }),
  );
}

/** Stratum code (of the fit's levels) of each new row; 0 for an unstratified model. */
function newStrata(model: CoxModel, table: TableLike, rows: Int32Array): Int32Array {
  if (model.columns.strata === undefined) return new Int32Array(rows.length);
  const col = getColumn(table, model.columns.strata);
  const strata = toFactor(
    Array.from(rows, (r) => col[r] as string),
    `column '${model.columns.strata}'`,
    model.fit.strataLevels,
  ).codes;
  if (strata.some((s) => s < 0)) {
    throw new TaceError('MISSING_VALUE', `column '${model.columns.strata}' is missing in the new rows`, {
      param: `column '${model.columns.strata}'`,
    });
  }
  return strata;
}

/** The last sorted row of each distinct (stratum, time) of the fit: the predicted curves' time points. */
function curvePoints(model: CoxModel): number[] {
  const { n, time, strata } = model.fit;
  const points: number[] = [];
  for (let k = 0; k < n; k++) {
    if (k === n - 1 || strata[k + 1] !== strata[k] || time[k + 1] !== time[k]) points.push(k);
  }
  return points;
}

/**
 * Survival curves are not defined for a fit with time-transformed covariates, as R's `survfit.coxph` ("can not
 * process coxph models with a tt term"): the covariate's path depends on the curve's own time.
 * @throws {TaceError} `UNSUPPORTED` naming the function.
 */
export function assertNoTimeTransforms(model: CoxModel, fn: string): void {
  if (model.columns.timeTransforms === undefined) return;
  throw new TaceError('UNSUPPORTED', `${fn} is not defined for a model with time-transformed covariates`, {
    param: 'model',
    remedy:
      'give the covariate path explicitly: split follow-up (survSplit), compute the term per row, fit with columns.start and use coxSurvivalPath',
  });
}
