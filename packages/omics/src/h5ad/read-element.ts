import type { Dataset, Group } from 'h5wasm';
import { isDataset, isGroup, stringAttr } from './h5wasm.js';
import { readDataFrame } from './read-dataframe.js';
import { readMatrix } from './read-matrix.js';
import { sparseFormatOf } from './sparse-source.js';
import type { AnnDataElement } from './types.js';

/**
 * Reads one aligned element as anndata writes it: a 2-D dataset (`encoding-type: array`, or none in older
 * files), a `csr_matrix`/`csc_matrix` group, or a `dataframe` group. Returns `null` for anything else
 * (1-D arrays, rec-arrays, nested dictionaries), which the caller lists as skipped.
 * @throws {TaceError} as {@link readMatrix} and {@link readDataFrame}.
 */
export function readElement(node: Dataset | Group, file: string): AnnDataElement | null {
  if (isDataset(node)) {
    if ((node.shape?.length ?? 0) !== 2 || node.metadata.type === 6) return null;
    return readMatrix(node, file);
  }
  if (!isGroup(node)) return null;
  if (sparseFormatOf(node) !== null) return readMatrix(node, file);
  const encoding = stringAttr(node, 'encoding-type');
  if (encoding === 'dataframe' || (encoding === undefined && '_index' in node.attrs))
    return readDataFrame(node, file);
  return null;
}
