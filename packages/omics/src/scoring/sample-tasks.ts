// Per-sample and per-gene kernels of scoreGeneSets over index ranges: the sequential path calls them on the
// whole range, scoreGeneSetsParallel on blocks inside core parallelMap workers (exports *Task).
import { gsvaSample, gsvaScratch } from './gsva.js';
import { geneDensity } from './kernel-cdf.js';
import { orderScratch } from './order.js';
import { singscoreSample } from './rank-scores.js';
import { ssgseaSample, ssgseaScratch } from './ssgsea.js';
import type { KernelCdf } from './types.js';

/** What a block of samples needs: the (column-major) values, the mapped sets and the method's options. */
export interface SampleBlockContext {
  method: 'ssgsea' | 'gsva' | 'singscore';
  /** Expression (ssgsea, singscore) or GSVA kernel densities (gsva), column-major, nGenes rows. */
  values: Float64Array;
  nGenes: number;
  sets: Int32Array[];
  tau: number;
  maxDiff: boolean;
  absRanking: boolean;
}

/** Scores of every set in samples from..to-1, column-major (nSets per sample). */
export function scoreSampleRange(ctx: SampleBlockContext, from: number, to: number): Float64Array {
  const { nGenes, sets } = ctx;
  const nSets = sets.length;
  const out = new Float64Array(nSets * (to - from));
  const column = (s: number) => ctx.values.subarray(s * nGenes, (s + 1) * nGenes);
  if (ctx.method === 'ssgsea') {
    const scratch = ssgseaScratch(nGenes, ctx.tau);
    for (let s = from; s < to; s++) ssgseaSample(column(s), sets, out, (s - from) * nSets, scratch);
  } else if (ctx.method === 'gsva') {
    const scratch = gsvaScratch(nGenes);
    const walk = { tau: ctx.tau, maxDiff: ctx.maxDiff, absRanking: ctx.absRanking };
    for (let s = from; s < to; s++) gsvaSample(column(s), sets, walk, out, (s - from) * nSets, scratch);
  } else {
    const sort = orderScratch(nGenes);
    for (let s = from; s < to; s++) singscoreSample(column(s), sets, out, (s - from) * nSets, sort);
  }
  return out;
}

/** What a block of genes needs for the GSVA kernel step (besides the genes' rows). */
export interface DensityBlockContext {
  nSamples: number;
  kcdf: KernelCdf;
}

/** Rows (one per gene, nSamples values each, row-major) of genes from..to-1 of a column-major matrix. */
export function geneRows(
  values: Float64Array,
  nGenes: number,
  nSamples: number,
  from: number,
  to: number,
): Float64Array {
  const rows = new Float64Array((to - from) * nSamples);
  for (let s = 0; s < nSamples; s++) {
    const base = s * nGenes;
    for (let g = from; g < to; g++) rows[(g - from) * nSamples + s] = values[base + g];
  }
  return rows;
}

/** GSVA kernel densities of a row-major block of genes, same layout. */
export function densityRows(rows: Float64Array, ctx: DensityBlockContext): Float64Array {
  const { nSamples, kcdf } = ctx;
  const out = new Float64Array(rows.length);
  for (let g = 0; g < rows.length / nSamples; g++) {
    const at = g * nSamples;
    geneDensity(rows.subarray(at, at + nSamples), kcdf, out.subarray(at, at + nSamples));
  }
  return out;
}

/** Writes a row-major density block for genes from.. into a column-major density matrix. */
export function placeDensityBlock(
  density: Float64Array,
  block: Float64Array,
  from: number,
  nGenes: number,
  nSamples: number,
): void {
  const rows = block.length / nSamples;
  for (let g = 0; g < rows; g++) {
    for (let s = 0; s < nSamples; s++) density[s * nGenes + from + g] = block[g * nSamples + s];
  }
}

/**
 * parallelMap task: scores of a block of samples; the item is the block's columns (column-major), so each
 * worker receives only its own samples.
 */
export function sampleBlockTask(
  columns: Float64Array,
  _index: number,
  ctx: Omit<SampleBlockContext, 'values'>,
): Float64Array {
  return scoreSampleRange({ ...ctx, values: columns }, 0, columns.length / ctx.nGenes);
}

/** parallelMap task: GSVA kernel densities of a block of genes given as rows. */
export function densityBlockTask(rows: Float64Array, _index: number, ctx: DensityBlockContext): Float64Array {
  return densityRows(rows, ctx);
}
