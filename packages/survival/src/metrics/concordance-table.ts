import type { TableLike } from '@tace/core';
import { eventAt, labelsAt, numericAt, tableRows } from '../internal/table-columns.js';
import type { ConcordanceOptions, ConcordanceResult } from './concordance.js';
import { concordance as concordanceKernel } from './concordance.js';

/** Columns of {@link concordance}. */
export interface ConcordanceColumns {
  time: string;
  event: string;
  /** Risk score column: higher = shorter survival (a Cox linear predictor). */
  risk: string;
  /** Case-weight column (R `weights`). @default undefined (all 1) */
  weights?: string;
  /** Stratum column: pairs are formed within strata (R `strata()`). @default undefined */
  strata?: string;
  /** Cluster column for the standard error (R `cluster`). @default undefined */
  cluster?: string;
}

/** Options of the table-level {@link concordance}. */
export type ConcordanceTableOptions = Omit<ConcordanceOptions, 'weights' | 'strata' | 'cluster'>;

/**
 * Harrell's or Uno's C of a risk column: R `concordance(Surv(time, event) ~ risk, data, reverse = TRUE)`.
 * See the array-level `concordance` of `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE`, invalid outcome, no comparable pair.
 * @example concordance(validation, { time: 'os', event: 'death', risk: 'lp' }).concordance
 */
export function concordance(
  table: TableLike,
  columns: ConcordanceColumns,
  options: ConcordanceTableOptions = {},
): ConcordanceResult {
  const { time, event, risk, weights, strata, cluster } = columns;
  const { rows, omitted } = tableRows(table, [time, event, risk, weights, strata, cluster], options.missing);
  const result = concordanceKernel(
    numericAt(table, time, rows),
    eventAt(table, event, rows),
    numericAt(table, risk, rows),
    {
      ...options,
      missing: 'error',
      weights: weights === undefined ? undefined : numericAt(table, weights, rows),
      strata: strata === undefined ? undefined : labelsAt(table, strata, rows),
      cluster: cluster === undefined ? undefined : labelsAt(table, cluster, rows),
    },
  );
  return { ...result, omitted };
}
