import { assertOneOf, TaceError } from '@tace/core';
import {
  columnLabel,
  type DesignInput,
  type DesignMatrix,
  toDesignMatrix,
} from '../penalized/design-matrix.js';

/** Options of {@link fitZScore}. */
export interface ZScoreOptions {
  /** Constant columns (sd = 0): `'error'` throws; `'drop'` leaves them out of the model (listed in
   * `dropped`, absent from `applyZScore`'s output). @default 'error' */
  constantColumns?: 'error' | 'drop';
}

/** Per-feature centring and scaling fitted on a training cohort (R `scale(x)`: mean, sd with n - 1). */
export interface ZScoreModel {
  /** Names of the kept features, in order. */
  columnNames: string[];
  /** Index in the fitting matrix of each kept feature. */
  columns: Int32Array;
  mean: Float64Array;
  sd: Float64Array;
  /** Names of the constant features left out. */
  dropped: string[];
  /** Number of features of the fitting matrix (what `applyZScore` expects). */
  nInput: number;
}

/**
 * Fits z-score standardisation on a training matrix: per feature, the mean and the sample standard
 * deviation (n - 1), as R `scale()`. Apply it unchanged to any cohort with {@link applyZScore}.
 * @throws {TaceError} `INVALID_ARGUMENT` for a constant feature (under `'error'`), `MISSING_VALUE` for NaN.
 * @example
 * ```ts
 * const z = fitZScore(train);
 * const testZ = applyZScore(z, test);
 * ```
 */
export function fitZScore(x: DesignInput, options: ZScoreOptions = {}): ZScoreModel {
  const constantColumns = options.constantColumns ?? 'error';
  assertOneOf(constantColumns, 'constantColumns', ['error', 'drop']);
  const matrix = toDesignMatrix(x);
  const { data, rows: n, columns: p } = matrix;
  if (n < 2) throw new TaceError('INVALID_ARGUMENT', 'z-scores need at least 2 subjects', { param: 'x' });
  const columns: number[] = [];
  const means: number[] = [];
  const sds: number[] = [];
  const dropped: string[] = [];
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[j * n + i];
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (data[j * n + i] - mean) ** 2;
    const sd = Math.sqrt(ss / (n - 1));
    if (sd === 0) {
      if (constantColumns === 'error') {
        throw new TaceError('INVALID_ARGUMENT', `feature ${columnLabel(matrix, j)} is constant`, {
          param: 'x',
          remedy: "remove it, or pass constantColumns: 'drop'",
        });
      }
      dropped.push(columnLabel(matrix, j));
      continue;
    }
    columns.push(j);
    means.push(mean);
    sds.push(sd);
  }
  return {
    columnNames: columns.map((j) => columnLabel(matrix, j)),
    columns: Int32Array.from(columns),
    mean: Float64Array.from(means),
    sd: Float64Array.from(sds),
    dropped,
    nInput: p,
  };
}

/**
 * Applies a fitted {@link ZScoreModel}: `(x - mean_train) / sd_train` for each kept feature.
 * @throws {TaceError} `INVALID_ARGUMENT` when `x` has a different number of features than at fitting.
 * @example applyZScore(fitZScore([[1], [3]]), [[2], [5]]).data // Float64Array [0, 2.1213...]
 */
export function applyZScore(model: ZScoreModel, x: DesignInput): DesignMatrix {
  const { data, rows: n, columns: p } = toDesignMatrix(x);
  if (p !== model.nInput) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `x has ${p} features but the z-score model was fitted on ${model.nInput}`,
      {
        param: 'x',
        remedy: 'pass the same features, in the same order, as for fitting',
      },
    );
  }
  const k = model.columns.length;
  const out = new Float64Array(n * k);
  for (let c = 0; c < k; c++) {
    const src = model.columns[c] * n;
    for (let i = 0; i < n; i++) out[c * n + i] = (data[src + i] - model.mean[c]) / model.sd[c];
  }
  return { data: out, rows: n, columns: k, columnNames: model.columnNames };
}
