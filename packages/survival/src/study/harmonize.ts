import { type ColumnTable, completeCases, numericColumn, stringColumn, TaceError } from '@tace/core';
import { combat } from '../features/combat.js';

/** Options for {@link harmonizeCohorts} (ComBat across scanners / centres). */
export interface HarmonizeOptions {
  /** Column holding the batch (centre or scanner) of each patient, in every cohort table. */
  batch: string;
  /**
   * Batch left unchanged, the others adjusted to it (`sva::ComBat(ref.batch)`). Default: the training
   * cohort's batch when it has one, so adding validation cohorts never changes the training features.
   */
  referenceBatch?: string;
  /** Parametric (default) or non-parametric empirical Bayes, as `sva::ComBat(par.prior)`. @default true */
  parametric?: boolean;
}

/**
 * Harmonises feature columns across batches with ComBat (Johnson et al. 2007, matching `sva::ComBat`),
 * fitted on all cohorts pooled as radiomics studies do, with the training cohort's batch as reference.
 * Patients with a missing feature are left out of the fit and keep their (missing) values.
 * @returns the number of patients harmonised; `tables` are modified in place.
 * @throws {TaceError} `INVALID_ARGUMENT` when the training cohort spans several batches and no reference is
 * given, or from ComBat (a batch with one patient ...).
 */
export function harmonizeCohorts(
  tables: { role: string; table: ColumnTable }[],
  features: readonly string[],
  options: HarmonizeOptions,
): number {
  const rows: { cohort: number; row: number; batch: string }[] = [];
  tables.forEach((cohort, c) => {
    const batch = stringColumn(cohort.table, options.batch);
    for (const row of completeCases(cohort.table, [...features, options.batch], 'omit').rows) {
      rows.push({ cohort: c, row, batch: batch[row]! });
    }
  });
  let reference = options.referenceBatch;
  if (reference === undefined) {
    const trainingBatches = new Set(
      rows.filter((r) => tables[r.cohort].role === 'training').map((r) => r.batch),
    );
    if (trainingBatches.size !== 1) {
      throw new TaceError('INVALID_ARGUMENT', `the training cohort spans ${trainingBatches.size} batches`, {
        param: 'referenceBatch',
        remedy: 'name the reference batch explicitly',
      });
    }
    reference = [...trainingBatches][0];
  }
  const n = rows.length;
  const data = new Float64Array(n * features.length);
  features.forEach((feature, j) => {
    const columns = tables.map((cohort) => numericColumn(cohort.table, feature));
    rows.forEach((r, i) => {
      data[j * n + i] = columns[r.cohort][r.row];
    });
  });
  const { adjusted } = combat(
    { data, rows: n, columns: features.length, columnNames: features },
    rows.map((r) => r.batch),
    { referenceBatch: reference, parametric: options.parametric ?? true },
  );
  features.forEach((feature, j) => {
    const columns = tables.map((cohort) => {
      const copy = Float64Array.from(numericColumn(cohort.table, feature));
      cohort.table[feature] = copy;
      return copy;
    });
    rows.forEach((r, i) => {
      columns[r.cohort][r.row] = adjusted.data[j * n + i];
    });
  });
  return n;
}
