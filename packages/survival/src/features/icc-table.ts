import type { MissingPolicy, TableLike } from '@tace/core';
import { designAt, tableRows } from '../internal/table-columns.js';
import type { IccOptions, IccResult } from './icc.js';
import { icc as iccKernel } from './icc.js';

/** Columns of {@link icc}: one column per rater (or scan, or segmentation), one row per subject. */
export interface IccColumns {
  ratings: readonly string[];
}

/**
 * Intraclass correlation of rating columns (`psych::ICC(x, lmer = FALSE)`). See the array-level `icc` of
 * `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE` (policy `'error'`), as the kernel.
 * @example icc(readings, { ratings: ['reader1', 'reader2'] }, { type: 'ICC2' }).value
 */
export function icc(
  table: TableLike,
  columns: IccColumns,
  options: IccOptions & { missing?: MissingPolicy } = {},
): IccResult & { omitted: number } {
  const { missing, ...rest } = options;
  const { rows, omitted } = tableRows(table, columns.ratings, missing);
  return { ...iccKernel(designAt(table, columns.ratings, rows), rest), omitted };
}
