import { createRng, randomNormal } from '@tace/core';

/** How a program (gene set) follows the latent tumor aggressiveness. */
export interface ProgramEffect {
  /** Genes of the program. */
  genes: readonly string[];
  /** Log2 change per unit of aggressiveness, for responding genes (negative: down in aggressive tumors). */
  effect: number;
  /** Fraction of the program's genes that respond. @default 0.6 */
  responding?: number;
}

/** A dense genes x samples matrix, column-major per sample (`values[g + genes.length * s]`). */
export interface SyntheticExpression {
  genes: string[];
  samples: string[];
  values: Float64Array;
}

/**
 * Synthetic bulk expression (log2 scale, TCGA-like) for the given samples: every gene has a baseline
 * mean N(6, 2^2) and sample noise N(0, 0.7^2); responding genes of each program shift by
 * `effect x loading x aggressiveness` with loading U(0.3, 1). Background genes `BG0001...` fill up to
 * `nBackground`. Deterministic for a seed.
 *
 * @example
 * ```ts
 * const patients = syntheticClinicalCohort({ seed: 1 });
 * const bulk = syntheticExpression(patients, [{ genes: ['VEGFA', 'CA9', 'SLC2A1'], effect: 0.6 }], { seed: 7 });
 * ```
 */
export function syntheticExpression(
  samples: readonly { id: string; aggressiveness: number }[],
  programs: readonly ProgramEffect[],
  options: { seed?: number; nBackground?: number } = {},
): SyntheticExpression {
  const rng = createRng(options.seed ?? 7);
  const geneIndex = new Map<string, number>();
  for (const program of programs)
    for (const g of program.genes) if (!geneIndex.has(g)) geneIndex.set(g, geneIndex.size);
  const nBackground = options.nBackground ?? 600;
  for (let b = 1; b <= nBackground; b++) geneIndex.set(`BG${String(b).padStart(4, '0')}`, geneIndex.size);
  const genes = [...geneIndex.keys()];
  const nGenes = genes.length;
  const baseline = new Float64Array(nGenes);
  for (let g = 0; g < nGenes; g++) baseline[g] = 6 + 2 * randomNormal(rng);
  const slope = new Float64Array(nGenes);
  for (const program of programs) {
    const responding = program.responding ?? 0.6;
    for (const gene of program.genes) {
      if (rng.nextFloat() < responding)
        slope[geneIndex.get(gene)!] += program.effect * (0.3 + 0.7 * rng.nextFloat());
    }
  }
  const values = new Float64Array(nGenes * samples.length);
  for (let s = 0; s < samples.length; s++) {
    const z = samples[s].aggressiveness;
    const offset = nGenes * s;
    for (let g = 0; g < nGenes; g++)
      values[offset + g] = Math.max(0, baseline[g] + slope[g] * z + 0.7 * randomNormal(rng));
  }
  return { genes, samples: samples.map((s) => s.id), values };
}
