// Forest plot of a Cox model, as survminer::ggforest: variable headings, reference levels, n / events /
// HR (95% CI) / p columns, log axis.
//   node examples/figures/forest.mjs [out-dir]      writes forest.svg, forest.png (300 dpi) and forest.pdf
// Data: R survival::lung, coxph(Surv(time, status) ~ age + sex + factor(ph.ecog)) on ECOG 0-2.
import { forestPlot } from '@tace/figures';
import { coxph } from '@tace/survival';
import { isMain, writeFigure } from './lib.mjs';
import { lungTable } from './lung.mjs';

/** The Cox model of the forest plot and the nomogram. */
export function lungCox() {
  const { table } = lungTable({ complete: true });
  return coxph(table, {
    time: 'time',
    event: 'death',
    covariates: ['age', 'sex', 'ecog'],
    categorical: ['sex', 'ecog'],
    levels: { sex: ['Male', 'Female'], ecog: ['0', '1', '2'] },
  });
}

export function build() {
  return forestPlot(lungCox(), {
    width: 170,
    unit: 'mm',
    labels: { age: 'Age (years)', sex: 'Sex', ecog: 'ECOG performance status' },
  });
}

if (isMain(import.meta.url)) await writeFigure('forest', build(), process.argv[2]);
