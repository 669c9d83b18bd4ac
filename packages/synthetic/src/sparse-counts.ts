import { type RandomSource, toRng } from '@tace/core';

/** Options of {@link sparseCountBlocks}. */
export interface SparseCountOptions {
  /** Number of cells (rows). */
  cells: number;
  /** Number of genes (columns). */
  genes: number;
  /** Gene draws per cell (repeats collapse, so a cell has at most this many non-zeros). @default 2000 */
  perCell?: number;
  /** Cells per yielded block. @default 1000 */
  blockSize?: number;
  /** Genes below this index are 4 times as highly expressed (housekeeping genes). @default 2000 */
  highGenes?: number;
  /** A seed or an {@link Rng} (pass one to continue a stream). @default 1 */
  seed?: RandomSource;
}

/** One block of cells of a CSR count matrix. */
export interface SparseCountBlock {
  /** Index of the block's first cell. */
  start: number;
  /** Row pointers of the block, from 0 (length = cells in block + 1). */
  indptr: Int32Array;
  /** Gene index of each non-zero, increasing within a cell. */
  indices: Int32Array;
  /** Counts (>= 1). */
  data: Float32Array;
}

/**
 * Large synthetic single-cell counts (cells x genes, CSR) for benchmarks, yielded block by block so memory
 * stays bounded: per cell a library depth U(0.5, 2); `perCell` gene draws skewed towards low indices
 * (`floor(genes u^2)`, so low indices act as common genes); per drawn gene a count
 * `1 + floor(Exp(1) x depth x (4 if index < highGenes else 1))`. No biology: use
 * {@link syntheticSingleCell} for cell types and programs.
 *
 * @example
 * ```ts
 * for (const block of sparseCountBlocks({ cells: 20_000, genes: 20_000, seed: 20261126 })) {
 *   // append block.indices / block.data to the file's datasets
 * }
 * ```
 */
export function* sparseCountBlocks(options: SparseCountOptions): Generator<SparseCountBlock> {
  const rng = toRng(options.seed ?? 1);
  const { cells, genes } = options;
  const perCell = options.perCell ?? 2000;
  const blockSize = options.blockSize ?? 1000;
  const highGenes = options.highGenes ?? 2000;
  const mark = new Uint8Array(genes);
  for (let c0 = 0; c0 < cells; c0 += blockSize) {
    const end = Math.min(cells, c0 + blockSize);
    const indptr = new Int32Array(end - c0 + 1);
    const idx: number[] = [];
    const val: number[] = [];
    for (let c = c0; c < end; c++) {
      const depth = 0.5 + 1.5 * rng.nextFloat();
      const chosen: number[] = [];
      for (let t = 0; t < perCell; t++) {
        const j = Math.floor(genes * rng.nextFloat() ** 2);
        if (mark[j] === 0) {
          mark[j] = 1;
          chosen.push(j);
        }
      }
      chosen.sort((a, b) => a - b);
      for (const j of chosen) {
        mark[j] = 0;
        idx.push(j);
        val.push(1 + Math.floor(-Math.log(1 - rng.nextFloat()) * depth * (j < highGenes ? 4 : 1)));
      }
      indptr[c - c0 + 1] = idx.length;
    }
    yield { start: c0, indptr, indices: Int32Array.from(idx), data: Float32Array.from(val) };
  }
}
