// Table-level entry points of the group comparisons (package root); the label-level functions of the same
// names are in @tace/omics/kernels.
import type { TableLike } from '@tace/core';
import type { ExpressionMatrix } from '../expression/types.js';
import type { GeneSetScores } from '../scoring/types.js';
import { compareGroups as compareGroupsByLabel, type GroupComparison } from './compare-groups.js';
import {
  type DifferentialExpression,
  differentialExpression as differentialExpressionByLabel,
} from './differential-expression.js';
import type { GroupChoice } from './group-labels.js';
import { type GroupColumns, groupLabelsFromTable } from './group-table.js';

/**
 * Compares per-sample gene-set scores between two groups, set by set (Wilcoxon rank-sum = R `wilcox.test`,
 * BH over sets, Cliff's delta, medians). Groups come from a table of samples or patients: `columns.id` holds
 * sample ids or TCGA patient barcodes (joined to the score samples), `columns.group` the labels; samples
 * without a label are left out. See the kernel of the same name (`@tace/omics/kernels`) for the method and
 * its R check.
 * @throws {TaceError} `COLUMN_NOT_FOUND`; as the kernel (fewer than 2 samples in a group, missing scores).
 * @example
 * ```ts
 * const cmp = compareGroups(scores, clinical, { id: 'patient_id', group: 'risk_group' }); // high vs low
 * cmp.adjustedPValue;
 * ```
 */
export function compareGroups(
  scores: GeneSetScores,
  groups: TableLike,
  columns: GroupColumns,
  options: GroupChoice = {},
): GroupComparison {
  return compareGroupsByLabel(scores, groupLabelsFromTable(groups, columns), options);
}

/**
 * Differential expression of every gene between two groups of samples (Welch t and limma's moderated t,
 * both with BH), groups read from a table of samples or patients as {@link compareGroups}. See the kernel
 * of the same name (`@tace/omics/kernels`) for the method and its limma check.
 * @throws {TaceError} `COLUMN_NOT_FOUND`; as the kernel.
 * @example
 * ```ts
 * const de = differentialExpression(expr, clinical, { id: 'patient_id', group: 'risk_group' });
 * de.moderatedAdjustedPValue;
 * ```
 */
export function differentialExpression(
  expr: ExpressionMatrix,
  groups: TableLike,
  columns: GroupColumns,
  options: GroupChoice = {},
): DifferentialExpression {
  return differentialExpressionByLabel(expr, groupLabelsFromTable(groups, columns), options);
}
