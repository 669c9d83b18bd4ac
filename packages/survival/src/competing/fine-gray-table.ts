import type { TableLike } from '@tace/core';
import { designAt, labelsAt, numericAt, tableRows } from '../internal/table-columns.js';
import type { StatusInput } from './competing-data.js';
import type { FineGrayModel, FineGrayOptions } from './fine-gray.js';
import { fineGray as fineGrayKernel } from './fine-gray.js';

/** Columns of {@link fineGray}. */
export interface FineGrayColumns {
  /** Follow-up time column (>= 0). */
  time: string;
  /** Failure status column: one code per cause, `censorCode` for censored. */
  status: string;
  /** Numeric covariate columns (code factors as 0/1 indicator columns, as `crr(cov1 = model.matrix(...))`). */
  covariates: readonly string[];
  /** Column of groups with their own censoring distribution, as `crr(cengroup)`. @default undefined */
  censorGroup?: string;
}

/** Options of the table-level {@link fineGray} (the array-level options without censorGroup). */
export type FineGrayTableOptions = Omit<FineGrayOptions, 'censorGroup'>;

/**
 * Fine-Gray subdistribution hazards regression of a table, as `cmprsk::crr(time, status, cov1, failcode,
 * cencode, cengroup)`. See the array-level `fineGray` of `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE`, as the kernel.
 * @example fineGray(cohort, { time: 'months', status: 'outcome', covariates: ['afp', 'albi'] }, { failCode: 1 }).toTable()
 */
export function fineGray(
  table: TableLike,
  columns: FineGrayColumns,
  options: FineGrayTableOptions = {},
): FineGrayModel {
  const { rows, omitted } = tableRows(
    table,
    [columns.time, columns.status, ...columns.covariates, columns.censorGroup],
    options.missing,
  );
  const result = fineGrayKernel(
    numericAt(table, columns.time, rows),
    labelsAt(table, columns.status, rows) as StatusInput,
    designAt(table, columns.covariates, rows),
    {
      ...options,
      missing: 'error',
      censorGroup: columns.censorGroup === undefined ? undefined : labelsAt(table, columns.censorGroup, rows),
    },
  );
  return { ...result, omitted };
}
