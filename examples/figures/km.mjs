// Kaplan-Meier curves with a numbers-at-risk table, as survminer::ggsurvplot(risk.table = TRUE, pval = TRUE).
//   node examples/figures/km.mjs [out-dir]      writes km.svg, km.png (300 dpi) and km.pdf
// Data: R survival::lung (NCCTG advanced lung cancer), overall survival in days by sex.
import { kaplanMeierPlot } from '@tace/figures';
import { coxph, kaplanMeier, logRank } from '@tace/survival';
import { isMain, writeFigure } from './lib.mjs';
import { lungTable } from './lung.mjs';

/** The figure; `options` override the size and any other kaplanMeierPlot option. */
export function build(options = {}) {
  const { table } = lungTable();
  const columns = { time: 'time', event: 'death', group: 'sex' };
  // survminer keeps R's factor order (sex: 1 = Male, 2 = Female).
  const km = kaplanMeier(table, columns, { levels: { sex: ['Male', 'Female'] } });
  const fit = coxph(table, {
    time: 'time',
    event: 'death',
    covariates: ['sex'],
    categorical: ['sex'],
    reference: { sex: 'Male' },
  });
  return kaplanMeierPlot(km, {
    width: 160,
    height: 100,
    unit: 'mm',
    timeUnit: 'days',
    breaks: 180,
    pValue: logRank(table, columns).pValue,
    hazardRatio: {
      estimate: fit.hazardRatios[0],
      lower: fit.lower[0],
      upper: fit.upper[0],
      label: 'Female vs Male',
    },
    medianLines: true,
    ...options,
  });
}

if (isMain(import.meta.url)) await writeFigure('km', build(), process.argv[2]);
