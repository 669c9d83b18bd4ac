import type { ColumnTable, DenseMatrix, MissingPolicy } from '@tace/core';
import {
  assertInRange,
  assertInteger,
  denseMatrix,
  normalQuantile,
  normalSurvival,
  symmetricInverse,
  TaceError,
} from '@tace/core';
import type { GroupInput } from '../internal/factor.js';
import { toFactor } from '../internal/factor.js';
import type { DesignInput } from '../penalized/design-matrix.js';
import { toDesignMatrix } from '../penalized/design-matrix.js';
import type { StatusInput } from './competing-data.js';
import { toCompetingData } from './competing-data.js';
import { fineGrayData } from './fine-gray-data.js';
import { fineGrayNewton, fineGrayObjective } from './fine-gray-fit.js';
import { fineGrayScoreVariance } from './fine-gray-variance.js';

/** Options for {@link fineGray}. */
export interface FineGrayOptions {
  /** The status value of the failure of interest, as `crr(failcode)`. @default 1 */
  failCode?: string | number;
  /** The status value meaning censored, as `crr(cencode)`. @default 0 */
  censorCode?: string | number;
  /** Groups with their own censoring distribution, as `crr(cengroup)`. @default undefined (one) */
  censorGroup?: GroupInput;
  /** Gradient tolerance of the convergence rule, as `crr(gtol)`. @default 1e-6 */
  gtol?: number;
  /** Maximum Newton iterations, as `crr(maxiter)`. @default 10 */
  maxIter?: number;
  /** Confidence level of the hazard-ratio intervals. @default 0.95 */
  confLevel?: number;
  /** Missing-value policy for time, status, covariates and censorGroup. @default 'error' */
  missing?: MissingPolicy;
}

/** A fitted Fine-Gray subdistribution hazards model. */
export interface FineGrayModel {
  terms: string[];
  coefficients: Float64Array;
  /** Subdistribution hazard ratios exp(coef) with their limits. */
  hazardRatio: Float64Array;
  /** Robust (sandwich) standard errors, as `sqrt(diag(crr(...)$var))`. */
  stdErr: Float64Array;
  z: Float64Array;
  pValue: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** Sandwich variance (p x p), as `crr$var`. */
  variance: DenseMatrix;
  /** Inverse information (p x p), as `crr$invinf`. */
  naiveVariance: DenseMatrix;
  /** Log pseudo-partial-likelihood at the estimate and at 0, as `crr$loglik` and `loglik.null`. */
  logLik: number;
  logLikNull: number;
  converged: boolean;
  iterations: number;
  failCode: string;
  n: number;
  /** Failures of interest, competing failures and censored subjects. */
  events: { failure: number; competing: number; censored: number };
  omitted: number;
  /** One row per term: term, coef, hazardRatio, se, z, pValue, lower, upper. */
  toTable(): ColumnTable;
}

/**
 * Fine & Gray (1999) proportional subdistribution hazards regression for the failure `failCode` in the
 * presence of competing failures: a Cox-type model whose risk sets keep subjects with a competing failure,
 * weighted by the censoring Kaplan-Meier G(t-) / G(T_j-); Newton-Raphson with backtracking; the sandwich
 * variance accounts for estimating G.
 *
 * Matches R `cmprsk::crr(ftime, fstatus, cov1, failcode, cencode, cengroup)` (cmprsk 2.2-11; fixed covariates,
 * no `cov2`/`tf`) at 1e-8: coefficients, `var`, `loglik`, `loglik.null`, convergence, on simulated data.
 *
 * @param x - n x p covariates (rows, or a `DesignMatrix` with `columnNames`).
 * @throws {TaceError} invalid times, mismatched lengths, missing values, no failure of interest, a singular
 * information matrix.
 * @example fineGray(time, status, rows, { failCode: 1 }).hazardRatio
 */
export function fineGray(
  time: ArrayLike<number | null | undefined>,
  status: StatusInput,
  x: DesignInput,
  options: FineGrayOptions = {},
): FineGrayModel {
  const gtol = options.gtol ?? 1e-6;
  const maxIter = options.maxIter ?? 10;
  const confLevel = options.confLevel ?? 0.95;
  assertInRange(gtol, 'gtol', 0, Number.POSITIVE_INFINITY, { lower: true });
  assertInteger(maxIter, 'maxIter', 0);
  assertInRange(confLevel, 'confLevel', 0, 1, { lower: true, upper: true });
  const design = toDesignMatrix(x, 'x');
  const n0 = time.length;
  if (design.rows !== n0) {
    throw new TaceError('LENGTH_MISMATCH', `x has ${design.rows} rows but time has ${n0}`, {
      param: 'x',
      remedy: 'pass one covariate row per subject',
    });
  }
  const p = design.columns;
  const covariateColumns: [string, ArrayLike<unknown>][] = [];
  for (let j = 0; j < p; j++)
    covariateColumns.push([
      design.columnNames?.[j] ?? `x${j + 1}`,
      design.data.subarray(j * n0, (j + 1) * n0),
    ]);
  if (options.censorGroup !== undefined) covariateColumns.push(['censorGroup', options.censorGroup]);
  const data = toCompetingData(time, status, options.censorCode ?? 0, options.missing, covariateColumns);
  const failLevel = data.causes.indexOf(String(options.failCode ?? 1));
  if (failLevel < 0) {
    throw new TaceError('EMPTY_INPUT', `status has no failure coded ${options.failCode ?? 1}`, {
      param: 'failCode',
      remedy: `choose failCode among the failure codes present: ${data.causes.join(', ')}`,
    });
  }
  const n = data.time.length;
  const kind = Uint8Array.from(data.cause, (c) => (c === 0 ? 0 : c === failLevel + 1 ? 1 : 2));
  const xs = new Float64Array(n * p);
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) xs[i + j * n] = design.data[data.rows[i] + j * n0];
  const cg =
    options.censorGroup === undefined
      ? { codes: new Int32Array(n), levels: ['1'] }
      : toFactor(options.censorGroup, 'censorGroup', undefined, data.rows);
  const d = fineGrayData(data.time, kind, cg.codes, cg.levels.length, xs, p);
  const fit = fineGrayNewton(d, new Float64Array(p), gtol, maxIter);
  const invInf = symmetricInverse(denseMatrix(p, p, fit.objective.hessian));
  const middle = fineGrayScoreVariance(d, fit.beta);
  const variance = sandwich(invInf.data, middle, p);
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const terms = Array.from({ length: p }, (_, j) => design.columnNames?.[j] ?? `x${j + 1}`);
  const se = Float64Array.from(terms, (_, j) => Math.sqrt(variance[j + j * p]));
  const coef = fit.beta;
  const events = { failure: 0, competing: 0, censored: 0 };
  for (const k of kind) {
    if (k === 1) events.failure++;
    else if (k === 2) events.competing++;
    else events.censored++;
  }
  const model: FineGrayModel = {
    terms,
    coefficients: coef,
    hazardRatio: coef.map(Math.exp),
    stdErr: se,
    z: coef.map((b, j) => b / se[j]),
    pValue: coef.map((b, j) => 2 * normalSurvival(Math.abs(b / se[j]))),
    lower: coef.map((b, j) => Math.exp(b - z * se[j])),
    upper: coef.map((b, j) => Math.exp(b + z * se[j])),
    variance: denseMatrix(p, p, variance),
    naiveVariance: invInf,
    logLik: -fit.objective.value,
    logLikNull: -fineGrayObjective(d, new Float64Array(p), false).value,
    converged: fit.converged,
    iterations: fit.iterations,
    failCode: data.causes[failLevel],
    n,
    events,
    omitted: data.omitted,
    toTable: () => ({
      term: [...terms],
      coef: Array.from(coef),
      hazardRatio: Array.from(model.hazardRatio),
      se: Array.from(se),
      z: Array.from(model.z),
      pValue: Array.from(model.pValue),
      lower: Array.from(model.lower),
      upper: Array.from(model.upper),
    }),
  };
  return model;
}

/** H^-1 M H^-1 for symmetric H^-1 and M (p x p, column-major). */
function sandwich(hInv: Float64Array, middle: Float64Array, p: number): Float64Array {
  const tmp = new Float64Array(p * p);
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += hInv[i + k * p] * middle[k + j * p];
      tmp[i + j * p] = s;
    }
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += tmp[i + k * p] * hInv[k + j * p];
      out[i + j * p] = s;
    }
  return out;
}
