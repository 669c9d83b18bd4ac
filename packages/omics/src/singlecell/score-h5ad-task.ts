import { iterateRows } from '../h5ad/iterate-rows.js';
import { sortRow } from '../h5ad/read-matrix.js';
import type { SparseMatrix } from '../h5ad/types.js';
import {
  detectExpressionScale,
  type Log1pMemo,
  log1pMemo,
  normalizedLog1p,
  notCountsMessage,
} from './normalize.js';

/** Counts per 10k, as scanpy `normalize_total(target_sum=1e4)`. */
const TARGET_SUM = 1e4;

/** What both passes of scoreH5ad's scoreGenes share (copied once into each worker). */
export interface PassContext {
  path: string;
  matrix?: string;
  chunkSize?: number;
  normalize?: boolean;
}

/** Pass 1 over the cells `rows` (all when undefined): per-gene float64 sums in storage order, NaN counts, library sizes. */
export interface MeansPart {
  sums: Float64Array | null;
  nans: Float64Array | null;
  /** Library sizes of the cells of the part (normalize only). */
  libraries: Float64Array | null;
  varNames: readonly string[];
  nObs: number;
  /** The first normalisation warning, if any. */
  warning?: string;
}

/** The library-size divisor of a cell (scanpy: `counts_per_cell / target_sum`; 1 for an empty cell). */
function divisorOf(total: number): number {
  return total > 0 ? total / TARGET_SUM : 1;
}

/**
 * Pass 1 of scoreH5ad's scoreGenes over `[start, end)` of the cells (the whole file when `rows` is undefined),
 * in one loop per chunk over the stored non-zeros: library size of each cell, then (with `normalize`)
 * `log1p` of counts per 10k, added to the gene's float64 sum in storage order (the values and order of
 * `normalizeTotal` on the chunk followed by column sums). Nothing is written back into the chunk.
 */
export async function meansPass(
  rows: readonly [number, number] | undefined,
  context: PassContext,
  onChunk?: (done: number, total: number) => void,
): Promise<MeansPart> {
  const out: MeansPart = { sums: null, nans: null, libraries: null, varNames: [], nObs: 0 };
  const first = rows?.[0] ?? 0;
  let memo: Log1pMemo | null = null;
  for await (const chunk of iterateRows(context.path, { ...chunkOptions(context), rows })) {
    const X = chunk.X;
    out.varNames = chunk.varNames;
    out.nObs = chunk.nObs;
    out.sums ??= new Float64Array(X.shape[1]);
    out.nans ??= new Float64Array(X.shape[1]);
    if (context.normalize) {
      out.libraries ??= new Float64Array((rows?.[1] ?? chunk.nObs) - first);
      memo ??= log1pMemo(X.data instanceof Float32Array);
      const scale = detectExpressionScale(X);
      if (scale !== 'counts') out.warning ??= notCountsMessage(scale);
    }
    accumulateGeneSums(X, chunk.start, chunk.start - first, out, memo);
    onChunk?.(chunk.end, chunk.nObs);
  }
  return out;
}

/** Adds one CSR chunk (cells from `cell0`) to the gene sums; with a memo, normalises each cell first. */
function accumulateGeneSums(
  X: SparseMatrix,
  cell0: number,
  libraryOffset: number,
  out: MeansPart,
  memo: Log1pMemo | null,
): void {
  const { indptr, indices, data } = X;
  const sums = out.sums!;
  const nans = out.nans!;
  const libraries = out.libraries;
  for (let r = 0; r < X.shape[0]; r++) {
    const from = indptr[r];
    const to = indptr[r + 1];
    if (memo === null || libraries === null) {
      for (let k = from; k < to; k++) {
        const v = data[k];
        if (Number.isNaN(v)) nans[indices[k]]++;
        else sums[indices[k]] += v;
      }
      continue;
    }
    let total = 0;
    for (let k = from; k < to; k++) total += data[k];
    libraries[libraryOffset + r] = total;
    const d = divisorOf(total);
    const cell = cell0 + r;
    for (let k = from; k < to; k++) {
      const v = normalizedLog1p(memo, cell, data[k], d);
      if (Number.isNaN(v)) nans[indices[k]]++;
      else sums[indices[k]] += v;
    }
  }
}

/** The gene sets of pass 2: each set's genes and control genes as column indices of the whole matrix. */
export interface ScoresContext extends PassContext {
  selections: { name: string; genes: Int32Array; controls: Int32Array }[];
}

/** One part of pass 2: the cells `[start, end)` and, with `normalize`, their library sizes from pass 1. */
export interface ScoresItem {
  rows?: readonly [number, number];
  libraries: Float64Array | null;
}

/**
 * Which sums each gene adds to: slot `2s` is the genes of set `s`, slot `2s + 1` its controls; the slots of
 * gene `j` are `slots[start[j] .. start[j + 1])`.
 */
interface Membership {
  start: Int32Array;
  slots: Int32Array;
  /** Genes per slot (the divisor of a mean before NaNs are left out). */
  sizes: Float64Array;
  /** 1 for a gene of some slot. */
  member: Uint8Array;
}

function membershipOf(selections: ScoresContext['selections'], nGenes: number): Membership {
  const start = new Int32Array(nGenes + 1);
  const lists = selections.flatMap((s) => [s.genes, s.controls]);
  for (const list of lists) for (const j of list) start[j + 1]++;
  for (let j = 0; j < nGenes; j++) start[j + 1] += start[j];
  const next = start.slice(0, nGenes);
  const slots = new Int32Array(start[nGenes]);
  lists.forEach((list, slot) => {
    for (const j of list) slots[next[j]++] = slot;
  });
  const member = new Uint8Array(nGenes);
  for (let j = 0; j < nGenes; j++) member[j] = start[j + 1] > start[j] ? 1 : 0;
  return { start, slots, sizes: Float64Array.from(lists, (l) => l.length), member };
}

/** One cell's entries of set and control genes: columns and (normalised) values. */
interface RowScratch {
  columns: Int32Array;
  values: Float64Array;
}

/**
 * Gathers the entries `[from, to)` of one cell whose gene is a member of some set into `row`, normalised when
 * `memo` is given, in column order (sorted, stably, when the file's row is not); returns how many.
 */
function gatherRow(
  indices: Int32Array,
  data: Float32Array | Float64Array,
  from: number,
  to: number,
  member: Uint8Array,
  memo: Log1pMemo | null,
  cell: number,
  d: number,
  row: RowScratch,
): number {
  const { columns, values } = row;
  let n = 0;
  let sorted = true;
  for (let k = from; k < to; k++) {
    const j = indices[k];
    if (member[j] === 0) continue;
    if (n > 0 && j < columns[n - 1]) sorted = false;
    columns[n] = j;
    values[n++] = memo === null ? data[k] : normalizedLog1p(memo, cell, data[k], d);
  }
  if (!sorted) sortRow(columns, values, 0, n);
  return n;
}

/** Adds the gathered entries of one cell to the sums (and NaN counts) of the slots their genes belong to. */
function sumSlots(
  row: RowScratch,
  n: number,
  membership: Membership,
  sums: Float64Array,
  nans: Float64Array,
) {
  const { start, slots } = membership;
  const { columns, values } = row;
  sums.fill(0);
  nans.fill(0);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const j = columns[i];
    for (let m = start[j]; m < start[j + 1]; m++) {
      if (Number.isNaN(v)) nans[slots[m]]++;
      else sums[slots[m]] += v;
    }
  }
}

/**
 * Pass 2 of scoreH5ad's scoreGenes: per cell, the mean over each set's genes minus the mean over its
 * controls. Each chunk is walked once: the entries of set and control genes are gathered (normalised with
 * the library sizes of pass 1), put in column order when the file's row is not, and summed per set in
 * float64, the order and values of `rowMeansOver` on the selected, normalised columns.
 */
export async function scoresPass(
  item: ScoresItem,
  context: ScoresContext,
  onChunk?: (done: number, total: number) => void,
): Promise<Record<string, Float64Array>> {
  const first = item.rows?.[0] ?? 0;
  const nSets = context.selections.length;
  const nSlots = 2 * nSets;
  const sums = new Float64Array(nSlots);
  const nans = new Float64Array(nSlots);
  let scores: Float64Array[] | null = null;
  let membership: Membership | null = null;
  let memo: Log1pMemo | null = null;
  const row: RowScratch = { columns: new Int32Array(1024), values: new Float64Array(1024) };
  for await (const chunk of iterateRows(context.path, { ...chunkOptions(context), rows: item.rows })) {
    const { indptr, indices, data } = chunk.X;
    scores ??= context.selections.map(() => new Float64Array((item.rows?.[1] ?? chunk.nObs) - first));
    membership ??= membershipOf(context.selections, chunk.X.shape[1]);
    if (context.normalize === true && item.libraries !== null)
      memo ??= log1pMemo(data instanceof Float32Array);
    for (let r = 0; r < chunk.X.shape[0]; r++) {
      const from = indptr[r];
      const to = indptr[r + 1];
      if (to - from > row.columns.length) {
        row.columns = new Int32Array(to - from);
        row.values = new Float64Array(to - from);
      }
      const cell = chunk.start + r;
      const d = memo === null ? 0 : divisorOf(item.libraries![cell - first]);
      const n = gatherRow(indices, data, from, to, membership.member, memo, cell, d, row);
      sumSlots(row, n, membership, sums, nans);
      for (let s = 0; s < nSets; s++) {
        const g = membership.sizes[2 * s] - nans[2 * s];
        const c = membership.sizes[2 * s + 1] - nans[2 * s + 1];
        scores[s][cell - first] = (g === 0 ? NaN : sums[2 * s] / g) - (c === 0 ? NaN : sums[2 * s + 1] / c);
      }
    }
    onChunk?.(chunk.end, chunk.nObs);
  }
  return Object.fromEntries(context.selections.map((s, i) => [s.name, scores?.[i] ?? new Float64Array(0)]));
}

function chunkOptions(context: PassContext): { chunkSize?: number; matrix?: string } {
  return { chunkSize: context.chunkSize, matrix: context.matrix };
}

/** Worker entry of pass 1 (parallelMap task). */
export function meansTask(rows: [number, number], _index: number, context: PassContext): Promise<MeansPart> {
  return meansPass(rows, context);
}

/** Worker entry of pass 2 (parallelMap task). */
export function scoresTask(
  item: ScoresItem,
  _index: number,
  context: ScoresContext,
): Promise<Record<string, Float64Array>> {
  return scoresPass(item, context);
}
