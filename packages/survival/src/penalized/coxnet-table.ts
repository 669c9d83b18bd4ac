import type { MissingPolicy, TableLike } from '@tace/core';
import { designAt, eventAt, numericAt, tableRows } from '../internal/table-columns.js';
import type { CoxnetFit, CoxnetOptions } from './coxnet.js';
import { coxnet as coxnetKernel } from './coxnet.js';
import type { CvCoxnetOptions, CvCoxnetResult } from './cv-coxnet.js';
import { cvCoxnet as cvCoxnetKernel } from './cv-coxnet.js';
import { predictCoxnet as predictCoxnetKernel } from './predict-coxnet.js';

/** Columns of {@link coxnet} and {@link cvCoxnet}: the outcome and the (numeric) feature columns. */
export interface CoxnetColumns {
  time: string;
  event: string;
  /** Feature columns, in the order of the coefficients. */
  features: readonly string[];
  /** Observation-weight column (glmnet `weights`). @default undefined (all 1) */
  weights?: string;
}

/** Missing-value policy of the table-level penalised functions. */
export interface TableMissing {
  /** Rows with a missing outcome or feature: `'error'` or `'omit'` (counted in `omitted`). @default 'error' */
  missing?: MissingPolicy;
}

/**
 * Elastic-net Cox path of feature columns (glmnet `family = "cox"`). See the array-level `coxnet` of
 * `@tace/survival/kernels` (a {@link DesignMatrix}) for the algorithm and its glmnet agreement.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE` (policy `'error'`), as the kernel.
 * @example coxnet(train, { time: 'os', event: 'death', features: radiomicNames }, { alpha: 1 })
 */
export function coxnet(
  table: TableLike,
  columns: CoxnetColumns,
  options: Omit<CoxnetOptions, 'weights'> & TableMissing = {},
): CoxnetFit & { omitted: number } {
  const { missing, ...rest } = options;
  const { rows, omitted } = read(table, columns, missing);
  const fit = coxnetKernel(
    designAt(table, columns.features, rows),
    numericAt(table, columns.time, rows),
    eventAt(table, columns.event, rows),
    {
      ...rest,
      weights: columns.weights === undefined ? undefined : numericAt(table, columns.weights, rows),
    },
  );
  return { ...fit, omitted };
}

/**
 * K-fold cross-validated elastic-net Cox path of feature columns (`cv.glmnet`). See the array-level
 * `cvCoxnet` of `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE` (policy `'error'`), as the kernel.
 * @example await cvCoxnet(train, { time: 'os', event: 'death', features }, { nFolds: 10, random: 42 })
 */
export async function cvCoxnet(
  table: TableLike,
  columns: CoxnetColumns,
  options: Omit<CvCoxnetOptions, 'weights'> & TableMissing = {},
): Promise<CvCoxnetResult & { omitted: number }> {
  const { missing, ...rest } = options;
  const { rows, omitted } = read(table, columns, missing);
  const cv = await cvCoxnetKernel(
    designAt(table, columns.features, rows),
    numericAt(table, columns.time, rows),
    eventAt(table, columns.event, rows),
    {
      ...rest,
      weights: columns.weights === undefined ? undefined : numericAt(table, columns.weights, rows),
    },
  );
  return { ...cv, omitted };
}

/** Options of the table-level {@link predictCoxnet}. */
export interface PredictCoxnetOptions extends TableMissing {
  /** Penalty at which to predict (glmnet `predict(fit, s)`), interpolated between path lambdas. */
  lambda: number;
}

/** Linear predictors of a table's rows from {@link predictCoxnet}. */
export interface CoxnetPrediction {
  /** `x beta(lambda)` per row used (not centred, as glmnet's `predict(type = "link")`). */
  linearPredictor: Float64Array;
  /** Rows of the table used (0-based, ascending). */
  rows: Int32Array;
  omitted: number;
}

/**
 * Linear predictor of a fitted path at `lambda` for the rows of a table holding the fit's feature columns
 * (`fit.columnNames`), as glmnet's `predict(fit, newx, s, type = "link")`. See the array-level
 * `predictCoxnet` of `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND` for a feature column missing from the table, `MISSING_VALUE`
 *   (policy `'error'`), `INVALID_ARGUMENT` for a non-finite lambda.
 * @example predictCoxnet(fit, test, { lambda: cv.lambdaMin }).linearPredictor
 */
export function predictCoxnet(
  fit: CoxnetFit,
  table: TableLike,
  options: PredictCoxnetOptions,
): CoxnetPrediction {
  const { rows, omitted } = tableRows(table, fit.columnNames, options.missing);
  const linearPredictor = predictCoxnetKernel(fit, designAt(table, fit.columnNames, rows), options.lambda);
  return { linearPredictor, rows, omitted };
}

function read(table: TableLike, columns: CoxnetColumns, missing?: MissingPolicy) {
  return tableRows(table, [columns.time, columns.event, columns.weights, ...columns.features], missing);
}
