import { TaceError } from '@tace/core';
import type { Dataset, Group } from 'h5wasm';
import { attrValue, isDataset, stringAttr } from './h5wasm.js';
import { readInt32, readNumbers, readOffsets } from './values.js';

/** Lazy access to an on-disk CSR/CSC matrix: `indptr` in memory, `indices`/`data` read by range. */
export interface SparseSource {
  format: 'csr' | 'csc';
  shape: [number, number];
  indptr: Float64Array;
  /** Reads `indices` and `data` for the stored element range `[start, end)`. */
  read(start: number, end: number): { indices: Int32Array; data: Float32Array | Float64Array };
}

/** The sparse format of a group (AnnData `encoding-type` or legacy `h5sparse_format`), or `null`. */
export function sparseFormatOf(group: Group): 'csr' | 'csc' | null {
  const encoding = stringAttr(group, 'encoding-type') ?? stringAttr(group, 'h5sparse_format');
  if (encoding === 'csr_matrix' || encoding === 'csr') return 'csr';
  if (encoding === 'csc_matrix' || encoding === 'csc') return 'csc';
  return null;
}

function shapeOf(group: Group, file: string): [number, number] {
  const raw = attrValue(group, 'shape') ?? attrValue(group, 'h5sparse_shape');
  const values = Array.from((raw ?? []) as ArrayLike<number | bigint>, (v) => Number(v));
  if (values.length !== 2)
    throw new TaceError('PARSE_ERROR', `sparse matrix ${group.path} has no 2-D shape attribute`, {
      param: file,
    });
  return [values[0], values[1]];
}

/**
 * Opens a CSR/CSC group without reading its non-zeros.
 * @throws {TaceError} `UNSUPPORTED` for another encoding, `PARSE_ERROR` for a malformed group.
 */
export function openSparse(group: Group, file: string): SparseSource {
  const format = sparseFormatOf(group);
  if (format === null) {
    throw new TaceError(
      'UNSUPPORTED',
      `matrix ${group.path} has encoding-type '${stringAttr(group, 'encoding-type') ?? '(none)'}', which this reader does not implement`,
      { param: file, remedy: 'store X as a dense array, csr_matrix or csc_matrix' },
    );
  }
  const shape = shapeOf(group, file);
  const indices = group.get('indices');
  const data = group.get('data');
  const indptrDs = group.get('indptr');
  if (!isDataset(indices) || !isDataset(data) || !isDataset(indptrDs))
    throw new TaceError('PARSE_ERROR', `sparse matrix ${group.path} lacks data/indices/indptr`, {
      param: file,
    });
  const indptr = readOffsets(indptrDs, file);
  const major = format === 'csr' ? shape[0] : shape[1];
  if (indptr.length !== major + 1)
    throw new TaceError(
      'PARSE_ERROR',
      `${group.path}/indptr has ${indptr.length} entries for ${major} ${format === 'csr' ? 'rows' : 'columns'}`,
      { param: file },
    );
  return {
    format,
    shape,
    indptr,
    read: (start, end) => ({
      indices: readInt32(indices as Dataset, file, [start, end]),
      data: readNumbers(data as Dataset, file, [start, end]),
    }),
  };
}
