import type { GeneSets } from '../genesets/types.js';

/**
 * Previous HGNC symbols of genes in the bundled signatures: current symbol -> previous symbols. Used by
 * {@link mapSignatureSymbols} to find a signature gene in data annotated with an older (or newer) release,
 * e.g. TCGA legacy (hg19) matrices that still say `C20orf20` for `MRGBP`.
 *
 * Covered renames (HGNC "previous symbol" fields): the five Buffa genes renamed since 2010, the Hallmark
 * v7.0 genes renamed after 2019 (EPRS1, IARS1, KARS1, RARS1, H2AZ1; the Hallmark file uses the older
 * symbol, listed here as current -> older too, so either spelling is found) and ERO1A (formerly ERO1L).
 */
export const SIGNATURE_SYMBOL_ALIASES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  MRGBP: ['C20orf20'],
  CTSV: ['CTSL2'],
  UTP11: ['UTP11L'],
  AK4: ['AK3L1', 'AK3'],
  HILPDA: ['C7orf68', 'HIG2'],
  EPRS: ['EPRS1'],
  IARS: ['IARS1'],
  KARS: ['KARS1'],
  RARS: ['RARS1'],
  H2AFZ: ['H2AZ1'],
  ERO1A: ['ERO1L'],
});

/** One symbol replaced by {@link mapSignatureSymbols}. */
export interface SymbolMapping {
  /** Gene set name. */
  set: string;
  /** Symbol in the signature. */
  from: string;
  /** Symbol found in the data. */
  to: string;
}

/** Result of {@link mapSignatureSymbols}. */
export interface MappedGeneSets {
  /** The gene sets with absent symbols replaced by an alias present in the data (others unchanged). */
  sets: Record<string, string[]>;
  /** Every replacement made, in set order. */
  mappings: SymbolMapping[];
}

/**
 * Replaces signature genes absent from the data by a previous/alternative symbol that is present, using
 * {@link SIGNATURE_SYMBOL_ALIASES} (both directions) plus any `aliases` given. Genes present as they are, or
 * with no alias in the data, are left unchanged (scoring then reports them missing in its coverage).
 *
 * @param sets - gene sets to map.
 * @param dataGenes - gene identifiers of the expression matrix.
 * @param aliases - extra `symbol -> alternatives` pairs, merged with the built-in table.
 * @example
 * ```ts
 * mapSignatureSymbols({ BUFFA: ['MRGBP', 'VEGFA'] }, ['C20orf20', 'VEGFA']).sets; // { BUFFA: ['C20orf20', 'VEGFA'] }
 * ```
 */
export function mapSignatureSymbols(
  sets: GeneSets,
  dataGenes: readonly string[],
  aliases: Readonly<Record<string, readonly string[]>> = {},
): MappedGeneSets {
  const present = new Set(dataGenes);
  const lookup = new Map<string, string[]>();
  const add = (a: string, b: string): void => {
    const list = lookup.get(a) ?? [];
    if (!list.includes(b)) list.push(b);
    lookup.set(a, list);
  };
  for (const table of [SIGNATURE_SYMBOL_ALIASES, aliases]) {
    for (const [current, previous] of Object.entries(table)) {
      for (const old of previous) {
        add(current, old);
        add(old, current);
      }
    }
  }
  const out: Record<string, string[]> = {};
  const mappings: SymbolMapping[] = [];
  for (const [name, genes] of Object.entries(sets)) {
    out[name] = genes.map((gene) => {
      if (present.has(gene)) return gene;
      const hit = (lookup.get(gene) ?? []).find((alt) => present.has(alt));
      if (hit === undefined) return gene;
      mappings.push({ set: name, from: gene, to: hit });
      return hit;
    });
  }
  return { sets: out, mappings };
}
