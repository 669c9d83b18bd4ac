import type { ColumnTable, DenseMatrix, MissingPolicy, TableLike } from '@tace/core';
import {
  assertInRange,
  assertOneOf,
  chiSquareSurvival,
  completeCases,
  denseMatrix,
  getColumn,
  isTaceError,
  normalQuantile,
  normalSurvival,
  TaceError,
  takeRows,
} from '@tace/core';
import type { GroupInput } from '../internal/factor.js';
import { toFactor } from '../internal/factor.js';
import { gatherEvent, gatherNumeric } from '../internal/gather.js';
import { orderByTime } from '../internal/order.js';
import { toSurvivalData } from '../internal/survival-data.js';
import { timeFixOrdered } from '../internal/time-fix.js';
import type { ConcordanceResult } from '../metrics/concordance.js';
import { concordanceKernel } from '../metrics/concordance.js';
import type { SingularPolicy } from './aliased.js';
import { aliasedColumns, aliasedWarning, assertNoAliased, subMatrix } from './aliased.js';
import { countingConcordance, readStart } from './counting-process-input.js';
import type { CoxFitData } from './cox-data.js';
import { TOLER_CHOL } from './cox-data.js';
import type { CoxDesignColumns, CoxTerm } from './design.js';
import {
  assertNoConstantColumn,
  buildDesignColumns,
  describeTerms,
  expandCategoricalColumns,
  toRowMajor,
} from './design.js';
import { addLinearCombination } from './linear-combination.js';
import { fitCox } from './newton-raphson.js';
import { robustVariance } from './robust-variance.js';
import { solveLdl } from './solve-ldl.js';
import type { TimeTransform } from './time-transform.js';
import { coxphWithTimeTransforms } from './time-transform.js';

/** Columns of {@link coxph}: the formula `Surv(time, event) ~ covariates + strata(s)` and its extras. */
export interface CoxColumns {
  /** Follow-up time column (>= 0); the stop time with `start`. */
  time: string;
  /**
   * Start column of counting-process (start, stop] data, as R `Surv(start, stop, event)`: time-varying
   * covariates, repeated events, delayed entry. @default undefined (right-censored data)
   */
  start?: string;
  /**
   * Time-transformed covariates, as R `coxph(... + tt(x), tt = function(x, t, ...) ...)`: each key is a name
   * listed in `covariates`, its value the column and the function of (x, t) evaluated at every event time.
   * @default undefined
   */
  timeTransforms?: Readonly<Record<string, TimeTransform>>;
  /** Event column: 1/true = event, 0/false = censored. */
  event: string;
  /** Covariate columns (the right-hand side of the formula). String columns become factors. */
  covariates: readonly string[];
  /** Columns to treat as categorical even if numeric (R `factor(x)`). @default [] */
  categorical?: readonly string[];
  /** Stratum column: separate baseline hazards (R `strata(s)`). @default undefined */
  strata?: string;
  /** Case-weight column, > 0 (R `weights`). @default undefined (all 1) */
  weights?: string;
  /** Offset column added to the linear predictor (R `offset(o)`). @default undefined */
  offset?: string;
  /** Cluster column: robust variance summing score residuals within clusters (R `cluster`). @default undefined */
  cluster?: string;
  /**
   * Level order per factor column (R `factor(x, levels = ...)`); the first is the reference. A column given
   * as core's `categoricalColumn` (`{ codes, levels }`) keeps its own order. @default sorted as R's `factor()`
   */
  levels?: Readonly<Record<string, readonly string[]>>;
  /** Reference level per factor column (R `relevel(x, ref)`): moved first, the others keep their order. @default the first level */
  reference?: Readonly<Record<string, string>>;
}

/** Fitting choices of {@link coxph} (R `coxph` arguments in brackets). */
export interface CoxphOptions {
  /** Tie handling (R `ties`). @default 'efron' */
  ties?: 'efron' | 'breslow';
  /**
   * Robust (sandwich) variance (R `robust`). Left unset it follows R's `coxph` (survival 3.5): true when a
   * `cluster` column is given or any case weight is not an integer (weights that are not frequency counts),
   * else false. `false` with a `cluster` column gives the model-based variance (R warns that the cluster is
   * ignored; so does `warnings`).
   * @default cluster !== undefined || weights not all integers
   */
  robust?: boolean;
  /** Level of the hazard-ratio confidence intervals (R `summary(fit, conf.int)`). @default 0.95 */
  confLevel?: number;
  /** Convergence tolerance on the relative log-likelihood change (R `coxph.control(eps)`). @default 1e-9 */
  eps?: number;
  /** Maximum Newton-Raphson iterations (R `iter.max`). @default 20 */
  maxIter?: number;
  /** Missing-value policy over every column used (R's default is na.omit: pass `'omit'`). @default 'error' */
  missing?: MissingPolicy;
  /**
   * Merge times that differ only by floating-point noise, as R's `coxph.control(timefix = TRUE)`.
   * @default true
   */
  timeFix?: boolean;
  /**
   * A covariate that cannot be estimated (aliased with the others, e.g. `2 * age + 3` beside `age`, or constant
   * among the rows used, e.g. a factor level with no complete case): `'NA'` reports its coefficient as NaN
   * (R's NA) with a zero row and column in the variance, fits the rest as without it and adds a warning;
   * `'error'` throws. Mirrors R's `singular.ok` (TRUE = `'NA'`).
   * @default 'NA'
   */
  singular?: SingularPolicy;
}

/** A test statistic with its degrees of freedom and p-value. */
export interface ChiSquareTest {
  statistic: number;
  df: number;
  pValue: number;
}

/** A fitted Cox proportional-hazards model. Arrays are per design column (`names`). */
export interface CoxModel {
  /** Design-column names, R style (`sex`, `celltypelarge`). */
  names: string[];
  terms: CoxTerm[];
  /** Coefficients; NaN (R's NA) for an aliased or constant column (see `aliased`). */
  coefficients: Float64Array;
  /**
   * Per design column: true when it could not be estimated (aliased with earlier columns or constant among
   * the rows used), R's `is.na(coef(fit))`. Its coefficient, hazard ratio, z, p and limits are NaN, its
   * standard error 0 and its variance row and column 0, as R's `summary(fit)` and `fit$var`.
   */
  aliased: boolean[];
  /** Standard errors (robust when `robust`); 0 for aliased columns, as R's `se(coef)`. */
  standardErrors: Float64Array;
  /** Model-based standard errors (= `standardErrors` unless robust). */
  naiveStandardErrors: Float64Array;
  hazardRatios: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  z: Float64Array;
  pValue: Float64Array;
  /** Variance matrix, p x p (the sandwich when robust; R `fit$var`: zero rows and columns for aliased columns). */
  variance: DenseMatrix;
  /** Inverse information matrix, p x p (R `fit$naive.var`, or `fit$var` when not robust). */
  naiveVariance: DenseMatrix;
  robust: boolean;
  /** Log partial likelihood at beta = 0 and at the estimate. */
  loglik: [initial: number, final: number];
  likelihoodRatioTest: ChiSquareTest;
  /** Wald test of all coefficients (robust variance when robust). */
  waldTest: ChiSquareTest;
  /** Score (log-rank) test at beta = 0. */
  scoreTest: ChiSquareTest;
  /** Robust score test (R `fit$rscore`); NaN statistic and p unless robust. */
  robustScoreTest: ChiSquareTest;
  /**
   * Harrell's concordance of the linear predictor (within strata, weighted; standard error grouped by
   * cluster when given), as R `fit$concordance`.
   */
  concordance: ConcordanceResult;
  /** Centring values (weighted means; 0 for columns with values only in -1/0/1, as R). */
  means: Float64Array;
  /** Mean of the offset column, subtracted from offsets as R does (0 without offset). */
  offsetMean: number;
  /** Case-weighted mean of the offset: the offset of the reference subject of baseline curves (as R). */
  offsetWeightedMean: number;
  /** Linear predictor x'beta + (offset - mean offset) - means'beta per used row (input order). */
  linearPredictors: Float64Array;
  /** Input rows used (0-based, ascending). */
  rows: Int32Array;
  n: number;
  events: number;
  iterations: number;
  converged: boolean;
  ties: 'efron' | 'breslow';
  confLevel: number;
  /** Convergence warnings, worded as R's (e.g. a coefficient that may be infinite). */
  warnings: string[];
  /** Rows dropped for missing values (policy `'omit'`), and per column. */
  omitted: number;
  missingByColumn: Record<string, number>;
  /** Outcome and covariate column names used. */
  columns: {
    time: string;
    /** Start column of a counting-process (start, stop] fit. */
    start?: string;
    /** Names of the time-transformed terms (`columns.timeTransforms`); such fits have no PH test or curves, as R. */
    timeTransforms?: string[];
    event: string;
    strata?: string;
    weights?: string;
    offset?: string;
    cluster?: string;
  };
  fit: CoxFitData;
  /** One row per coefficient: term, coef, exp(coef), se, z, p, lower, upper. */
  toTable(): ColumnTable;
}

/**
 * Fits a Cox proportional-hazards model by maximising the partial likelihood (Efron or Breslow ties) with
 * Newton-Raphson and step-halving, as R's `survival::coxph` (coxfit6): same centring and scaling, same
 * convergence rule, same tests, robust/cluster sandwich variance from weighted dfbeta residuals, and the
 * same "coefficient may be infinite" warning under monotone likelihood.
 *
 * Matches R survival 3.5 `coxph` on lung, veteran (factor + strata), ovarian (weights, offset, robust)
 * and lung with `cluster(inst)`: coefficients, variances, log-likelihoods and tests tested at 1e-9
 * (measured ~1e-14), and Therneau & Grambsch's hand-worked book examples (book1/book2) at 1e-10.
 *
 * An aliased (collinear) or constant covariate is reported as NA (NaN) with a warning, as R with
 * `singular.ok = TRUE`; `singular: 'error'` throws instead. Matches R on lung, cgd and heart with an aliased
 * or constant column (plain, strata, weights, cluster, (start, stop]) at 1e-9.
 *
 * @throws {TaceError} unknown column, invalid outcome, missing values (policy 'error'), no events,
 * constant or collinear covariates with `singular: 'error'` (named), a strata column with one level,
 * non-positive weights.
 * @example
 * ```ts
 * const fit = coxph(table, { time: 'time', event: 'dead', covariates: ['age', 'sex', 'ph.ecog'] }, { ties: 'efron' });
 * fit.hazardRatios; fit.pValue; fit.concordance.concordance;
 * ```
 */
export function coxph(table: TableLike, columns: CoxColumns, fitOptions: CoxphOptions = {}): CoxModel {
  if (columns.timeTransforms !== undefined) {
    const model = coxphWithTimeTransforms(table, columns, fitOptions, coxph);
    model.columns.timeTransforms = Object.keys(columns.timeTransforms);
    return model;
  }
  const options = { ...fitOptions, ...columns };
  const expanded = expandCategoricalColumns(
    table,
    [...columns.covariates, ...(columns.strata === undefined ? [] : [columns.strata])],
    {
      levels: columns.levels,
      reference: columns.reference,
    },
  );
  const rowsTable = expanded.table;
  const ties = options.ties ?? 'efron';
  assertOneOf(ties, 'ties', ['efron', 'breslow']);
  const confLevel = options.confLevel ?? 0.95;
  assertInRange(confLevel, 'confLevel', 0, 1, { lower: true, upper: true });
  const eps = options.eps ?? 1e-9;
  assertInRange(eps, 'eps', 0, 1, { lower: true });
  const maxIter = options.maxIter ?? 20;
  if (!Number.isInteger(maxIter) || maxIter < 0)
    assertInRange(Number.NaN, 'maxIter', 0, Number.POSITIVE_INFINITY);
  if (options.covariates.length === 0) {
    throw new TaceError('INVALID_ARGUMENT', 'covariates is empty', {
      param: 'covariates',
      remedy: 'name at least one covariate column; for a curve without covariates use kaplanMeier',
    });
  }
  const extraNames = [options.strata, options.weights, options.offset, options.cluster].filter(
    (c): c is string => c !== undefined,
  );
  const used = [options.time, options.event, ...options.covariates, ...extraNames];
  if (options.start !== undefined) used.push(options.start);
  const cc = completeCases(rowsTable, used, options.missing ?? 'error');
  const rows = cc.rows;
  const outcome = toSurvivalData(
    columnAtRows(getColumn(rowsTable, options.time), rows, `column '${options.time}'`, gatherNumeric),
    columnAtRows(getColumn(rowsTable, options.event), rows, `column '${options.event}'`, gatherEvent),
    'error',
    { time: `column '${options.time}'`, event: `column '${options.event}'` },
  );
  // timefix's sort of the times is reused as the time order of the fit
  let timeOrder: Int32Array | undefined;
  if (options.timeFix ?? true) ({ time: outcome.time, order: timeOrder } = timeFixOrdered(outcome.time));
  const startTime =
    options.start === undefined ? undefined : readStart(rowsTable, options.start, rows, outcome.time);
  const n = rows.length;
  const events = sumOf(outcome.event);
  if (events === 0) {
    throw new TaceError('EMPTY_INPUT', `column '${options.event}' has no events in the ${n} rows used`, {
      param: `column '${options.event}'`,
      remedy: 'check the event coding (1 = event); a Cox model needs at least one event',
    });
  }
  const numeric = (name: string) => gatherNumeric(getColumn(rowsTable, name), rows, `column '${name}'`);
  const weight = options.weights === undefined ? new Float64Array(n).fill(1) : numeric(options.weights);
  const badWeight = options.weights === undefined ? -1 : firstNotPositive(weight);
  if (badWeight >= 0) {
    throw new TaceError('INVALID_ARGUMENT', `weight at row ${rows[badWeight] + 1} is ${weight[badWeight]}`, {
      param: `column '${options.weights}'`,
      remedy: 'case weights must be positive',
    });
  }
  const offset = options.offset === undefined ? new Float64Array(n) : numeric(options.offset);
  // R centres a non-zero offset by its (unweighted) mean
  const { offsetMean, offsetWeightedMean } =
    options.offset === undefined ? { offsetMean: 0, offsetWeightedMean: 0 } : centreOffset(offset, weight);
  let strataCodes = new Int32Array(n) as Int32Array;
  let strataLevels = ['all'];
  if (options.strata !== undefined) {
    const f = toFactor(
      getColumn(rowsTable, options.strata) as GroupInput,
      `column '${options.strata}'`,
      undefined,
      rows,
    );
    if (f.levels.length < 2) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `strata column '${options.strata}' has a single level (${f.levels[0]})`,
        {
          param: `column '${options.strata}'`,
          remedy: 'drop the strata option, or stratify by a column with at least two levels',
        },
      );
    }
    strataCodes = f.codes;
    strataLevels = f.levels;
  }
  const clusterCodes =
    options.cluster === undefined
      ? new Int32Array(n).fill(-1)
      : toFactor(
          getColumn(rowsTable, options.cluster) as GroupInput,
          `column '${options.cluster}'`,
          undefined,
          rows,
        ).codes;
  // sort by stratum, then time (stable: ties keep input order, as R's order())
  const t = outcome.time;
  const order = orderByTime(t, strataCodes, timeOrder);
  // the model matrix is built column-major, directly in sorted order
  const terms = describeTerms(rowsTable, options.covariates, options.categorical ?? [], rows, expanded.spec);
  const design = buildDesignColumns(rowsTable, terms, rows, order);
  const singular = options.singular ?? 'NA';
  assertOneOf(singular, 'singular', ['NA', 'error']);
  // else the fit's centring pass checks the design (a non-finite weighted sum), saving a pass over it
  if (singular === 'error') {
    assertFiniteDesign(design, order, rows);
    assertNoConstantColumn(design);
  }
  const { p } = design;
  // an absent weight/offset/strata/cluster column is a constant array: the same in sorted order, not copied
  const sorted = <T extends Float64Array | Int32Array>(values: T, given: string | undefined): T =>
    given === undefined ? values : takeRows(values, order);
  const rowMajor = rowMajorOnDemand(design.x, n, p);
  const data: CoxFitData = {
    n,
    p,
    time: takeRows(t, order),
    status: takeRows(outcome.event, order),
    // the row-major design, transposed when first read (a literal accessor: the object's shape is the same
    // in every fit, so the optimised fitting code is not thrown away by a shape change at each call)
    get x(): Float64Array {
      return rowMajor.get();
    },
    set x(value: Float64Array) {
      rowMajor.set(value);
    },
    offset: sorted(offset, options.offset),
    weight: sorted(weight, options.weights),
    strata: sorted(strataCodes, options.strata),
    stratumEnd: new Uint8Array(n),
    order,
    start: startTime === undefined ? undefined : takeRows(startTime, order),
    efron: ties === 'efron',
    eta: new Float64Array(n),
    cluster: sorted(clusterCodes, options.cluster),
    strataLevels,
    noCenter: unitColumns(design),
  };
  const { strata, stratumEnd } = data;
  markStratumEnds(strata, stratumEnd);
  const raw = fitCox(data, design.x, data.noCenter, {
    eps,
    maxIter,
    tolerChol: TOLER_CHOL,
    assertFinite: () => assertFiniteDesign(design, order, rows),
  });
  const aliased = aliasedColumns(raw.variance, raw.beta, p, maxIter);
  if (singular === 'error') assertNoAliased(aliased, design.names);
  const estimable = aliased.flatMap((a, c) => (a ? [] : [c]));
  const df = estimable.length;
  // beta is 0 at aliased columns (their Cholesky pivot vanished), as R's fit before it sets them NA
  const beta = raw.beta;
  centredLinearPredictor(data, design.x, beta, raw.means);
  const linearPredictors = scatterToInput(data.eta, order);
  const warnings: string[] = [];
  const aliasedNote = aliasedWarning(aliased, design.names);
  if (aliasedNote !== null) warnings.push(aliasedNote);
  if (!raw.converged && maxIter > 1) warnings.push('Ran out of iterations and did not converge');
  else if (maxIter > 1) {
    const infinite: string[] = [];
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += raw.u[j] * raw.variance[j * p + i];
      const inf = Math.abs(s);
      if (!Number.isFinite(raw.u[i]) || (inf > eps && inf > Math.sqrt(eps) * Math.abs(beta[i]))) {
        infinite.push(design.names[i]);
      }
    }
    if (infinite.length > 0) {
      warnings.push(`Loglik converged before variable ${infinite.join(', ')}; coefficient may be infinite.`);
    }
  }
  const nonIntegerWeights = options.weights !== undefined && hasNonInteger(weight);
  // R skips the robust variance when no coefficient is estimable
  const robust = (options.robust ?? (options.cluster !== undefined || nonIntegerWeights)) && df > 0;
  if (!robust && options.cluster !== undefined)
    warnings.push('cluster specified with robust = false, cluster ignored');
  const robustFit = robust ? robustVariance(data, raw.means, raw.variance) : null;
  const variance = robustFit === null ? raw.variance : robustFit.variance;
  const rscore = robustFit === null ? Number.NaN : robustFit.rscore;
  assertVarianceInRange(variance, raw.variance, estimable, design.names);
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const se = Float64Array.from({ length: p }, (_, i) => Math.sqrt(variance[i * p + i]));
  const naiveSe = Float64Array.from({ length: p }, (_, i) => Math.sqrt(raw.variance[i * p + i]));
  const coefficients = beta.map((b, i) => (aliased[i] ? Number.NaN : b));
  const zval = Float64Array.from(coefficients, (b, i) => b / se[i]);
  // Wald test over the estimable coefficients (R: coxph.wtest(var[nabeta, nabeta], coef[nabeta]))
  const betaKept = estimable.map((c) => beta[c]);
  const wald = solveLdl(subMatrix(variance, p, estimable), df, betaKept, TOLER_CHOL);
  let waldStat = 0;
  for (let i = 0; i < df; i++) waldStat += wald.x[i] * betaKept[i];
  const lr = 2 * (raw.loglik - raw.loglikInit);
  const conc =
    startTime !== undefined ? countingConcordance(n) : fitConcordance(data, options.cluster !== undefined);
  const model: CoxModel = {
    names: design.names,
    terms,
    coefficients,
    aliased,
    standardErrors: se,
    naiveStandardErrors: naiveSe,
    hazardRatios: coefficients.map(Math.exp),
    lower: coefficients.map((b, i) => Math.exp(b - z * se[i])),
    upper: coefficients.map((b, i) => Math.exp(b + z * se[i])),
    z: zval,
    pValue: zval.map((v) => 2 * normalSurvival(Math.abs(v))),
    // symmetric: the row-major buffers are already column-major
    variance: denseMatrix(p, p, variance),
    naiveVariance: denseMatrix(p, p, raw.variance),
    robust,
    loglik: [raw.loglikInit, raw.loglik],
    likelihoodRatioTest: { statistic: lr, df, pValue: chiSquareSurvival(lr, df) },
    waldTest: { statistic: waldStat, df, pValue: chiSquareSurvival(waldStat, df) },
    scoreTest: { statistic: raw.scoreTest, df, pValue: chiSquareSurvival(raw.scoreTest, df) },
    robustScoreTest: { statistic: rscore, df, pValue: robust ? chiSquareSurvival(rscore, df) : Number.NaN },
    concordance: conc,
    means: raw.means,
    offsetMean,
    offsetWeightedMean,
    linearPredictors,
    rows,
    n,
    events,
    iterations: raw.iterations,
    converged: raw.converged,
    ties,
    confLevel,
    warnings,
    omitted: cc.omitted,
    missingByColumn: cc.missingByColumn,
    columns: {
      time: options.time,
      start: options.start,
      event: options.event,
      strata: options.strata,
      weights: options.weights,
      offset: options.offset,
      cluster: options.cluster,
    },
    fit: data,
    toTable: () => ({
      term: [...design.names],
      coef: Array.from(coefficients),
      hazardRatio: Array.from(coefficients, Math.exp),
      se: Array.from(se),
      z: Array.from(zval),
      pValue: Array.from(zval, (v) => 2 * normalSurvival(Math.abs(v))),
      lower: Array.from(coefficients, (b, i) => Math.exp(b - z * se[i])),
      upper: Array.from(coefficients, (b, i) => Math.exp(b + z * se[i])),
    }),
  };
  return model;
}

/**
 * Harrell's C of the fit (R `fit$concordance`); NaN, as R, when no pair is comparable (e.g. the only event is
 * at the last time), which the concordance function itself reports as an error.
 */
function fitConcordance(data: CoxFitData, clustered: boolean): ConcordanceResult {
  try {
    return concordanceKernel(
      data.time,
      data.status,
      data.eta,
      data.weight,
      data.strata,
      'harrell',
      Infinity,
      {
        cluster: clustered ? data.cluster : undefined,
      },
    );
  } catch (error) {
    if (isTaceError(error) && error.code === 'EMPTY_INPUT') return countingConcordance(data.n);
    throw error;
  }
}

/**
 * Every design value must be finite: an infinite covariate would otherwise surface as a singular
 * information matrix ("collinear"). Names the column and the (1-based) input row of the first such value
 * in sorted row order.
 */
function assertFiniteDesign(design: CoxDesignColumns, order: Int32Array, rows: Int32Array) {
  const { x, n, p, names } = design;
  let finite = true;
  for (let i = 0; i < n * p && finite; i++) finite = Number.isFinite(x[i]);
  if (finite) return;
  for (let k = 0; k < n; k++) {
    for (let c = 0; c < p; c++) {
      const v = x[c * n + k];
      if (!Number.isFinite(v)) {
        throw new TaceError(
          'INVALID_ARGUMENT',
          `covariate '${names[c]}' is ${v} at row ${rows[order[k]] + 1}`,
          {
            param: `column '${names[c]}'`,
            remedy:
              'replace infinite values (e.g. a ratio with a zero denominator) by a finite value or mark them missing',
          },
        );
      }
    }
  }
}

/**
 * The row-major design (as {@link CoxFitData} holds it) of the column-major `columns` (n x p), transposed when
 * first read: a fit whose residuals, predictions or plots are never asked for skips the n x p copy.
 */
function rowMajorOnDemand(
  columns: Float64Array,
  n: number,
  p: number,
): { get(): Float64Array; set(value: Float64Array): void } {
  let source: Float64Array | null = columns;
  let x: Float64Array | null = null;
  return {
    get: () => {
      if (x === null) {
        x = toRowMajor(source as Float64Array, n, p);
        source = null;
      }
      return x;
    },
    set: (value) => {
      x = value;
      source = null;
    },
  };
}

/** Per design column: 1 when every value is -1, 0 or 1 (R leaves such columns uncentred), else 0. */
function unitColumns(design: CoxDesignColumns): Uint8Array {
  const { x, n, p } = design;
  const unit = new Uint8Array(p);
  for (let c = 0; c < p; c++) {
    let zeroOne = 1;
    for (let i = c * n; i < (c + 1) * n && zeroOne; i++) {
      const v = x[i];
      if (v !== 0 && v !== 1 && v !== -1) zeroOne = 0;
    }
    unit[c] = zeroOne;
  }
  return unit;
}

/**
 * `data.eta` = offset + x'beta - means'beta per sorted row, from the design `columns` (column-major), adding
 * the terms in column order (as a row-major dot product would).
 */
function centredLinearPredictor(
  data: CoxFitData,
  columns: Float64Array,
  beta: Float64Array,
  means: Float64Array,
): void {
  const { n, p, eta, offset } = data;
  let centre = 0;
  for (let c = 0; c < p; c++) centre += beta[c] * means[c];
  for (let k = 0; k < n; k++) eta[k] = offset[k] - centre;
  for (let k0 = 0; k0 < n; k0 += 4096)
    addLinearCombination(eta, columns, 0, n, beta.subarray(0, p), k0, Math.min(n, k0 + 4096));
}

/**
 * A numeric (or event) column at `rows`: the column itself when it is a `Float64Array` and `rows` are all
 * its rows (no copy), else `gather`'s copy.
 */
function columnAtRows(
  column: ArrayLike<unknown>,
  rows: Int32Array,
  param: string,
  gather: (column: ArrayLike<unknown>, rows: Int32Array, param: string) => Float64Array,
): Float64Array {
  return column instanceof Float64Array && rows.length === column.length
    ? column
    : gather(column, rows, param);
}

/**
 * The variance of every coefficient must be a normal double: a covariate on an extreme scale (values near
 * 1e200, or 1e-200) makes its variance underflow to 0 or overflow, which would report se 0 and p 0.
 */
function assertVarianceInRange(
  variance: Float64Array,
  naive: Float64Array,
  estimable: readonly number[],
  names: string[],
) {
  const p = names.length;
  for (const c of estimable) {
    for (const v of [variance[c * p + c], naive[c * p + c]]) {
      if (!(v >= 2.2250738585072014e-308) || !Number.isFinite(v)) {
        throw new TaceError(
          'INVALID_ARGUMENT',
          `the variance of the coefficient of '${names[c]}' is ${v}, outside the range of double precision: ` +
            'the covariate is on an extreme scale',
          {
            param: `column '${names[c]}'`,
            remedy:
              'rescale the covariate (e.g. divide by a power of 10, or take its log) so its spread is within about 1e-100 to 1e100',
          },
        );
      }
    }
  }
}

// The per-row loops of coxph, each in its own small function: a loop inside coxph itself gets coxph compiled
// (on-stack) before its later code has run, which then deoptimises and recompiles it at every call.

/** Sum of the values (the number of events of a 0/1 array). */
function sumOf(values: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

/** Index of the first value that is not > 0, or -1. */
function firstNotPositive(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) if (!(values[i] > 0)) return i;
  return -1;
}

/** True when some value is not an integer. */
function hasNonInteger(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isInteger(values[i])) return true;
  return false;
}

/**
 * Subtracts from `offset` its (unweighted) mean, as R; returns that mean and the case-weighted mean of the
 * offset before centring.
 */
function centreOffset(offset: Float64Array, weight: Float64Array) {
  const n = offset.length;
  let offsetMean = 0;
  let offsetWeightedMean = 0;
  let weightSum = 0;
  for (let i = 0; i < n; i++) {
    offsetMean += offset[i] / n;
    offsetWeightedMean += offset[i] * weight[i];
    weightSum += weight[i];
  }
  offsetWeightedMean /= weightSum;
  for (let i = 0; i < n; i++) offset[i] -= offsetMean;
  return { offsetMean, offsetWeightedMean };
}

/** `end[k]` = 1 when sorted row k is the last of its stratum. */
function markStratumEnds(strata: Int32Array, end: Uint8Array): void {
  const n = strata.length;
  for (let k = 0; k < n; k++) end[k] = k === n - 1 || strata[k + 1] !== strata[k] ? 1 : 0;
}

/** The values of the sorted rows back in input order (`order[k]` the input row of sorted row k). */
function scatterToInput(values: Float64Array, order: Int32Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) out[order[k]] = values[k];
  return out;
}
