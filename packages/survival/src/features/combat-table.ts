import type { MissingPolicy, TableLike } from '@tace/core';
import { designAt, labelsAt, tableRows } from '../internal/table-columns.js';
import type { CombatOptions, CombatResult } from './combat.js';
import { combat as combatKernel } from './combat.js';

/** Columns of {@link combat}. */
export interface CombatColumns {
  /** Feature columns to harmonise. */
  features: readonly string[];
  /** Batch column (scanner, center, ...). */
  batch: string;
  /** Biological covariates to preserve (numeric, dummy-coded), as sva's `mod`. @default [] */
  covariates?: readonly string[];
}

/**
 * ComBat harmonisation of feature columns across batches (`sva::ComBat`). See the array-level `combat` of
 * `@tace/survival/kernels`; `result.model` applies unchanged to new subjects (`applyCombat`).
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE` (policy `'error'`), as the kernel.
 * @example combat(features, { features: names, batch: 'center' }).adjusted
 */
export function combat(
  table: TableLike,
  columns: CombatColumns,
  options: Omit<CombatOptions, 'covariates'> & { missing?: MissingPolicy } = {},
): CombatResult & { rows: Int32Array; omitted: number } {
  const { missing, ...rest } = options;
  const covariates = columns.covariates ?? [];
  const { rows, omitted } = tableRows(table, [...columns.features, columns.batch, ...covariates], missing);
  const batch = labelsAt(table, columns.batch, rows) as ArrayLike<string | number>;
  const result = combatKernel(designAt(table, columns.features, rows), batch, {
    ...rest,
    covariates: covariates.length === 0 ? undefined : designAt(table, covariates, rows),
  });
  return { ...result, rows, omitted };
}
