// Kaplan-Meier curves faceted by cohort (one panel per cohort, the same time axis and colours, each with
// its numbers at risk and log-rank p), as survminer::ggsurvplot_facet(facet.by = "cohort").
//   node examples/figures/km-facets.mjs [out-dir]      writes km-facets.svg, km-facets.png (300 dpi), .pdf
// Data: relapse-free survival of node-positive Rotterdam and GBSG patients (R survival's rotterdam, gbsg)
// by number of positive nodes, 1-3 vs 4 or more.
import { kaplanMeierFacets } from '@tace/figures';
import { kaplanMeier, logRank } from '@tace/survival';
import { breastCohorts } from './breast.mjs';
import { isMain, writeFigure } from './lib.mjs';

export function build() {
  const columns = { time: 'time', event: 'event', group: 'nodes' };
  const facets = Object.entries(breastCohorts()).map(([name, cohort]) => {
    const table = { ...cohort, nodes: cohort.nodes.map((n) => (n >= 4 ? '4+ nodes' : '1-3 nodes')) };
    return {
      title: name === 'gbsg' ? 'GBSG' : 'Rotterdam',
      km: kaplanMeier(table, columns),
      pValue: logRank(table, columns).pValue,
    };
  });
  // Each panel 85 x 65 mm.
  return kaplanMeierFacets(facets, {
    width: 85,
    height: 65,
    unit: 'mm',
    timeUnit: 'years',
    breaks: 2,
    columns: 2,
    yLabel: 'Relapse-free survival',
  });
}

if (isMain(import.meta.url)) await writeFigure('km-facets', build(), process.argv[2]);
