// Cumulative incidence of progression to a plasma-cell malignancy with death as a competing event, by sex
// (Aalen-Johansen, Gray's test), with a number at risk table, as cmprsk::plot.cuminc.
//   node examples/figures/cumulative-incidence.mjs [out-dir]   writes cumulative-incidence.svg, .png, .pdf
// Data: R survival::mgus2 (1384 patients with MGUS), months; status 0 censored, 1 progression, 2 death.
import { cumulativeIncidencePlot } from '@tace/figures';
import { cumulativeIncidence } from '@tace/survival';
import { isMain, readData, writeFigure } from './lib.mjs';

export function build() {
  const raw = readData('mgus2.csv');
  const causes = ['Censored', 'Progression', 'Death'];
  const table = { time: raw.time, status: Array.from(raw.status, (s) => causes[s]), sex: raw.sex };
  const cif = cumulativeIncidence(
    table,
    { time: 'time', status: 'status', group: 'sex' },
    { censorCode: 'Censored' },
  );
  return cumulativeIncidencePlot(cif, {
    width: 160,
    height: 90,
    unit: 'mm',
    riskTable: { time: table.time, group: table.sex },
    breaks: 60,
  });
}

if (isMain(import.meta.url)) await writeFigure('cumulative-incidence', build(), process.argv[2]);
