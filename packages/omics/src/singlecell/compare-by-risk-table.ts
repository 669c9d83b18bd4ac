// Table-level entry point of the per-cell risk-group comparison (package root); the array-level function of
// the same name is in @tace/omics/kernels.
import { numericColumn, stringColumn, type TableLike } from '@tace/core';
import { type GroupColumns, groupLabelsFromTable } from '../groups/group-table.js';
import {
  type CompareByRiskOptions,
  compareByRiskGroup as compareByRiskGroupArrays,
  type RiskComparison,
} from './compare-by-risk.js';

/** Column names of {@link compareByRiskGroup}: per-cell columns of `cells`, per-patient columns of `groups`. */
export interface RiskGroupColumns extends GroupColumns {
  /** Column of `cells` with one score per cell (e.g. a set of `scoreH5ad` scores). */
  score: string;
  /** Column of `cells` with each cell's type (missing = unknown, the cell is left out). */
  cellType: string;
  /** Column of `cells` with each cell's patient, matched to `groups[columns.id]`. */
  patient: string;
}

/**
 * Compares a per-cell score between risk groups within each cell type with **patients as the unit**
 * (pseudo-bulk per patient x cell type, Wilcoxon rank-sum over patients = R `wilcox.test`, BH across cell
 * types, effect sizes). `cells` has one row per cell (score, cell type, patient); `groups` one row per
 * patient (id, risk group). See the array-level function of the same name (`@tace/omics/kernels`) for the
 * method.
 * @throws {TaceError} `COLUMN_NOT_FOUND`; `EMPTY_INPUT` when no cell can be used.
 * @example
 * ```ts
 * const cells = { hypoxia: scores, cell_type: columnLabels(obs.columns.cell_type), patient: columnLabels(obs.columns.patient) };
 * const cmp = compareByRiskGroup(cells, risk, {
 *   score: 'hypoxia', cellType: 'cell_type', patient: 'patient', id: 'patient_id', group: 'risk_group',
 * });
 * cmp.tests.adjustedPValue; // one per cell type
 * ```
 */
export function compareByRiskGroup(
  cells: TableLike,
  groups: TableLike,
  columns: RiskGroupColumns,
  options: CompareByRiskOptions = {},
): RiskComparison {
  return compareByRiskGroupArrays(
    numericColumn(cells, columns.score),
    { cellType: stringColumn(cells, columns.cellType), patient: stringColumn(cells, columns.patient) },
    groupLabelsFromTable(groups, columns),
    options,
  );
}
