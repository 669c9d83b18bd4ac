import { TaceError } from '@tace/core';
import type { Dataset, Group } from 'h5wasm';
import { asH5ReadError, closeQuietly, isGroup, openH5 } from './h5wasm.js';
import { readElement } from './read-element.js';
import type { AnnDataElement } from './types.js';

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
