import { createRng, randomNormal } from '@tace/core';

/** How a programme (gene set) follows the latent tumour aggressiveness. */
export interface ProgrammeEffect {
  /** Genes of the programme. */
  genes: readonly string[];
  /** Log2 change per unit of aggressiveness, for responding genes (negative: down in aggressive tumours). */
  effect: number;
  /** Fraction of the programme's genes that respond. @default 0.6 */
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
 * mean N(6, 2^2) and sample noise N(0, 0.7^2); responding genes of each programme shift by
 * `effect x loading x aggressiveness` with loading U(0.3, 1). Background genes `BG0001...` fill up to
 * `nBackground`. Deterministic for a seed.
 */
export function syntheticExpression(
  samples: readonly { id: string; aggressiveness: number }[],
  programmes: readonly ProgrammeEffect[],
  options: { seed?: number; nBackground?: number } = {},
): SyntheticExpression {
  const rng = createRng(options.seed ?? 7);
  const geneIndex = new Map<string, number>();
  for (const programme of programmes)
    for (const g of programme.genes) if (!geneIndex.has(g)) geneIndex.set(g, geneIndex.size);
  const nBackground = options.nBackground ?? 600;
  for (let b = 1; b <= nBackground; b++) geneIndex.set(`BG${String(b).padStart(4, '0')}`, geneIndex.size);
  const genes = [...geneIndex.keys()];
  const nGenes = genes.length;
  const baseline = new Float64Array(nGenes);
  for (let g = 0; g < nGenes; g++) baseline[g] = 6 + 2 * randomNormal(rng);
  const slope = new Float64Array(nGenes);
  for (const programme of programmes) {
    const responding = programme.responding ?? 0.6;
    for (const gene of programme.genes) {
      if (rng.nextFloat() < responding)
        slope[geneIndex.get(gene)!] += programme.effect * (0.3 + 0.7 * rng.nextFloat());
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
