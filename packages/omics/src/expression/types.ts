/**
 * A dense bulk expression matrix, genes x samples (the orientation of R / GSVA / limma).
 *
 * Storage order: **column-major, one sample after another** (as R stores a matrix): the value of gene `g` in
 * sample `s` is `values[s * genes.length + g]`, so each sample's profile is the contiguous slice
 * `values.subarray(s * genes.length, (s + 1) * genes.length)`. Per-sample work (ssGSEA ranks, parallel
 * scoring over samples) reads contiguous memory; use {@link geneRow} for one gene across samples.
 *
 * Gene identifiers should be unique (scoring refuses duplicates; see {@link collapseDuplicateGenes}).
 */
export interface ExpressionMatrix {
  /** Gene identifiers (HGNC symbols or Ensembl ids), one per row. */
  genes: string[];
  /** Sample identifiers (e.g. TCGA barcodes), one per column. */
  samples: string[];
  /** `genes.length * samples.length` values, column-major (sample by sample). `NaN` marks a missing value. */
  values: Float64Array;
}
