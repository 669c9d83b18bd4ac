export { columnNames, getColumn, hasColumn, rowCount, toColumnTable } from './columns.js';
export type { CompleteCases } from './complete-cases.js';
export { completeCases, selectRows, takeRows } from './complete-cases.js';
export { isMissing, MISSING_STRINGS } from './missing.js';
export { orderedRecord, orderedTable } from './ordered-table.js';
export type { CategoricalColumn, CategoricalOptions } from './typed-columns.js';
export {
  categoricalColumn,
  numericColumn,
  stringColumn,
  toCategorical,
  toNumericArray,
} from './typed-columns.js';
export type { Column, ColumnTable, DataFrameLike, MissingPolicy, TableLike } from './types.js';
