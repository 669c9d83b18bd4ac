// Nomogram of a Cox model, as rms::nomogram: points per level for factors, a scale for age, total points
// to predicted 6- and 12-month survival.
//   node examples/figures/nomogram.mjs [out-dir]      writes nomogram.svg, .png (300 dpi) and .pdf
// Data: R survival::lung, the Cox model of forest.mjs (age + sex + ECOG, ECOG 0-2).
import { nomogramPlot } from '@tace/figures';
import { nomogram } from '@tace/survival';
import { lungCox } from './forest.mjs';
import { isMain, writeFigure } from './lib.mjs';

export function build() {
  const fit = lungCox();
  return nomogramPlot(nomogram(fit, { times: [182.5, 365] }), {
    width: 170,
    unit: 'mm',
    survivalLabels: ['6-month survival', '12-month survival'],
    survivalTicks: [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1],
    labels: { age: 'Age (years)', sex: 'Sex', ecog: 'ECOG' },
  });
}

if (isMain(import.meta.url)) await writeFigure('nomogram', build(), process.argv[2]);
