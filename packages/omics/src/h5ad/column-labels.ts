import type { Column } from './types.js';

/**
 * One label per row of an obs/var column, as strings: categories by code (code -1 -> null), strings as is,
 * numbers and booleans formatted, masked nullable entries -> null. Handy for cell types and patient ids.
 * @example columnLabels(adata.obs.columns.cell_type) // ['CD8 T', 'B', null, ...]
 */
export function columnLabels(column: Column): (string | null)[] {
  if (column.kind === 'categorical')
    return Array.from(column.codes, (c) => (c < 0 ? null : String(column.categories[c])));
  if (column.kind === 'string') return column.values.slice();
  if (column.kind === 'boolean') return Array.from(column.values, (v) => (v ? 'True' : 'False'));
  if (column.kind === 'numeric')
    return Array.from(column.values, (v) => (Number.isNaN(v) ? null : String(v)));
  const { values, mask } = column;
  const boolean = column.kind === 'nullable-boolean';
  return Array.from(values, (v, i) => (mask[i] ? null : boolean ? (v ? 'True' : 'False') : String(v)));
}
