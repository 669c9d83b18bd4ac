// Dot plot of marker genes by cell type: size = fraction of cells expressing, colour = mean expression
// (of expm1 of the log-normalised values) scaled per gene, as Seurat::DotPlot.
//   node examples/figures/dot-plot.mjs [out-dir]      writes dot-plot.svg, dot-plot.png (300 dpi), .pdf
// Data: scanpy's pbmc68k_reduced, log-normalised expression of 14 markers in 700 cells.
import { dotPlot, dotPlotData } from '@tace/figures';
import { isMain, writeFigure } from './lib.mjs';
import { pbmcCells } from './pbmc.mjs';

export function build() {
  const { table, markers } = pbmcCells();
  const values = Object.fromEntries(markers.map((gene) => [gene, table[gene]]));
  // expm1: average exp(x) - 1 of the log-normalised values, as Seurat DotPlot does.
  return dotPlot(dotPlotData(values, table.cell_type, { expm1: true }), {
    width: 170,
    height: 100,
    unit: 'mm',
    colorTitle: 'Mean expression (scaled)',
    sizeTitle: 'Fraction expressing',
  });
}

if (isMain(import.meta.url)) await writeFigure('dot-plot', build(), process.argv[2]);
