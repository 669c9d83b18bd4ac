// Violins with an inner box, n per group and Wilcoxon rank-sum p-values adjusted by Benjamini-Hochberg
// over the panels (violinPlot's defaults: test 'auto', pAdjust 'BH'), as ggplot2 geom_violin +
// ggpubr::stat_compare_means(method = "wilcox.test") with p.adjust(method = "BH").
//   node examples/figures/violin.mjs [out-dir]      writes violin.svg, violin.png (300 dpi), violin.pdf
// Data: seeded synthetic bulk expression (@tace/synthetic), a hypoxia, a proliferation and an immune gene.
import { violinPlot } from '@tace/figures';
import { bulkExpression } from './bulk.mjs';
import { isMain, writeFigure } from './lib.mjs';

export const violinGenes = ['NDRG1', 'CDK1', 'PRF1'];

/** The figure; `genes` and `options` (size, theme, ...) as wanted. */
export function build(genes = violinGenes, options = {}) {
  const { expression, groups } = bulkExpression();
  const panels = genes.map((gene) => {
    const g = expression.genes.indexOf(gene);
    const values = (label) =>
      expression.samples.flatMap((_, s) =>
        groups[s] === label ? [expression.data[g + s * expression.rows]] : [],
      );
    const low = values('Low risk');
    const high = values('High risk');
    return {
      title: gene,
      groups: [
        { label: 'Low risk', values: low },
        { label: 'High risk', values: high },
      ],
    };
  });
  return violinPlot(panels, { width: 170, height: 90, unit: 'mm', yLabel: 'Expression (log2)', ...options });
}

if (isMain(import.meta.url)) await writeFigure('violin', build(), process.argv[2]);
