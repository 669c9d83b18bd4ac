// Clustered heatmap of the 30 most differentially expressed genes (row z-scores, complete linkage on both
// axes, dendrograms, a risk-group annotation bar and a colour legend), as pheatmap(scale = "row").
//   node examples/figures/heatmap.mjs [out-dir]      writes heatmap.svg, heatmap.png (300 dpi), heatmap.pdf
// Data: seeded synthetic bulk expression (@tace/synthetic), 48 tumours; genes ranked by limma-style
// moderated t p-value (omics differentialExpression, High vs Low risk).
import { heatmap } from '@tace/figures';
import { subsetMatrix } from '@tace/omics';
import { bulkExpression } from './bulk.mjs';
import { isMain, writeFigure } from './lib.mjs';

/** Row indices of the `count` genes with the smallest moderated p-values. */
export function topGenes(de, count) {
  const order = de.genes.map((_, i) => i).sort((a, b) => de.moderatedPValue[a] - de.moderatedPValue[b]);
  return order.slice(0, count);
}

export function build() {
  const { expression, groups, de } = bulkExpression();
  const top = subsetMatrix(expression, topGenes(de, 30));
  return heatmap(top, {
    width: 170,
    height: 150,
    unit: 'mm',
    columnAnnotations: { 'Risk group': groups },
    legendTitle: 'Row z-score',
  });
}

if (isMain(import.meta.url)) await writeFigure('heatmap', build(), process.argv[2]);
