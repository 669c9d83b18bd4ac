import { assertFiniteNumber, TaceError } from '@tace/core';
import type { AnnDataMatrix } from '../h5ad/types.js';

/** Integer counts below this have their log1p memoised per cell in {@link normalizeTotal}. */
const MEMO_COUNTS = 1024;

/**
 * Per-cell memo of `log1p(count / divisor)` for small integer counts (counts repeat within a cell), holding
 * the values in the precision they are stored in (float32 data: rounded to float32, as an in-place
 * {@link normalizeTotal} stores them).
 */
export interface Log1pMemo {
  values: Float32Array | Float64Array;
  /** The cell each memo entry was computed for (-1: none). */
  cell: Float64Array;
  float32: boolean;
}

/** A fresh {@link Log1pMemo} for data of the given precision. */
export function log1pMemo(float32: boolean): Log1pMemo {
  return {
    values: float32 ? new Float32Array(MEMO_COUNTS) : new Float64Array(MEMO_COUNTS),
    cell: new Float64Array(MEMO_COUNTS).fill(-1),
    float32,
  };
}

/**
 * `log1p(v / d)` of the value `v` of `cell` whose library-size divisor is `d`, as {@link normalizeTotal}
 * computes and stores it (the same float64 operations, then the memo's precision); `cell` must identify
 * the divisor (a new cell number for a new divisor).
 */
export function normalizedLog1p(memo: Log1pMemo, cell: number, v: number, d: number): number {
  const c = v | 0;
  if (c === v && c >= 0 && c < MEMO_COUNTS) {
    if (memo.cell[c] !== cell) {
      memo.values[c] = Math.log1p(c / d);
      memo.cell[c] = cell;
    }
    return memo.values[c];
  }
  return memo.float32 ? Math.fround(Math.log1p(v / d)) : Math.log1p(v / d);
}

/** Options of {@link normalizeTotal}. */
export interface NormalizeTotalOptions {
  /** Total each cell is scaled to (scanpy `normalize_total(target_sum=...)`; 1e4 = counts per 10k). @default 10000 */
  targetSum?: number;
  /** Also apply `log1p` (natural log of 1 + x, scanpy `pp.log1p`) in the same pass. @default true */
  log1p?: boolean;
  /** Overwrite `X.data` instead of allocating a copy (bounded memory for large chunks). @default false */
  inPlace?: boolean;
  /**
   * Library size of each cell, when X holds only some genes of the cells (computed from the whole rows before
   * the genes were selected). @default the row sums of X
   */
  totals?: Float64Array;
  /** Receives the warning when X does not look like raw counts. @default console.warn */
  onWarning?: (message: string) => void;
}

/** What a matrix's values look like, from {@link detectExpressionScale}. */
export type ExpressionScale = 'counts' | 'log-normalized' | 'normalized' | 'scaled';

/**
 * Guesses how a matrix was processed from (up to 10^6 of) its stored values: negative values mean scaled
 * data; all non-negative integers mean raw counts; otherwise `log-normalized` when the maximum is below 30
 * (log1p of counts per 10k stays below ~12), else `normalized`.
 * @example detectExpressionScale(adata.X) // 'counts'
 */
export function detectExpressionScale(X: AnnDataMatrix): ExpressionScale {
  const data = X.data;
  const step = Math.max(1, Math.floor(data.length / 1e6));
  let integers = true;
  let max = 0;
  for (let k = 0; k < data.length; k += step) {
    const v = data[k];
    if (v < 0) return 'scaled';
    if (integers && v !== Math.floor(v)) integers = false;
    if (v > max) max = v;
  }
  if (integers) return 'counts';
  return max < 30 ? 'log-normalized' : 'normalized';
}

/** The warning of {@link normalizeTotal} for a matrix that does not look like raw counts. */
export function notCountsMessage(scale: ExpressionScale): string {
  return `normalizeTotal: X looks ${scale}, not raw counts; normalising it again distorts expression (use the counts layer or raw)`;
}

/**
 * Sum of each row's (cell's) stored values: the library sizes of a count matrix.
 * @example rowTotals({ format: 'dense', shape: [1, 2], data: Float64Array.of(1, 3) }) // Float64Array [4]
 */
export function rowTotals(X: AnnDataMatrix): Float64Array {
  const totals = new Float64Array(X.shape[0]);
  const data = X.data;
  if (X.format === 'csc') {
    for (let k = 0; k < data.length; k++) totals[X.indices[k]] += data[k];
    return totals;
  }
  for (let i = 0; i < X.shape[0]; i++) {
    const from = X.format === 'csr' ? X.indptr[i] : i * X.shape[1];
    const to = X.format === 'csr' ? X.indptr[i + 1] : (i + 1) * X.shape[1];
    let sum = 0;
    for (let k = from; k < to; k++) sum += data[k];
    totals[i] = sum;
  }
  return totals;
}

/**
 * Library-size normalisation: each cell (row) is scaled so its values sum to `targetSum`, then (by default)
 * `log1p`, as scanpy `pp.normalize_total(target_sum=1e4)` followed by `pp.log1p`. Cells with zero total are
 * left at zero. Totals are accumulated in float64; values are stored in the input's precision. Warns (once)
 * when X does not look like raw counts, since normalising twice is a common silent error.
 *
 * @returns a matrix of the same format and shape (the input itself when `inPlace`).
 * @throws {TaceError} `INVALID_ARGUMENT` when `targetSum` is not a positive finite number.
 * @example const logX = normalizeTotal(adata.X!, { targetSum: 1e4 });
 */
export function normalizeTotal(X: AnnDataMatrix, options: NormalizeTotalOptions = {}): AnnDataMatrix {
  const targetSum = options.targetSum ?? 1e4;
  assertFiniteNumber(targetSum, 'targetSum');
  if (targetSum <= 0)
    throw new TaceError('INVALID_ARGUMENT', `targetSum must be positive, but was ${targetSum}`, {
      param: 'targetSum',
    });
  const scale = detectExpressionScale(X);
  if (scale !== 'counts') (options.onWarning ?? console.warn)(notCountsMessage(scale));
  const totals = options.totals ?? rowTotals(X);
  if (totals.length !== X.shape[0])
    throw new TaceError('LENGTH_MISMATCH', `totals has ${totals.length} values for ${X.shape[0]} cells`, {
      param: 'totals',
    });
  const data = X.data;
  const out = options.inPlace ? data : data.slice();
  const log = options.log1p ?? true;
  // scanpy: counts_per_cell /= target_sum; X /= counts_per_cell
  const divisor = Float64Array.from(totals, (t) => (t > 0 ? t / targetSum : 1));
  if (X.format === 'csc') {
    for (let k = 0; k < data.length; k++) {
      const v = data[k] / divisor[X.indices[k]];
      out[k] = log ? Math.log1p(v) : v;
    }
  } else {
    // Counts repeat within a cell (mostly small integers): log1p(c / d) is computed once per distinct count
    // of a cell and looked up after (the same float64 operations, so the same values).
    const memo = log1pMemo(out instanceof Float32Array);
    for (let i = 0, k = 0; i < X.shape[0]; i++) {
      const to = X.format === 'csr' ? X.indptr[i + 1] : (i + 1) * X.shape[1];
      const d = divisor[i];
      if (!log) for (; k < to; k++) out[k] = data[k] / d;
      else for (; k < to; k++) out[k] = normalizedLog1p(memo, i, data[k], d);
    }
  }
  return { ...X, data: out } as AnnDataMatrix;
}
