// Gene sets and gene names of the single-cell benchmarks (not a benchmark itself).

/**
 * The five signatures the single-cell benchmarks score (hypoxia, MYC, EMT, glycolysis, cytotoxic T cells)
 * from @tace/omics' bundled signatures, and `nGenes` gene names holding all their genes (then MT- genes and
 * filler names), shuffled with `rng` (core Rng) so signature genes spread over expression levels.
 */
export function benchGenes(bundled, nGenes, rng) {
  const pick = [
    'HALLMARK_HYPOXIA',
    'HALLMARK_MYC_TARGETS_V1',
    'HALLMARK_EPITHELIAL_MESENCHYMAL_TRANSITION',
    'HALLMARK_GLYCOLYSIS',
  ];
  const sets = Object.fromEntries(pick.filter((k) => k in bundled).map((k) => [k, bundled[k]]));
  const cyto = Object.keys(bundled).find((k) => /CYTOTOXIC/i.test(k));
  if (cyto) sets[cyto] = bundled[cyto];
  const named = [...new Set(Object.values(sets).flat())];
  const genes = [...named, ...Array.from({ length: 13 }, (_, i) => `MT-G${i}`)];
  for (let j = genes.length; j < nGenes; j++) genes.push(`GENE${j}`);
  for (let j = genes.length - 1; j > 0; j--) {
    const k = Math.floor(rng.nextFloat() * (j + 1));
    [genes[j], genes[k]] = [genes[k], genes[j]];
  }
  return { sets, genes };
}
