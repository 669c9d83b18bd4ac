import { iterateRows } from '../h5ad/iterate-rows.js';
import type { SparseMatrix } from '../h5ad/types.js';
import { rowMeansOver } from './matrix.js';
import { normalizeTotal, rowTotals } from './normalize.js';

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

/** Pass 1 of scoreH5ad's scoreGenes over `[start, end)` of the cells (the whole file when `rows` is undefined). */
export async function meansPass(
  rows: readonly [number, number] | undefined,
  context: PassContext,
  onChunk?: (done: number, total: number) => void,
): Promise<MeansPart> {
  const out: MeansPart = { sums: null, nans: null, libraries: null, varNames: [], nObs: 0 };
  const first = rows?.[0] ?? 0;
  for await (const chunk of iterateRows(context.path, { ...chunkOptions(context), rows })) {
    let X = chunk.X;
    if (context.normalize) {
      const totals = rowTotals(X);
      out.libraries ??= new Float64Array((rows?.[1] ?? chunk.nObs) - first);
      out.libraries.set(totals, chunk.start - first);
      X = normalizeTotal(X, {
        inPlace: true,
        totals,
        onWarning: (m) => {
          out.warning ??= m;
        },
      }) as SparseMatrix;
    }
    out.varNames = chunk.varNames;
    out.nObs = chunk.nObs;
    out.sums ??= new Float64Array(X.shape[1]);
    out.nans ??= new Float64Array(X.shape[1]);
    const { sums, nans } = out;
    const { indices, data } = X;
    for (let k = 0; k < indices.length; k++) {
      const v = data[k];
      if (Number.isNaN(v)) nans[indices[k]]++;
      else sums[indices[k]] += v;
    }
    onChunk?.(chunk.end, chunk.nObs);
  }
  return out;
}

/** Genes read in pass 2 and each set's gene and control positions among them. */
export interface ScoresContext extends PassContext {
  genes: string[];
  selections: { name: string; genes: Int32Array; controls: Int32Array }[];
}

/** One part of pass 2: the cells `[start, end)` and, with `normalize`, their library sizes from pass 1. */
export interface ScoresItem {
  rows?: readonly [number, number];
  libraries: Float64Array | null;
}

/** Pass 2 of scoreH5ad's scoreGenes: mean over each set's genes minus mean over its controls, per cell. */
export async function scoresPass(
  item: ScoresItem,
  context: ScoresContext,
  onChunk?: (done: number, total: number) => void,
): Promise<Record<string, Float64Array>> {
  const parts: Record<string, Float64Array[]> = Object.fromEntries(
    context.selections.map((s) => [s.name, []]),
  );
  const first = item.rows?.[0] ?? 0;
  for await (const chunk of iterateRows(context.path, {
    ...chunkOptions(context),
    rows: item.rows,
    genes: context.genes,
  })) {
    const X = chunk.X;
    if (context.normalize && item.libraries !== null) {
      const totals = item.libraries.subarray(chunk.start - first, chunk.end - first);
      normalizeTotal(X, { inPlace: true, totals, onWarning: () => {} });
    }
    for (const { name, genes, controls } of context.selections) {
      const s = rowMeansOver(X, genes);
      const c = rowMeansOver(X, controls);
      for (let i = 0; i < s.length; i++) s[i] -= c[i];
      parts[name].push(s);
    }
    onChunk?.(chunk.end, chunk.nObs);
  }
  const scores: Record<string, Float64Array> = {};
  for (const [name, list] of Object.entries(parts)) {
    const out = new Float64Array(list.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of list) {
      out.set(p, offset);
      offset += p.length;
    }
    scores[name] = out;
  }
  return scores;
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
