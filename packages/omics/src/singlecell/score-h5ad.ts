import {
  assertInteger,
  type ProgressCallback,
  parallelMap,
  type RandomSource,
  reportProgress,
  TaceError,
  toRng,
} from '@tace/core';
import { iterateRows, matrixRows } from '../h5ad/iterate-rows.js';
import type { SparseMatrix } from '../h5ad/types.js';
import { aucell } from './aucell.js';
import { normalizeTotal } from './normalize.js';
import { type ScoreGenesOptions, selectControlGenes } from './score-genes.js';
import {
  type MeansPart,
  meansPass,
  type PassContext,
  type ScoresContext,
  type ScoresItem,
  scoresPass,
} from './score-h5ad-task.js';
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
  /**
   * Worker threads for scoreGenes, each reading its own share of the cells (its own HDF5 handle). With more
   * than one, gene means are summed per share and then added, so they may differ from one thread's in the
   * last bit. AUCell and UCell run in this thread. @default 1
   */
  threads?: number;
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
    const threads = options.threads ?? 1;
    assertInteger(threads, 'threads', 1);
    const context: PassContext = {
      path,
      matrix: options.matrix,
      chunkSize: options.chunkSize,
      normalize: options.normalize,
    };
    const moduleUrl = new URL(
      import.meta.url.endsWith('.ts') ? './score-h5ad-task.ts' : './score-h5ad-task.js',
      import.meta.url,
    );
    // Cell ranges of the workers (one contiguous share each), or the whole file in this thread.
    let ranges: [number, number][] | null = null;
    if (threads > 1) {
      const n = await matrixRows(path, options.matrix);
      const share = Math.ceil(n / threads);
      ranges = [];
      for (let s = 0; s < n; s += share) ranges.push([s, Math.min(n, s + share)]);
    }
    // Pass 1: per-gene means over all cells, summed in float64 in storage order (as the whole-matrix path;
    // with threads, per share, then the shares in order).
    const means1: MeansPart[] =
      ranges === null || ranges.length < 2
        ? [
            await meansPass(undefined, context, (done, total) =>
              reportProgress(options.onProgress, { done, total, label: 'gene means (pass 1 of 2)' }),
            ),
          ]
        : await parallelMap<[number, number], MeansPart>(ranges, {
            module: moduleUrl,
            exportName: 'meansTask',
            threads,
            context,
            label: 'gene means (pass 1 of 2)',
          });
    const firstPart = means1.find((p) => p.sums !== null);
    if (firstPart === undefined) throw new TaceError('EMPTY_INPUT', `${path} has no cells`, { param: path });
    const warning = means1.find((p) => p.warning !== undefined)?.warning;
    if (warning !== undefined) warnOnce(warning);
    const varNames = firstPart.varNames;
    nObs = firstPart.nObs;
    const sums = new Float64Array(varNames.length);
    const counts = new Float64Array(varNames.length).fill(nObs);
    for (const p of means1) {
      if (p.sums === null || p.nans === null) continue;
      for (let j = 0; j < sums.length; j++) {
        sums[j] += p.sums[j];
        counts[j] -= p.nans[j];
      }
    }
    const means = sums.map((s, j) => (counts[j] === 0 ? Number.NaN : s / counts[j]));
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
    // Pass 2: per cell, the sums over the genes of the sets and their controls (with normalisation, scaled by
    // the library sizes of pass 1).
    const scoresContext: ScoresContext = {
      ...context,
      selections: selections.map(({ name, sel }) => ({ name, genes: sel.genes, controls: sel.controls })),
    };
    const items: ScoresItem[] = means1.map((p, i) => ({
      rows: ranges?.[i],
      libraries: p.libraries,
    }));
    const scored =
      items.length < 2
        ? [
            await scoresPass(items[0], scoresContext, (done, total) =>
              reportProgress(options.onProgress, { done, total, label: 'scores (pass 2 of 2)' }),
            ),
          ]
        : await parallelMap<ScoresItem, Record<string, Float64Array>>(items, {
            module: moduleUrl,
            exportName: 'scoresTask',
            threads,
            context: scoresContext,
            label: 'scores (pass 2 of 2)',
          });
    for (const part of scored) for (const [name, s] of Object.entries(part)) parts[name].push(s);
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
