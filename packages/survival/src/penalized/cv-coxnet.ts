import {
  assertInteger,
  assertOneOf,
  assertSameLength,
  kFoldSplits,
  type ProgressCallback,
  parallelMap,
  type RandomSource,
  reportProgress,
  TaceError,
} from '@tace/core';
import { type CoxnetFit, type CoxnetOptions, coxnet } from './coxnet.js';
import { type CvFoldContext, type CvFoldResult, cvFold } from './cv-fold.js';
import { type DesignInput, toDesignMatrix } from './design-matrix.js';

/** Options of {@link cvCoxnet}: those of {@link coxnet} plus the cross-validation ones (`cv.glmnet`). */
export interface CvCoxnetOptions extends CoxnetOptions {
  /** Number of folds (`nfolds`); ignored when `foldId` is given. @default 10 */
  nFolds?: number;
  /** Fold of each subject, 0-based integers 0..K-1 (`foldid`, minus 1). @default seeded random folds */
  foldId?: ArrayLike<number>;
  /** Seed or generator for the folds. @default 1 */
  random?: RandomSource;
  /** Spread events evenly over the folds (stratified by the event indicator). @default true */
  stratifyByEvent?: boolean;
  /**
   * `'grouped'`: per fold, deviance of all subjects minus deviance of the training subjects at the
   * training-fold coefficients (glmnet's default `grouped = TRUE`, Verweij & van Houwelingen 1993);
   * `'ungrouped'`: deviance of the held-out subjects on their own risk sets (`grouped = FALSE`).
   * @default 'grouped'
   */
  type?: 'grouped' | 'ungrouped';
  /** Fit folds on worker threads through core's `parallelMap` (`true`, or a thread count); `false` fits
   * them in this thread. Results do not depend on it. @default true */
  parallel?: boolean | number;
  /** Called after each fold with `{ done, total, label: 'folds' }`. @default none */
  onProgress?: ProgressCallback;
}

/** Result of {@link cvCoxnet} (the fields of a `cv.glmnet` object). */
export interface CvCoxnetResult {
  /** The fit on all subjects. */
  fit: CoxnetFit;
  /** Its lambdas (`lambda`). */
  lambda: Float64Array;
  /** Mean cross-validated partial-likelihood deviance per event (`cvm`). */
  cvm: Float64Array;
  /** Its standard error (`cvsd`). */
  cvsd: Float64Array;
  /** `cvm + cvsd` and `cvm - cvsd` (`cvup`, `cvlo`). */
  cvUp: Float64Array;
  cvLo: Float64Array;
  /** Non-zero coefficients of the full fit per lambda (`nzero`). */
  nonZero: Int32Array;
  /** Lambda with the smallest `cvm` (`lambda.min`) and its index. */
  lambdaMin: number;
  indexMin: number;
  /** Largest lambda with `cvm <= cvm[min] + cvsd[min]` (`lambda.1se`) and its index. */
  lambda1se: number;
  index1se: number;
  /** Fold of each subject (0-based). */
  foldId: Int32Array;
  /** The deviance actually used (see `warnings`). */
  type: 'grouped' | 'ungrouped';
  /** E.g. glmnet's switch to grouped deviance when there are fewer than 10 subjects per fold. */
  warnings: string[];
}

/**
 * K-fold cross-validation of the elastic-net Cox path, as R `cv.glmnet(x, Surv(time, event),
 * family = "cox", type.measure = "deviance")` in glmnet 4.1: each fold is fitted on the other folds with
 * its own lambda sequence, its coefficients are interpolated at the full-data lambdas, and the deviance is
 * divided by the fold's (weighted) events; `cvm` and `cvsd` are event-weighted mean and standard error over
 * folds. With `weights`, folds are fitted and scored with their subjects' weights, as cv.glmnet.
 * Matches cv.glmnet given the same `foldid` (see `test/penalized/cv-coxnet.test.ts`).
 *
 * Folds with no events carry no weight and are left out of `cvm`/`cvsd`.
 * @throws {TaceError} `INVALID_ARGUMENT` when there are fewer events than folds, fewer than 3 folds, or a
 *   bad `foldId`; plus everything {@link coxnet} throws. `WORKER_ERROR` when a worker fails.
 * @example
 * ```ts
 * const cv = await cvCoxnet(x, time, event, { nFolds: 10, random: 42 });
 * const risk = predictCoxnet(cv.fit, xTest, cv.lambdaMin);
 * ```
 */
export async function cvCoxnet(
  x: DesignInput,
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  options: CvCoxnetOptions = {},
): Promise<CvCoxnetResult> {
  const matrix = toDesignMatrix(x);
  const n = matrix.rows;
  assertSameLength(['time', time], ['event', event], ['rows of x', { length: n }]);
  let type = options.type ?? 'grouped';
  assertOneOf(type, 'type', ['grouped', 'ungrouped']);
  const foldId = resolveFolds(event, n, options);
  const nFolds = Math.max(...foldId) + 1;
  const warnings: string[] = [];
  if (type === 'ungrouped' && n / nFolds < 10) {
    type = 'grouped';
    warnings.push('grouped deviance used, since there are fewer than 10 subjects per fold (as cv.glmnet)');
  }
  const {
    nFolds: _k,
    foldId: _f,
    random: _r,
    stratifyByEvent: _s,
    type: _t,
    parallel: _p,
    onProgress,
    ...fitOptions
  } = options;
  const fit = coxnet(matrix, time, event, fitOptions);
  const context: CvFoldContext = {
    x: { rows: n, columns: matrix.columns, data: matrix.data, columnNames: matrix.columnNames },
    time: Float64Array.from(time),
    event: Float64Array.from(event),
    weights: options.weights === undefined ? null : Float64Array.from(options.weights),
    foldId,
    lambda: fit.lambda,
    options: { ...fitOptions, weights: undefined },
    grouped: type === 'grouped',
  };
  const folds = Array.from({ length: nFolds }, (_, k) => k);
  const parallel = options.parallel ?? true;
  let results: CvFoldResult[];
  if (parallel === false) {
    results = folds.map((k) => {
      const result = cvFold(k, k, context);
      reportProgress(onProgress, { done: k + 1, total: nFolds, label: 'folds' });
      return result;
    });
  } else {
    const here = import.meta.url;
    results = await parallelMap<number, CvFoldResult>(folds, {
      module: new URL(here.endsWith('.ts') ? './cv-fold.ts' : './cv-fold.js', here),
      exportName: 'cvFold',
      context,
      label: 'folds',
      onProgress,
      ...(typeof parallel === 'number' ? { threads: parallel } : {}),
    });
  }
  return { ...summarise(fit, results, foldId, type), warnings };
}

function resolveFolds(event: ArrayLike<number>, n: number, options: CvCoxnetOptions): Int32Array {
  let events = 0;
  for (let i = 0; i < n; i++) events += event[i] === 1 ? 1 : 0;
  let foldId: Int32Array;
  if (options.foldId !== undefined) {
    if (options.foldId.length !== n) {
      throw new TaceError('LENGTH_MISMATCH', `foldId has ${options.foldId.length} values for ${n} subjects`, {
        param: 'foldId',
      });
    }
    foldId = Int32Array.from(options.foldId);
    const k = Math.max(...foldId) + 1;
    const seen = new Uint8Array(k);
    for (let i = 0; i < n; i++) {
      if (!Number.isInteger(options.foldId[i]) || foldId[i] < 0) {
        throw new TaceError(
          'INVALID_ARGUMENT',
          `foldId[${i}] = ${options.foldId[i]} is not an integer >= 0`,
          {
            param: 'foldId',
            remedy: 'number folds from 0 to K - 1 (R foldid minus 1)',
          },
        );
      }
      seen[foldId[i]] = 1;
    }
    if (seen.includes(0)) {
      throw new TaceError('INVALID_ARGUMENT', `foldId must use every fold from 0 to ${k - 1}`, {
        param: 'foldId',
      });
    }
  } else {
    const k = options.nFolds ?? 10;
    assertInteger(k, 'nFolds', 3);
    const strata = (options.stratifyByEvent ?? true) ? event : undefined;
    foldId = kFoldSplits(n, k, { random: options.random ?? 1, strata });
  }
  const k = Math.max(...foldId) + 1;
  if (k < 3) {
    throw new TaceError('INVALID_ARGUMENT', `cross-validation needs at least 3 folds, but got ${k}`, {
      param: 'nFolds',
      remedy: 'use nFolds = 10 (glmnet requires nfolds >= 3)',
    });
  }
  if (events < k) {
    throw new TaceError('INVALID_ARGUMENT', `only ${events} events for ${k} folds`, {
      param: 'nFolds',
      remedy: 'use fewer folds (at least one event per fold is needed for the deviance)',
    });
  }
  return foldId;
}

function summarise(
  fit: CoxnetFit,
  results: CvFoldResult[],
  foldId: Int32Array,
  type: 'grouped' | 'ungrouped',
): Omit<CvCoxnetResult, 'warnings'> {
  const nLambda = fit.lambda.length;
  const cvm = new Float64Array(nLambda);
  const cvsd = new Float64Array(nLambda);
  const used = results.filter((r) => r.events > 0);
  const totalWeight = used.reduce((s, r) => s + r.events, 0);
  for (let l = 0; l < nLambda; l++) {
    let mean = 0;
    for (const r of used) mean += r.deviance[l];
    mean /= totalWeight;
    let ss = 0;
    for (const r of used) ss += r.events * (r.deviance[l] / r.events - mean) ** 2;
    cvm[l] = mean;
    cvsd[l] = Math.sqrt(ss / totalWeight / (used.length - 1));
  }
  let indexMin = 0;
  for (let l = 1; l < nLambda; l++) if (cvm[l] < cvm[indexMin]) indexMin = l;
  const bound = cvm[indexMin] + cvsd[indexMin];
  let index1se = 0;
  while (cvm[index1se] > bound) index1se++;
  return {
    fit,
    lambda: fit.lambda,
    cvm,
    cvsd,
    cvUp: cvm.map((m, l) => m + cvsd[l]),
    cvLo: cvm.map((m, l) => m - cvsd[l]),
    nonZero: fit.df,
    lambdaMin: fit.lambda[indexMin],
    indexMin,
    lambda1se: fit.lambda[index1se],
    index1se,
    foldId,
    type,
  };
}
