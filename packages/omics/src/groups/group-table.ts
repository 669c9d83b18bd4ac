import { stringColumn, type TableLike, TaceError } from '@tace/core';

/** Column names of a per-patient (or per-sample) group table: identifier and group label. */
export interface GroupColumns {
  /** Column of sample ids or patient ids (TCGA patient barcodes reach their samples), e.g. `'patient_id'`. */
  id: string;
  /** Column of group labels, e.g. `'risk_group'` (`'low'` / `'high'`). */
  group: string;
}

/**
 * Reads `id -> label` from a group table. Rows with a missing id or label are left out (those samples or
 * patients are in neither group).
 * @throws {TaceError} `COLUMN_NOT_FOUND` (core); `INVALID_ARGUMENT` when an id has two different labels.
 */
export function groupLabelsFromTable(table: TableLike, columns: GroupColumns): Map<string, string> {
  const ids = stringColumn(table, columns.id);
  const labels = stringColumn(table, columns.group);
  const out = new Map<string, string>();
  ids.forEach((id, i) => {
    const label = labels[i];
    if (id === null || label === null) return;
    const previous = out.get(id);
    if (previous !== undefined && previous !== label) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `id ${JSON.stringify(id)} has two labels, ${JSON.stringify(previous)} and ${JSON.stringify(label)}`,
        { param: columns.group, remedy: 'give each sample or patient one group label' },
      );
    }
    out.set(id, label);
  });
  return out;
}
