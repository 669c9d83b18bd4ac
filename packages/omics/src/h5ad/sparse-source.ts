import { TaceError } from '@tace/core';
import type { Dataset, Group } from 'h5wasm';
import { attrValue, isDataset, stringAttr } from './h5wasm.js';
import { readInt32, readNumbers, readOffsets } from './values.js';

/** Lazy access to an on-disk CSR/CSC matrix: `indptr` in memory, `indices`/`data` read by range. */
export interface SparseSource {
  format: 'csr' | 'csc';
  shape: [number, number];
  indptr: Float64Array;
  /**
   * Reads `indices` and `data` of the rows (CSR) or columns (CSC) `[from, to)`, checking every index against
   * the minor dimension of `shape`.
   * @throws {TaceError} `PARSE_ERROR` naming the file, the matrix, the row (column) and the bad index.
   */
  readMajor(from: number, to: number): { indices: Int32Array; data: Float32Array | Float64Array };
  /** As `readMajor`, `indices` only. */
  readMajorIndices(from: number, to: number): Int32Array;
}

/**
 * Checks an `indptr` read from `matrix` of `file`: starts at 0, never decreases, ends within the stored
 * `indices`/`data` (which must have equal lengths). One pass, no allocation.
 * @throws {TaceError} `PARSE_ERROR` naming the file, the matrix, the row (or column) and the offending value.
 */
export function validateIndptr(
  indptr: Float64Array,
  stored: { indices: number; data: number },
  format: 'csr' | 'csc',
  matrix: string,
  file: string,
): void {
  const what = format === 'csr' ? 'row' : 'column';
  const fail = (message: string) =>
    new TaceError('PARSE_ERROR', `${file}: invalid ${format.toUpperCase()} matrix ${matrix}: ${message}`, {
      param: file,
      remedy: 'the sparse matrix is corrupt; write it again (scipy: X.check_format(full_check=True))',
    });
  if (stored.indices !== stored.data)
    throw fail(`indices has ${stored.indices} entries but data has ${stored.data}`);
  if (indptr[0] !== 0) throw fail(`indptr[0] is ${indptr[0]}, expected 0`);
  for (let m = 0; m + 1 < indptr.length; m++) {
    const next = indptr[m + 1];
    if (!(next >= indptr[m]))
      throw fail(
        `indptr decreases at ${what} ${m}: indptr[${m + 1}] = ${next} < indptr[${m}] = ${indptr[m]}`,
      );
  }
  const last = indptr[indptr.length - 1];
  if (last > stored.indices)
    throw fail(
      `indptr ends at ${last}, past the ${stored.indices} stored non-zeros (${what} ${findMajor(indptr, stored.indices)})`,
    );
}

/** The first row (column) whose range reaches past `limit` stored entries. */
function findMajor(indptr: Float64Array, limit: number): number {
  let m = 0;
  while (m + 1 < indptr.length && indptr[m + 1] <= limit) m++;
  return m;
}

/**
 * Checks that every index of the rows (columns) `[from, to)` lies in `[0, minor)`; `indices` holds the entries
 * `indptr[from] .. indptr[to]`. One pass.
 * @throws {TaceError} `PARSE_ERROR` naming the file, the matrix, the row (column) and the index.
 */
export function validateIndices(
  indices: Int32Array,
  indptr: Float64Array,
  from: number,
  to: number,
  minor: number,
  format: 'csr' | 'csc',
  matrix: string,
  file: string,
): void {
  let bad = -1;
  for (let k = 0; k < indices.length; k++) {
    if (indices[k] >>> 0 >= minor) {
      bad = k;
      break;
    }
  }
  if (bad < 0) return;
  const base = indptr[from];
  let m = from;
  while (m + 1 < to && indptr[m + 1] - base <= bad) m++;
  const [what, other] = format === 'csr' ? ['row', 'column'] : ['column', 'row'];
  throw new TaceError(
    'PARSE_ERROR',
    `${file}: invalid ${format.toUpperCase()} matrix ${matrix}: ${what} ${m} has ${other} index ${indices[bad]}, outside 0..${minor - 1} (shape attribute ${minor} ${other}s)`,
    {
      param: file,
      remedy: 'the sparse matrix is corrupt or its shape attribute too small; write it again',
    },
  );
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
  if (!values.every((v) => Number.isSafeInteger(v) && v >= 0 && v <= 2147483647))
    throw new TaceError(
      'PARSE_ERROR',
      `${file}: sparse matrix ${group.path} has the invalid shape attribute [${values.join(', ')}]`,
      { param: file },
    );
  return [values[0], values[1]];
}

/** `'X'`, `'layer counts'`, `'raw/X'`... from an HDF5 group path. */
function matrixName(path: string): string {
  const p = path.replace(/^\//, '');
  return p.startsWith('layers/') ? `layer '${p.slice(7)}'` : p;
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
  const matrix = matrixName(group.path);
  validateIndptr(
    indptr,
    { indices: Number(indices.shape?.[0] ?? 0), data: Number(data.shape?.[0] ?? 0) },
    format,
    matrix,
    file,
  );
  const minor = format === 'csr' ? shape[1] : shape[0];
  return {
    format,
    shape,
    indptr,
    readMajor: (from, to) => {
      const range: [number, number] = [indptr[from], indptr[to]];
      const block = {
        indices: readInt32(indices as Dataset, file, range),
        data: readNumbers(data as Dataset, file, range),
      };
      validateIndices(block.indices, indptr, from, to, minor, format, matrix, file);
      return block;
    },
    readMajorIndices: (from, to) => {
      const read = readInt32(indices as Dataset, file, [indptr[from], indptr[to]]);
      validateIndices(read, indptr, from, to, minor, format, matrix, file);
      return read;
    },
  };
}
