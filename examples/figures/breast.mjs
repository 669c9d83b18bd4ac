// Rotterdam node-positive (training) and GBSG (external validation) breast cancer cohorts (R survival's
// rotterdam and gbsg, exported by data/make.R), relapse-free survival in years, and two Cox models fitted
// on Rotterdam: "Clinical" (age, nodes, grade) and "Clinical + PgR" (adds log2 PgR and hormone therapy).
import { coxph } from '@tace/survival';
import { readData } from './lib.mjs';

export function breastCohorts() {
  const all = readData('breast.csv');
  const pick = (name) => {
    const rows = [];
    for (let i = 0; i < all.cohort.length; i++) if (all.cohort[i] === name) rows.push(i);
    const table = {};
    for (const [key, column] of Object.entries(all)) table[key] = rows.map((i) => column[i]);
    return table;
  };
  return { rotterdam: pick('Rotterdam'), gbsg: pick('GBSG') };
}

export function breastModels(rotterdam) {
  const fit = (covariates) => coxph(rotterdam, { time: 'time', event: 'event', covariates });
  return [
    { name: 'Clinical', fit: fit(['age', 'nodes', 'grade']) },
    { name: 'Clinical + PgR', fit: fit(['age', 'nodes', 'grade', 'pgr', 'hormon']) },
  ];
}
