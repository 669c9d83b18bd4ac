import type { SparseSource } from './sparse-source.js';

/** Stored entries read per `indices`/`data` read when walking a CSC matrix column block by column block. */
const READ_ELEMENTS = 4_000_000;

const EMPTY = new Float64Array(0);

/** One block of rows of a CSC matrix, as CSR (columns in increasing order within each row). */
export interface CscRowBlock {
  start: number;
  end: number;
  indptr: Float64Array;
  indices: Int32Array;
  data: Float32Array | Float64Array;
}

/**
 * Calls `visit(from, to, block)` for consecutive column ranges of a CSC matrix (the selected columns only
 * when `columns` is given), each read with one `indices` and one `data` read of at most about
 * {@link READ_ELEMENTS} entries (a column larger than that is read alone).
 */
function forColumnBlocks(
  src: SparseSource,
  columns: Int32Array | undefined,
  visit: (
    column: number,
    at: number,
    block: { indices: Int32Array; data: Float32Array | Float64Array },
  ) => void,
  indicesOnly: boolean,
): void {
  const { indptr } = src;
  const nCols = columns?.length ?? src.shape[1];
  const col = (c: number) => (columns === undefined ? c : columns[c]);
  let c = 0;
  while (c < nCols) {
    // Consecutive stored columns go in one read; a selection reads each selected column on its own range.
    let end = c + 1;
    if (columns === undefined) while (end < nCols && indptr[end + 1] - indptr[c] <= READ_ELEMENTS) end++;
    const block = indicesOnly
      ? { indices: src.readMajorIndices(col(c), col(end - 1) + 1), data: EMPTY }
      : src.readMajor(col(c), col(end - 1) + 1);
    const base = indptr[col(c)];
    for (let k = c; k < end; k++) visit(k, indptr[col(k)] - base, block);
    c = end;
  }
}

/**
 * Rows `[first, last)` of a CSC matrix as CSR blocks of `chunkSize` rows, within a memory bound: a first
 * pass reads only `indices` to count the entries of each row; then the rows are grouped into spans of at
 * most `maxElements` stored entries (at least one chunk each), and for each span the matrix is read once,
 * column block by column block, keeping the entries of the span's rows (a counting sort into CSR, so each
 * row's columns come out in increasing order). Cost: one read of `indices` plus one read of the whole
 * matrix per span, i.e. `1 + ceil(nnz / maxElements)` passes when the rows are evenly filled; memory: about
 * `maxElements` x 12 bytes plus one read block.
 */
export function* cscRowBlocks(
  src: SparseSource,
  columns: Int32Array | undefined,
  first: number,
  last: number,
  chunkSize: number,
  maxElements: number,
): Generator<CscRowBlock> {
  const rowCounts = new Float64Array(last - first);
  forColumnBlocks(
    src,
    columns,
    (c, at, block) => {
      const column = columns === undefined ? c : columns[c];
      const n = src.indptr[column + 1] - src.indptr[column];
      for (let k = at; k < at + n; k++) {
        const r = block.indices[k];
        if (r >= first && r < last) rowCounts[r - first]++;
      }
    },
    true,
  );
  let spanStart = first;
  while (spanStart < last) {
    // A span: whole chunks of rows while they fit in maxElements (at least one chunk).
    let spanEnd = Math.min(last, spanStart + chunkSize);
    let total = sum(rowCounts, spanStart - first, spanEnd - first);
    while (spanEnd < last) {
      const next = Math.min(last, spanEnd + chunkSize);
      const more = sum(rowCounts, spanEnd - first, next - first);
      if (total + more > maxElements) break;
      total += more;
      spanEnd = next;
    }
    const nRows = spanEnd - spanStart;
    const indptr = new Float64Array(nRows + 1);
    for (let r = 0; r < nRows; r++) indptr[r + 1] = indptr[r] + rowCounts[spanStart - first + r];
    const fill = indptr.slice(0, nRows);
    const indices = new Int32Array(total);
    const out: { data: Float32Array | Float64Array | null } = { data: null };
    forColumnBlocks(
      src,
      columns,
      (c, at, block) => {
        out.data ??= block.data instanceof Float32Array ? new Float32Array(total) : new Float64Array(total);
        const data = out.data;
        const column = columns === undefined ? c : columns[c];
        const n = src.indptr[column + 1] - src.indptr[column];
        for (let k = at; k < at + n; k++) {
          const r = block.indices[k];
          if (r < spanStart || r >= spanEnd) continue;
          const w = fill[r - spanStart]++;
          indices[w] = c;
          data[w] = block.data[k];
        }
      },
      false,
    );
    const values = out.data ?? new Float64Array(0);
    for (let start = spanStart; start < spanEnd; start += chunkSize) {
      const end = Math.min(spanEnd, start + chunkSize);
      const from = indptr[start - spanStart];
      const to = indptr[end - spanStart];
      const ptr = indptr.slice(start - spanStart, end - spanStart + 1);
      for (let r = 0; r < ptr.length; r++) ptr[r] -= from;
      yield { start, end, indptr: ptr, indices: indices.slice(from, to), data: values.slice(from, to) };
    }
    spanStart = spanEnd;
  }
}

function sum(values: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += values[i];
  return s;
}
