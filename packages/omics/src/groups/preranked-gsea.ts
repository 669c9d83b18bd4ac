import { assertInteger, pAdjust, type RandomSource, TaceError, toRng } from '@tace/core';
import type { GeneSets } from '../genesets/types.js';

/** Options of {@link prerankedGsea}. */
export interface PrerankedGseaOptions {
  /**
   * Number of random gene sets drawn per set size for the null distribution (fgsea `nperm`).
   * @default 1000
   */
  permutations?: number;
  /** Seed or generator for the permutations. @default 1 */
  random?: RandomSource;
  /** Smallest / largest number of ranked genes in a set for it to be tested (fgsea `minSize`/`maxSize`). @default 1 / Infinity */
  minSize?: number;
  maxSize?: number;
  /** Exponent of the gene weights |stat|^p (fgsea `gseaParam`). @default 1 */
  weight?: number;
}

/** Result of {@link prerankedGsea}: one entry per tested set, in input order. */
export interface PrerankedGseaResult {
  sets: string[];
  /** Number of the set's genes found in the ranking. */
  size: Int32Array;
  /** Enrichment score: the signed maximum deviation of the running sum (Subramanian 2005). */
  es: Float64Array;
  /** ES divided by the mean of the same-signed null ES (fgsea's NES). */
  nes: Float64Array;
  /** Permutation p-value, (#null ES at least as extreme, same sign + 1) / (#null ES of that sign + 1). */
  pValue: Float64Array;
  /** Benjamini-Hochberg adjusted p-values. */
  adjustedPValue: Float64Array;
  /** Leading-edge genes (those before the peak for ES > 0, after the trough for ES < 0). */
  leadingEdge: string[][];
}

/**
 * Pre-ranked gene-set enrichment analysis as fgsea's `fgseaSimple` (Korotkevich et al. 2021; GSEA of
 * Subramanian et al. 2005): genes sorted by decreasing statistic (ties in input order); for a set S the
 * running sum steps up by |stat_g|^p / sum_S |stat|^p at set genes and down by 1 / (N - k) elsewhere;
 * ES is its largest deviation from 0. Null: `permutations` random gene sets of the same size (gene-label
 * permutation), drawn with the seeded core RNG; NES and p-values as fgsea. Results are reproducible for a
 * seed but, with a different RNG, differ from fgsea's within Monte-Carlo error.
 *
 * @param stats - statistic per gene (e.g. moderated t), keyed by gene; NaN entries are dropped.
 * @throws {TaceError} `INVALID_ARGUMENT` for bad options; `EMPTY_INPUT` when no set has genes in the ranking.
 * @example
 * ```ts
 * const gsea = prerankedGsea(Object.fromEntries(de.genes.map((g, i) => [g, de.moderatedT[i]])), hallmark);
 * ```
 */
export function prerankedGsea(
  stats: Record<string, number> | ReadonlyMap<string, number>,
  sets: GeneSets,
  options: PrerankedGseaOptions = {},
): PrerankedGseaResult {
  const permutations = options.permutations ?? 1000;
  assertInteger(permutations, 'permutations', 1);
  const p = options.weight ?? 1;
  const minSize = Math.max(1, options.minSize ?? 1);
  const maxSize = options.maxSize ?? Infinity;
  const entries = [...(stats instanceof Map ? stats.entries() : Object.entries(stats))].filter(
    ([, v]) => !Number.isNaN(v),
  );
  const order = entries.map((_, i) => i).sort((a, b) => entries[b][1] - entries[a][1] || a - b);
  const genes = order.map((i) => entries[i][0]);
  const weights = Float64Array.from(order, (i) => Math.abs(entries[i][1]) ** p);
  const n = genes.length;
  const position = new Map(genes.map((g, i) => [g, i]));
  const tested: { name: string; positions: Int32Array }[] = [];
  for (const [name, members] of Object.entries(sets)) {
    const found = [...new Set(members)]
      .map((g) => position.get(g))
      .filter((i): i is number => i !== undefined);
    if (found.length >= minSize && found.length <= maxSize && found.length < n) {
      tested.push({ name, positions: Int32Array.from(found).sort() });
    }
  }
  if (tested.length === 0) {
    throw new TaceError('EMPTY_INPUT', 'no gene set has genes in the ranking within minSize..maxSize', {
      param: 'sets',
      remedy: 'check that gene identifiers match the ranking',
    });
  }
  const rng = toRng(options.random ?? 1);
  const nullBySize = new Map<number, Float64Array>();
  const pool = new Int32Array(n);
  const scratch = new Int32Array(n);
  const result: PrerankedGseaResult = {
    sets: tested.map((t) => t.name),
    size: Int32Array.from(tested, (t) => t.positions.length),
    es: new Float64Array(tested.length),
    nes: new Float64Array(tested.length),
    pValue: new Float64Array(tested.length),
    adjustedPValue: new Float64Array(tested.length),
    leadingEdge: [],
  };
  tested.forEach((t, k) => {
    const { es, peak } = enrichmentScore(t.positions, weights, n);
    const size = t.positions.length;
    let nulls = nullBySize.get(size);
    if (nulls === undefined) {
      nulls = new Float64Array(permutations);
      for (let r = 0; r < permutations; r++) {
        for (let i = 0; i < n; i++) pool[i] = i;
        for (let i = 0; i < size; i++) {
          const j = i + Math.floor(rng.nextFloat() * (n - i));
          const tmp = pool[i];
          pool[i] = pool[j];
          pool[j] = tmp;
        }
        const sample = scratch.subarray(0, size);
        sample.set(pool.subarray(0, size));
        sample.sort();
        nulls[r] = enrichmentScore(sample, weights, n).es;
      }
      nullBySize.set(size, nulls);
    }
    let sameSign = 0;
    let extreme = 0;
    let sum = 0;
    for (const v of nulls) {
      if (es >= 0 ? v >= 0 : v < 0) {
        sameSign++;
        sum += v;
        if (es >= 0 ? v >= es : v <= es) extreme++;
      }
    }
    result.es[k] = es;
    result.nes[k] = sameSign > 0 ? es / Math.abs(sum / sameSign) : Number.NaN;
    result.pValue[k] = (extreme + 1) / (sameSign + 1);
    result.leadingEdge.push(
      Array.from(t.positions)
        .filter((pos) => (es >= 0 ? pos <= peak : pos >= peak))
        .map((pos) => genes[pos]),
    );
  });
  result.adjustedPValue = pAdjust(result.pValue, 'BH');
  return result;
}

/**
 * Enrichment score of a set given its sorted positions in the ranking: the running sum only rises at set
 * genes, so its maximum is reached at a set gene and its minimum just before one (or at the end).
 * Returns ES and the position where it is reached (for the leading edge).
 */
export function enrichmentScore(
  positions: Int32Array,
  weights: Float64Array,
  n: number,
): { es: number; peak: number } {
  const k = positions.length;
  let total = 0;
  for (let m = 0; m < k; m++) total += weights[positions[m]];
  const miss = 1 / (n - k);
  let hit = 0;
  let best = 0;
  let bestAt = positions[0];
  let worst = 0;
  let worstAt = positions[0];
  for (let m = 0; m < k; m++) {
    const pos = positions[m];
    const before = hit - (pos - m) * miss; // running sum just before this gene
    if (before < worst) {
      worst = before;
      worstAt = pos;
    }
    hit += total > 0 ? weights[pos] / total : 1 / k;
    const after = hit - (pos - m) * miss;
    if (after > best) {
      best = after;
      bestAt = pos;
    }
  }
  // fgsea's calcGseaStat: the larger deviation; 0 when they are equal
  if (best > -worst) return { es: best, peak: bestAt };
  if (best < -worst) return { es: worst, peak: worstAt };
  return { es: 0, peak: -1 };
}
