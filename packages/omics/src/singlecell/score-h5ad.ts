import { type ProgressCallback, type RandomSource, reportProgress, TaceError, toRng } from '@tace/core';
import { iterateRows } from '../h5ad/iterate-rows.js';
import type { SparseMatrix } from '../h5ad/types.js';
import { aucell } from './aucell.js';
import { rowMeansOver } from './matrix.js';
import { normalizeTotal, rowTotals } from './normalize.js';
import { type ScoreGenesOptions, selectControlGenes } from './score-genes.js';
import { ucell } from './ucell.js';

/** Options of {@link scoreH5ad}. */
export interface ScoreH5adOptions {
  /** `'scoreGenes'` (scanpy), `'aucell'` or `'ucell'`. @default 'scoreGenes' */
  method?: 'scoreGenes' | 'aucell' | 'ucell';
  /** Matrix to score: `'X'`, `'raw'` or `'layers/<name>'`. @default 'X' */
  matrix?: string;
  /** Cells per chunk (memory bound). @default 5000 */
  chunkSize?: number;
  /** Apply {@link normalizeTotal} (counts per 10k + log1p) to each chunk first, for raw counts. @default false */
  normalize?: boolean;
  /** Options of scoreGenes (`ctrlSize`, `nBins`, `randomState`, ...). */
  scoreGenes?: ScoreGenesOptions;
  /** AUCell `aucMaxRank`. @default ceil(0.05 * genes) */
  aucMaxRank?: number;
  /** UCell `maxRank`. @default 1500 */
  maxRank?: number;
  /** Seed or generator for AUCell's tie breaking. @default 1 */
  random?: RandomSource;
  /** Called after each chunk with cells done (label names the pass). @default none */
  onProgress?: ProgressCallback;
  /** Receives normalisation warnings (once per file). @default console.warn */
  onWarning?: (message: string) => void;
}

/** Result of {@link scoreH5ad}. */
export interface ScoreH5adResult {
  /** Gene-set name -> one score per cell, in file order. */
  scores: Record<string, Float64Array>;
  /** Gene-set name -> genes not found in the matrix. */
  missingGenes: Record<string, string[]>;
  /** Number of cells scored. */
  nObs: number;
}

/**
 * Scores gene sets for every cell of an h5ad file without loading the matrix: cells are read in chunks
 * ({@link iterateRows}), optionally normalised, and scored. AUCell and UCell need one pass; scoreGenes
 * needs two (gene means over all cells to choose control genes, then only the set and control genes are
 * read), and gives the same numbers as {@link scoreGenes} on the whole matrix.
 *
 * @throws {TaceError} as {@link iterateRows} and the scoring functions.
 * @example
 * ```ts
 * const { scores } = await scoreH5ad('atlas.h5ad', { hypoxia: HYPOXIA }, { method: 'ucell', normalize: true });
 * ```
 */
export async function scoreH5ad(
  path: string,
  geneSets: Readonly<Record<string, readonly string[]>>,
  options: ScoreH5adOptions = {},
): Promise<ScoreH5adResult> {
  const method = options.method ?? 'scoreGenes';
  let warned = false;
  const warnOnce = (message: string) => {
    if (!warned) (options.onWarning ?? console.warn)(message);
    warned = true;
  };
  const base = { chunkSize: options.chunkSize, matrix: options.matrix };
  const prepare = (X: SparseMatrix): SparseMatrix => {
    if (options.normalize) normalizeTotal(X, { inPlace: true, onWarning: warnOnce });
    return X;
  };
  const parts: Record<string, Float64Array[]> = Object.fromEntries(Object.keys(geneSets).map((n) => [n, []]));
  let missingGenes: Record<string, string[]> = {};
  let nObs = 0;
  if (method === 'aucell' || method === 'ucell') {
    const rng = toRng(options.random ?? 1);
    for await (const chunk of iterateRows(path, base)) {
      const X = prepare(chunk.X);
      const r =
        method === 'aucell'
          ? aucell(X, chunk.varNames, geneSets, {
              aucMaxRank: options.aucMaxRank ?? Math.ceil(0.05 * X.shape[1]),
              random: rng,
            })
          : ucell(X, chunk.varNames, geneSets, { maxRank: options.maxRank });
      missingGenes = r.missingGenes;
      nObs = chunk.nObs;
      for (const [name, s] of Object.entries(r.scores)) parts[name].push(s);
      reportProgress(options.onProgress, { done: chunk.end, total: chunk.nObs, label: `${method} cells` });
    }
  } else if (method === 'scoreGenes') {
    // Pass 1: per-gene means over all cells, summed in float64 in storage order (as the whole-matrix path).
    let sums: Float64Array | null = null;
    let counts: Float64Array | null = null;
    let varNames: readonly string[] = [];
    // Library sizes of every cell, kept for pass 2 (which reads only some genes): 8 bytes a cell.
    let libraries: Float64Array | null = null;
    for await (const chunk of iterateRows(path, base)) {
      let X = chunk.X;
      if (options.normalize) {
        const totals = rowTotals(X);
        libraries ??= new Float64Array(chunk.nObs);
        libraries.set(totals, chunk.start);
        X = normalizeTotal(X, { inPlace: true, totals, onWarning: warnOnce }) as SparseMatrix;
      }
      varNames = chunk.varNames;
      nObs = chunk.nObs;
      sums ??= new Float64Array(X.shape[1]);
      counts ??= new Float64Array(X.shape[1]).fill(chunk.nObs);
      for (let k = 0; k < X.indices.length; k++) {
        const v = X.data[k];
        if (Number.isNaN(v)) counts[X.indices[k]]--;
        else sums[X.indices[k]] += v;
      }
      reportProgress(options.onProgress, {
        done: chunk.end,
        total: chunk.nObs,
        label: 'gene means (pass 1 of 2)',
      });
    }
    if (sums === null || counts === null)
      throw new TaceError('EMPTY_INPUT', `${path} has no cells`, { param: path });
    const means = sums.map((s, j) => (counts![j] === 0 ? Number.NaN : s / counts![j]));
    const rng = options.scoreGenes?.randomState;
    const stream = typeof rng === 'object' ? rng : undefined;
    const selections = Object.entries(geneSets).map(([name, genes]) => {
      const sel = selectControlGenes(means, varNames, genes, {
        ...options.scoreGenes,
        randomState: stream ?? rng ?? 0,
      });
      missingGenes[name] = sel.missingGenes;
      return { name, sel };
    });
    // Pass 2: only the genes of the sets and their controls are read.
    const needed = [...new Set(selections.flatMap(({ sel }) => [...sel.genes, ...sel.controls]))].sort(
      (a, b) => a - b,
    );
    const local = new Map(needed.map((j, p) => [j, p]));
    const remap = (cols: Int32Array) => Int32Array.from(cols, (j) => local.get(j)!);
    // With normalisation, the library sizes of pass 1 (whole rows) scale the kept genes.
    const genes = needed.map((j) => varNames[j]);
    for await (const chunk of iterateRows(path, { ...base, genes })) {
      const X: SparseMatrix = chunk.X;
      if (options.normalize && libraries !== null) {
        const totals = libraries.subarray(chunk.start, chunk.end);
        normalizeTotal(X, { inPlace: true, totals, onWarning: () => {} });
      }
      for (const { name, sel } of selections) {
        const s = rowMeansOver(X, remap(sel.genes));
        const c = rowMeansOver(X, remap(sel.controls));
        for (let i = 0; i < s.length; i++) s[i] -= c[i];
        parts[name].push(s);
      }
      reportProgress(options.onProgress, {
        done: chunk.end,
        total: chunk.nObs,
        label: 'scores (pass 2 of 2)',
      });
    }
  } else {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `method must be 'scoreGenes', 'aucell' or 'ucell', but was '${method}'`,
      {
        param: 'method',
      },
    );
  }
  const scores: Record<string, Float64Array> = {};
  for (const name of Object.keys(geneSets)) {
    const out = new Float64Array(nObs);
    let offset = 0;
    for (const p of parts[name]) {
      out.set(p, offset);
      offset += p.length;
    }
    scores[name] = out;
  }
  return { scores, missingGenes, nObs };
}
