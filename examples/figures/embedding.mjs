// UMAP embedding coloured by cell type, as ggplot2 geom_point or scanpy.pl.umap(color = 'bulk_labels').
//   node examples/figures/embedding.mjs [out-dir]      writes embedding.svg, embedding.png (300 dpi), .pdf
// Data: scanpy's pbmc68k_reduced, obsm X_umap of 700 cells. (From an .h5ad: pass `adata.obsm.X_umap`.)
import { embeddingScatter } from '@tace/figures';
import { isMain, writeFigure } from './lib.mjs';
import { pbmcCells } from './pbmc.mjs';

export function build() {
  const { table } = pbmcCells();
  return embeddingScatter(
    { x: table.umap1, y: table.umap2 },
    { width: 150, height: 100, unit: 'mm', label: table.cell_type, colorTitle: 'Cell type' },
  );
}

if (isMain(import.meta.url)) await writeFigure('embedding', build(), process.argv[2]);
