// Volcano plot of differential expression High vs Low risk (limma-style moderated t, BH-adjusted), the
// 15 most significant genes past both cut-offs labelled without overlap, as ggplot2 + ggrepel.
//   node examples/figures/volcano.mjs [out-dir]      writes volcano.svg, volcano.png (300 dpi), volcano.pdf
// Data: seeded synthetic bulk expression (@tace/synthetic), omics differentialExpression.
import { volcanoPlot } from '@tace/figures';
import { bulkExpression } from './bulk.mjs';
import { isMain, writeFigure } from './lib.mjs';

export function build() {
  const { de } = bulkExpression();
  return volcanoPlot(
    {
      genes: de.genes,
      logFC: de.logFC,
      pValue: de.moderatedPValue,
      adjustedPValue: de.moderatedAdjustedPValue,
    },
    {
      width: 120,
      height: 100,
      unit: 'mm',
      fcCutoff: 0.5,
      labelTop: 15,
      xLabel: 'log2 fold change (High vs Low risk)',
    },
  );
}

if (isMain(import.meta.url)) await writeFigure('volcano', build(), process.argv[2]);
