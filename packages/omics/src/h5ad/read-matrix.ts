import { TaceError } from '@tace/core';
import type { Dataset, Group } from 'h5wasm';
import { isDataset } from './h5wasm.js';
import { openSparse, type SparseSource } from './sparse-source.js';
import type { AnnDataMatrix, DenseArray, SparseMatrix } from './types.js';
import { readNumbers, readRaw } from './values.js';

/** Elements read per block when a selection forces block-wise reading (bounded memory). */
const BLOCK_ELEMENTS = 4_000_000;

/** Sorts one row's entries by column index (stable): insertion sort for short rows, an index sort for long ones. */
export function sortRow(
  indices: Int32Array,
  data: Float32Array | Float64Array,
  from: number,
  to: number,
): void {
  let sorted = true;
  for (let a = from + 1; a < to && sorted; a++) sorted = indices[a - 1] < indices[a];
  if (sorted) return;
  if (to - from > 32) {
    const order = Array.from({ length: to - from }, (_, k) => from + k).sort(
      (a, b) => indices[a] - indices[b],
    );
    const idx = Int32Array.from(order, (k) => indices[k]);
    const val = Float64Array.from(order, (k) => data[k]);
    indices.set(idx, from);
    data.set(val, from);
    return;
  }
  for (let a = from + 1; a < to; a++) {
    const c = indices[a];
    const v = data[a];
    let b = a - 1;
    while (b >= from && indices[b] > c) {
      indices[b + 1] = indices[b];
      data[b + 1] = data[b];
      b--;
    }
    indices[b + 1] = c;
    data[b + 1] = v;
  }
}

/** Keeps the selected columns of a CSR row block (column indices sorted within each row): `columnMap[j]` is the new column of j, or -1. */
export function selectCsrColumns(
  indptr: Float64Array,
  rowStart: number,
  rowEnd: number,
  block: { indices: Int32Array; data: Float32Array | Float64Array },
  columnMap: Int32Array,
): { indptr: Float64Array; indices: Int32Array; data: Float32Array | Float64Array } {
  const base = indptr[rowStart];
  let kept = 0;
  for (let k = 0; k < block.indices.length; k++) if (columnMap[block.indices[k]] >= 0) kept++;
  const indices = new Int32Array(kept);
  const data = block.data instanceof Float32Array ? new Float32Array(kept) : new Float64Array(kept);
  const outPtr = new Float64Array(rowEnd - rowStart + 1);
  let w = 0;
  for (let r = rowStart; r < rowEnd; r++) {
    for (let k = indptr[r] - base; k < indptr[r + 1] - base; k++) {
      const c = columnMap[block.indices[k]];
      if (c >= 0) {
        indices[w] = c;
        data[w] = block.data[k];
        w++;
      }
    }
    sortRow(indices, data, outPtr[r - rowStart], w);
    outPtr[r - rowStart + 1] = w;
  }
  return { indptr: outPtr, indices, data };
}

/** Column map of a selection: `map[j]` = position of column j in `columns`, -1 when not selected. */
export function columnMapOf(columns: Int32Array, nCols: number): Int32Array {
  const map = new Int32Array(nCols).fill(-1);
  for (let i = 0; i < columns.length; i++) map[columns[i]] = i;
  return map;
}

type Part = { indices: Int32Array; data: Float32Array | Float64Array };

function concatParts(parts: Part[], total: number): Part {
  const indices = new Int32Array(total);
  const data = parts[0]?.data instanceof Float64Array ? new Float64Array(total) : new Float32Array(total);
  let offset = 0;
  for (const p of parts) {
    indices.set(p.indices, offset);
    data.set(p.data, offset);
    offset += p.indices.length;
  }
  return { indices, data };
}

function readCsrSelected(src: SparseSource, columns: Int32Array): SparseMatrix {
  const [nRows, nCols] = src.shape;
  const map = columnMapOf(columns, nCols);
  const parts: Part[] = [];
  const indptr = new Float64Array(nRows + 1);
  let total = 0;
  let row = 0;
  while (row < nRows) {
    let end = row + 1;
    while (end < nRows && src.indptr[end + 1] - src.indptr[row] <= BLOCK_ELEMENTS) end++;
    const block = src.readMajor(row, end);
    const kept = selectCsrColumns(src.indptr, row, end, block, map);
    for (let r = 1; r < kept.indptr.length; r++) indptr[row + r] = total + kept.indptr[r];
    total += kept.indices.length;
    parts.push(kept);
    row = end;
  }
  const { indices, data } = concatParts(parts, total);
  return { format: 'csr', shape: [nRows, columns.length], indptr, indices, data };
}

function readCscSelected(src: SparseSource, columns: Int32Array): SparseMatrix {
  const indptr = new Float64Array(columns.length + 1);
  const parts: Part[] = [];
  let total = 0;
  for (let i = 0; i < columns.length; i++) {
    const j = columns[i];
    const part = src.readMajor(j, j + 1);
    parts.push(part);
    total += part.indices.length;
    indptr[i + 1] = total;
  }
  const { indices, data } = concatParts(parts, total);
  return { format: 'csc', shape: [src.shape[0], columns.length], indptr, indices, data };
}

function readDense(ds: Dataset, file: string, columns: Int32Array | undefined): DenseArray {
  const shape = ds.shape ?? [];
  if (shape.length !== 2)
    throw new TaceError('UNSUPPORTED', `matrix ${ds.path} has ${shape.length} dimensions, expected 2`, {
      param: file,
    });
  const [nRows, nCols] = shape as [number, number];
  if (columns === undefined) return { format: 'dense', shape: [nRows, nCols], data: readNumbers(ds, file) };
  const probe = readRaw(ds, file, [0, 0]);
  const out =
    probe instanceof Float32Array
      ? new Float32Array(nRows * columns.length)
      : new Float64Array(nRows * columns.length);
  const rowsPerBlock = Math.max(1, Math.floor(BLOCK_ELEMENTS / Math.max(1, nCols)));
  for (let r0 = 0; r0 < nRows; r0 += rowsPerBlock) {
    const r1 = Math.min(nRows, r0 + rowsPerBlock);
    const block = ds.slice([
      [r0, r1],
      [0, nCols],
    ]) as ArrayLike<number | bigint>;
    for (let r = r0; r < r1; r++)
      for (let c = 0; c < columns.length; c++)
        out[r * columns.length + c] = Number(block[(r - r0) * nCols + columns[c]]);
  }
  return { format: 'dense', shape: [nRows, columns.length], data: out };
}

/**
 * Reads a matrix element (dense dataset, or CSR/CSC group), optionally only the given columns (genes), which
 * for CSR is done block by block so memory stays near the size of the result.
 * @throws {TaceError} `UNSUPPORTED` for other encodings or filters.
 */
export function readMatrix(node: Dataset | Group, file: string, columns?: Int32Array): AnnDataMatrix {
  if (isDataset(node)) return readDense(node, file, columns);
  const src = openSparse(node, file);
  if (columns === undefined) {
    const all = src.readMajor(0, src.indptr.length - 1);
    return { format: src.format, shape: src.shape, indptr: src.indptr, indices: all.indices, data: all.data };
  }
  return src.format === 'csr' ? readCsrSelected(src, columns) : readCscSelected(src, columns);
}
