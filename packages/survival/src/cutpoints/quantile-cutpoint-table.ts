import type { TableLike } from '@tace/core';
import { numericColumn } from '@tace/core';
import type { ApplyCutpointsOptions } from './quantile-cutpoint.js';
import {
  applyCutpoints as applyCutpointsKernel,
  quantileCutpoints as quantileCutpointsKernel,
} from './quantile-cutpoint.js';

/** The column that cut-points apply to. */
export interface MarkerColumns {
  /** The continuous marker (e.g. a linear predictor or a score). */
  marker: string;
}

/** Options of {@link quantileCutpoints}. */
export interface QuantileCutpointsOptions {
  /** Probabilities of the cut-points. @default [0.5] (the median) */
  probs?: readonly number[];
}

/**
 * Quantile cut-points (type 7, as R `quantile`) of a marker column, missing values ignored.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `EMPTY_INPUT` when every value is missing; probs outside [0, 1].
 * @example quantileCutpoints(training, { marker: 'lp' }, { probs: [1 / 3, 2 / 3] })
 */
export function quantileCutpoints(
  table: TableLike,
  columns: MarkerColumns,
  options: QuantileCutpointsOptions = {},
): Float64Array {
  return quantileCutpointsKernel(numericColumn(table, columns.marker), options.probs);
}

/** Options of the table-level {@link applyCutpoints}. */
export interface ApplyCutpointsTableOptions extends ApplyCutpointsOptions {
  /** Cut-points, ascending (fitted elsewhere, e.g. on the training cohort). */
  cutpoints: readonly number[];
}

/**
 * Group label of every row by cut-points fitted elsewhere: group k when cut_{k-1} < x <= cut_k; a missing
 * marker gives null. See the array-level `applyCutpoints` of `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`; cut-points not ascending; wrong number of labels.
 * @example applyCutpoints(validation, { marker: 'lp' }, { cutpoints: [0.4] }) // ['low', 'high', ...]
 */
export function applyCutpoints(
  table: TableLike,
  columns: MarkerColumns,
  options: ApplyCutpointsTableOptions,
): (string | null)[] {
  const { cutpoints, ...rest } = options;
  return applyCutpointsKernel(numericColumn(table, columns.marker), cutpoints, rest);
}
