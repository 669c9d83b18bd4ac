export { columnLabels } from './column-labels.js';
export type { IterateRowsOptions, RowChunk } from './iterate-rows.js';
export { iterateRows } from './iterate-rows.js';
export type { ReadH5adOptions } from './read-h5ad.js';
export { readH5ad, readH5adObs } from './read-h5ad.js';
export { readH5adElement } from './read-h5ad-element.js';
export type {
  AnnData,
  AnnDataElement,
  AnnDataMatrix,
  AnnDataRaw,
  BooleanColumn,
  CategoricalColumn,
  Column,
  DataFrame,
  DenseArray,
  H5adEncoding,
  NullableColumn,
  NumericColumn,
  SparseMatrix,
  StringColumn,
  UnsValue,
} from './types.js';
export type { H5adContent } from './write-h5ad.js';
export { writeH5ad } from './write-h5ad.js';
