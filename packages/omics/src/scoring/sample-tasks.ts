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

/** What a block of genes needs for the GSVA kernel step. */
export interface DensityBlockContext {
  values: Float64Array;
  nGenes: number;
  nSamples: number;
  kcdf: KernelCdf;
}

/** GSVA kernel densities of genes from..to-1, one row of nSamples per gene (row-major block). */
export function densityRange(ctx: DensityBlockContext, from: number, to: number): Float64Array {
  const { values, nGenes, nSamples, kcdf } = ctx;
  const out = new Float64Array((to - from) * nSamples);
  const row = new Float64Array(nSamples);
  for (let g = from; g < to; g++) {
    for (let s = 0; s < nSamples; s++) row[s] = values[s * nGenes + g];
    geneDensity(row, kcdf, out.subarray((g - from) * nSamples, (g - from + 1) * nSamples));
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

/** parallelMap task: scores of the samples in `[from, to)`. */
export function sampleBlockTask(
  range: [number, number],
  _index: number,
  ctx: SampleBlockContext,
): Float64Array {
  return scoreSampleRange(ctx, range[0], range[1]);
}

/** parallelMap task: densities of the genes in `[from, to)`. */
export function densityBlockTask(
  range: [number, number],
  _index: number,
  ctx: DensityBlockContext,
): Float64Array {
  return densityRange(ctx, range[0], range[1]);
}
