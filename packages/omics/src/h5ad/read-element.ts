import { TaceError } from '@tace/core';
import type { Dataset, Group } from 'h5wasm';
import { asH5ReadError, closeQuietly, isDataset, isGroup, openH5, stringAttr } from './h5wasm.js';
import { readDataFrame } from './read-dataframe.js';
import { readMatrix } from './read-matrix.js';
import { sparseFormatOf } from './sparse-source.js';
import type { AnnDataMatrix, DataFrame } from './types.js';

/** What an `obsm`/`varm`/`obsp`/`varp`/`layers` entry can hold: a dense 2-D array, a CSR/CSC matrix or a dataframe. */
export type AnnDataElement = AnnDataMatrix | DataFrame;

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

/**
 * Reads one element of an h5ad file by its path (`'obsp/distances'`, `'layers/counts'`, `'obsm/X_pca'`,
 * `'varm/PCs'`, `'X'`, ...) without reading anything else: for a large file whose `obsp` graphs or layers are
 * needed one at a time.
 * @throws {TaceError} `COLUMN_NOT_FOUND` when the path is absent, `UNSUPPORTED` when it holds something else
 *   than a dense array, a CSR/CSC matrix or a dataframe; `IO_ERROR`/`PARSE_ERROR` as {@link readH5ad}.
 * @example
 * ```ts
 * const graph = await readH5adElement('atlas.h5ad', 'obsp/connectivities'); // CSR, cells x cells
 * ```
 */
export async function readH5adElement(path: string, element: string): Promise<AnnDataElement> {
  const file = await openH5(path);
  try {
    const key = element.replace(/^\/+/, '');
    const parts = key.split('/');
    let node: unknown = file;
    for (const part of parts) {
      node = isGroup(node) && part !== '' && node.keys().includes(part) ? node.get(part) : null;
      if (node === null) break;
    }
    if (node === null)
      throw new TaceError('COLUMN_NOT_FOUND', `${path} has no element '${key}'`, {
        param: 'element',
        remedy: "name an entry such as 'obsp/<key>', 'layers/<key>', 'obsm/<key>' or 'varm/<key>'",
      });
    const value = readElement(node as Dataset | Group, path);
    if (value === null)
      throw new TaceError(
        'UNSUPPORTED',
        `${path}: element '${key}' is not a 2-D array, a CSR/CSC matrix or a dataframe`,
        { param: 'element' },
      );
    return value;
  } catch (error) {
    throw asH5ReadError(error, path);
  } finally {
    closeQuietly(file);
  }
}
