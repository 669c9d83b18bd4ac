import { assertInteger, TaceError } from '@tace/core';
import type { Dataset, Group } from 'h5wasm';
import { cscRowBlocks } from './csc-rows.js';
import { assertReadableFilters, isDataset, isGroup, openH5 } from './h5wasm.js';
import { readDataFrame } from './read-dataframe.js';
import { resolveGenes } from './read-h5ad.js';
import { columnMapOf, selectCsrColumns } from './read-matrix.js';
import { openSparse } from './sparse-source.js';
import type { SparseMatrix } from './types.js';

/** Options of {@link iterateRows}. */
export interface IterateRowsOptions {
  /** Cells per chunk: memory is about chunkSize x (non-zeros per cell) x 8 bytes. @default 5000 */
  chunkSize?: number;
  /** Keep only these genes, in this order (selected while reading, before anything is kept). @default all */
  genes?: readonly string[];
  /** Which matrix: `'X'`, `'raw'` (raw/X with raw/var names) or `'layers/<name>'`. @default 'X' */
  matrix?: string;
  /** Only the cells `[start, end)` (for instance one worker's share of a file). @default all cells */
  rows?: readonly [number, number];
  /**
   * CSC matrices only: stored entries held at once while rows are gathered from columns (about 12 bytes
   * each). The matrix is read `1 + ceil(nnz / maxElements)` times (the first pass `indices` only), so a CSC
   * file larger than this costs several reads; CSR and dense files are read once. @default 25000000
   */
  maxElements?: number;
}

/** One chunk of consecutive cells from {@link iterateRows}. */
export interface RowChunk {
  /** First cell (row) of the chunk. */
  start: number;
  /** One past the last cell. */
  end: number;
  /** The chunk's cells x selected genes, CSR. */
  X: SparseMatrix;
  /** Gene names of the columns (the same array for every chunk). */
  varNames: readonly string[];
  /** Total number of cells in the file. */
  nObs: number;
}

function locate(
  root: Group,
  matrix: string,
  path: string,
): { node: Dataset | Group; varNode: Dataset | Group } {
  const has = (key: string) => root.keys().includes(key);
  if (matrix === 'raw') {
    if (has('raw') && isGroup(root.get('raw')))
      return { node: root.get('raw/X') as Dataset | Group, varNode: root.get('raw/var') as Dataset | Group };
    if (has('raw.X')) return { node: root.get('raw.X') as Group, varNode: root.get('raw.var') as Dataset };
  } else if (matrix === 'X' && has('X')) {
    return { node: root.get('X') as Dataset | Group, varNode: root.get('var') as Dataset | Group };
  } else if (
    matrix.startsWith('layers/') &&
    has('layers') &&
    (root.get('layers') as Group).keys().includes(matrix.slice(7))
  ) {
    return { node: root.get(matrix) as Dataset | Group, varNode: root.get('var') as Dataset | Group };
  }
  throw new TaceError('COLUMN_NOT_FOUND', `${path} has no matrix '${matrix}'`, {
    param: 'matrix',
    remedy: "use 'X', 'raw' or 'layers/<name>'",
  });
}

/**
 * Iterates over the cells of an h5ad file in chunks of `chunkSize` rows, reading only those rows (and only
 * the selected genes) from disk, so a file of a million cells is processed in bounded memory. CSR, CSC and
 * dense matrices are supported; chunks are CSR. CSR and dense files are read once; a CSC file (column-major)
 * is gathered into rows within `maxElements` stored entries at a time, at the cost of
 * `1 + ceil(nnz / maxElements)` reads (one when it fits, or when only a few genes are selected).
 *
 * @throws {TaceError} `COLUMN_NOT_FOUND` for an unknown matrix or gene, `IO_ERROR` when reading fails,
 *   `PARSE_ERROR` for a corrupt sparse matrix.
 * @example
 * ```ts
 * for await (const chunk of iterateRows('atlas.h5ad', { chunkSize: 10000, genes: ['VEGFA', 'LDHA'] })) {
 *   // chunk.X: (chunk.end - chunk.start) x 2 CSR
 * }
 * ```
 */
export async function* iterateRows(path: string, options: IterateRowsOptions = {}): AsyncGenerator<RowChunk> {
  const chunkSize = options.chunkSize ?? 5000;
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new TaceError('INVALID_ARGUMENT', `chunkSize must be a positive integer, but was ${chunkSize}`, {
      param: 'chunkSize',
    });
  const file = await openH5(path);
  try {
    const { node, varNode } = locate(file, options.matrix ?? 'X', path);
    const allVars = readDataFrame(varNode, path).index;
    const columns = options.genes === undefined ? undefined : resolveGenes(allVars, options.genes, path);
    const varNames = columns === undefined ? allVars : Array.from(columns, (j) => allVars[j]);
    if (isDataset(node)) {
      assertReadableFilters(node, path);
      const [nObs, nCols] = node.shape as [number, number];
      const map = columnMapOf(columns ?? Int32Array.from({ length: nCols }, (_, j) => j), nCols);
      const [first, last] = rowRange(options.rows, nObs);
      for (let start = first; start < last; start += chunkSize) {
        const end = Math.min(last, start + chunkSize);
        const block = node.slice([
          [start, end],
          [0, nCols],
        ]) as Float32Array | Float64Array;
        const indptr = Float64Array.from({ length: end - start + 1 }, (_, r) => r * nCols);
        const all = { indices: Int32Array.from({ length: block.length }, (_, k) => k % nCols), data: block };
        const dense = selectCsrColumns(indptr, 0, end - start, all, map);
        yield rowChunk(start, end, compactZeros(dense), varNames, nObs);
      }
      return;
    }
    const src = openSparse(node, path);
    const [nObs, nCols] = src.shape;
    if (src.format === 'csc') {
      const maxElements = options.maxElements ?? 25_000_000;
      assertInteger(maxElements, 'maxElements', 1);
      const [first, last] = rowRange(options.rows, nObs);
      for (const { start, end, ...part } of cscRowBlocks(src, columns, first, last, chunkSize, maxElements))
        yield rowChunk(start, end, part, varNames, nObs);
      return;
    }
    const map = columns === undefined ? null : columnMapOf(columns, nCols);
    const [first, last] = rowRange(options.rows, nObs);
    for (let start = first; start < last; start += chunkSize) {
      const end = Math.min(last, start + chunkSize);
      const block = src.readMajor(start, end);
      const base = src.indptr[start];
      const part =
        map === null
          ? { indptr: src.indptr.slice(start, end + 1).map((v) => v - base), ...block }
          : selectCsrColumns(src.indptr, start, end, block, map);
      yield rowChunk(start, end, part, varNames, nObs);
    }
  } finally {
    file.close();
  }
}

function rowChunk(
  start: number,
  end: number,
  part: Pick<SparseMatrix, 'indptr' | 'indices' | 'data'>,
  varNames: readonly string[],
  nObs: number,
): RowChunk {
  return { start, end, X: { format: 'csr', shape: [end - start, varNames.length], ...part }, varNames, nObs };
}

/** Number of cells (rows) of a matrix of an h5ad file, without reading its values. */
export async function matrixRows(path: string, matrix = 'X'): Promise<number> {
  const file = await openH5(path);
  try {
    const { node } = locate(file, matrix, path);
    return isDataset(node) ? Number((node.shape ?? [0])[0]) : openSparse(node, path).shape[0];
  } finally {
    file.close();
  }
}

function rowRange(rows: readonly [number, number] | undefined, nObs: number): [number, number] {
  if (rows === undefined) return [0, nObs];
  const [start, end] = rows;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > nObs || start > end)
    throw new TaceError(
      'INVALID_ARGUMENT',
      `rows must be [start, end) within 0..${nObs}, but was [${start}, ${end}]`,
      {
        param: 'rows',
      },
    );
  return [start, end];
}

function compactZeros(m: { indptr: Float64Array; indices: Int32Array; data: Float32Array | Float64Array }) {
  let w = 0;
  const indptr = new Float64Array(m.indptr.length);
  for (let r = 0; r + 1 < m.indptr.length; r++) {
    for (let k = m.indptr[r]; k < m.indptr[r + 1]; k++) {
      if (m.data[k] === 0) continue;
      m.indices[w] = m.indices[k];
      m.data[w++] = m.data[k];
    }
    indptr[r + 1] = w;
  }
  return { indptr, indices: m.indices.slice(0, w), data: m.data.slice(0, w) };
}
