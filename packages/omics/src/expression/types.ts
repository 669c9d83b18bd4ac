import type { DenseMatrix } from '@tace/core';

/**
 * A dense bulk expression matrix, genes x samples (the orientation of R / GSVA / limma): a core
 * {@link DenseMatrix} with `rows` = genes and `columns` = samples, named.
 *
 * Layout: **column-major** (as R, LAPACK and every `DenseMatrix`): the value of gene `g` in sample `s` is
 * `data[g + s * rows]`, so each sample's profile is the contiguous slice
 * `data.subarray(s * rows, (s + 1) * rows)`. Per-sample work (ssGSEA ranks, parallel scoring over samples)
 * reads contiguous memory; use {@link geneRow} for one gene across samples.
 *
 * Gene identifiers should be unique (scoring refuses duplicates; see {@link collapseDuplicateGenes}).
 */
export interface ExpressionMatrix extends DenseMatrix {
  /** Gene identifiers (HGNC symbols or Ensembl ids), one per row (`genes.length === rows`). */
  genes: string[];
  /** Sample identifiers (e.g. TCGA barcodes), one per column (`samples.length === columns`). */
  samples: string[];
}
