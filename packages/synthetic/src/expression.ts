import { type DenseMatrix, type RandomSource, type Rng, randomNormal, toRng } from '@tace/core';

/** How a program (gene set) follows the samples' latent tumor aggressiveness. */
export interface ProgramEffect {
  /** Genes of the program. */
  genes: readonly string[];
  /** Log2 change per unit of aggressiveness, for responding genes (negative: down in aggressive tumors). */
  effect: number;
  /** Fraction of the program's genes that respond (one uniform draw per gene). @default 0.6 */
  responding?: number;
  /**
   * A fixed loading for every gene of the program (all respond, no random draws). By default each
   * responding gene draws its loading from U(0.3, 1).
   */
  loading?: number;
}

/**
 * Synthetic bulk expression: a genes x samples {@link DenseMatrix}, column-major (entry (g, s) is
 * `data[g + rows * s]`), with gene and sample names: an `@tace/omics` `ExpressionMatrix`.
 */
export interface SyntheticExpression extends DenseMatrix {
  genes: string[];
  samples: string[];
}

/** Options of {@link syntheticExpression}. */
export interface SyntheticExpressionOptions {
  /** A seed or an {@link Rng} (pass one Rng to continue a stream). @default 7 */
  seed?: RandomSource;
  /** Programs whose genes shift with aggressiveness; their genes come first, in order. @default [] */
  programs?: readonly ProgramEffect[];
  /** Background genes after the programs' genes: a count (named `BG0001`, ...) or their names. @default 600 */
  background?: number | readonly string[];
  /** Draws one gene's baseline mean. @default (rng) => 6 + 2 * randomNormal(rng) */
  baseline?: (rng: Rng) => number;
  /** Draws one gene x sample noise term. @default (rng) => 0.7 * randomNormal(rng) */
  noise?: (rng: Rng) => number;
  /** Clip values below 0 to 0 (log-scale expression is non-negative). @default true */
  nonNegative?: boolean;
  /** Round values to this many decimals (as a table written with fixed precision). @default no rounding */
  digits?: number;
}

/**
 * Synthetic bulk expression (log2 scale, TCGA-like) for the given samples: every gene has a baseline mean
 * (default N(6, 2^2)) and sample noise (default N(0, 0.7^2)); responding genes of each program shift by
 * `effect x loading x aggressiveness` (loading U(0.3, 1) unless fixed). Draws, in order: every gene's
 * baseline, the programs' loadings, then the noise sample by sample. Deterministic for a seed.
 *
 * @param samples - sample ids with the latent aggressiveness (default 0: no program shift).
 * @example
 * ```ts
 * const patients = syntheticClinicalCohort({ seed: 1 });
 * const bulk = syntheticExpression(patients, {
 *   seed: 7,
 *   programs: [{ genes: ['VEGFA', 'CA9', 'SLC2A1'], effect: 0.6 }],
 * });
 * bulk.rows === bulk.genes.length; // genes x samples, column-major
 * ```
 */
export function syntheticExpression(
  samples: readonly { id: string; aggressiveness?: number }[],
  options: SyntheticExpressionOptions = {},
): SyntheticExpression {
  const rng = toRng(options.seed ?? 7);
  const programs = options.programs ?? [];
  const drawBaseline = options.baseline ?? ((r: Rng) => 6 + 2 * randomNormal(r));
  const drawNoise = options.noise ?? ((r: Rng) => 0.7 * randomNormal(r));
  const nonNegative = options.nonNegative ?? true;
  const geneIndex = new Map<string, number>();
  for (const program of programs)
    for (const g of program.genes) if (!geneIndex.has(g)) geneIndex.set(g, geneIndex.size);
  const background = options.background ?? 600;
  const backgroundGenes =
    typeof background === 'number'
      ? Array.from({ length: background }, (_, b) => `BG${String(b + 1).padStart(4, '0')}`)
      : background;
  for (const g of backgroundGenes) if (!geneIndex.has(g)) geneIndex.set(g, geneIndex.size);
  const genes = [...geneIndex.keys()];
  const nGenes = genes.length;
  const baseline = new Float64Array(nGenes);
  for (let g = 0; g < nGenes; g++) baseline[g] = drawBaseline(rng);
  const slope = new Float64Array(nGenes);
  for (const program of programs) {
    const responding = program.responding ?? 0.6;
    for (const gene of program.genes) {
      if (program.loading !== undefined) slope[geneIndex.get(gene)!] += program.effect * program.loading;
      else if (rng.nextFloat() < responding)
        slope[geneIndex.get(gene)!] += program.effect * (0.3 + 0.7 * rng.nextFloat());
    }
  }
  const scale = options.digits === undefined ? 0 : 10 ** options.digits;
  const data = new Float64Array(nGenes * samples.length);
  for (let s = 0; s < samples.length; s++) {
    const z = samples[s].aggressiveness ?? 0;
    const offset = nGenes * s;
    for (let g = 0; g < nGenes; g++) {
      let value = baseline[g] + slope[g] * z + drawNoise(rng);
      if (nonNegative) value = Math.max(0, value);
      data[offset + g] = scale === 0 ? value : Math.round(value * scale) / scale;
    }
  }
  return { rows: nGenes, columns: samples.length, data, genes, samples: samples.map((s) => s.id) };
}
