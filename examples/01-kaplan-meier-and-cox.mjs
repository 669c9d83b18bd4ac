// Kaplan-Meier curves by a risk score and a Cox model, on a seeded synthetic cohort.
//   pnpm run build && node examples/01-kaplan-meier-and-cox.mjs [out-dir]
// Prints the median survival per group, the log-rank p and the Cox hazard ratios, and writes km.svg.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, randomNormal } from '@tace/core';
import { linePlot, svgToString } from '@tace/figures';
import { coxph, kaplanMeier, logRank } from '@tace/survival';

// 200 patients: a latent aggressiveness drives an imaging-like score, ALBI and the hazard of death.
const rng = createRng(2026);
const n = 200;
const table = { time: [], death: [], score: [], albi: [] };
for (let i = 0; i < n; i++) {
  const z = randomNormal(rng);
  const deathTime = -Math.log(1 - rng.nextFloat()) / (0.03 * Math.exp(0.8 * z));
  const censorTime = 6 + rng.nextFloat() * 54; // months of follow-up
  table.time.push(Math.round(Math.min(deathTime, censorTime) * 10) / 10);
  table.death.push(deathTime <= censorTime ? 1 : 0);
  table.score.push(z + randomNormal(rng, 0, 0.7));
  table.albi.push(-2.6 + 0.25 * z + randomNormal(rng, 0, 0.4));
}

// Risk groups at the median score, Kaplan-Meier curves (R survfit) and the log-rank test (R survdiff).
const median = [...table.score].sort((a, b) => a - b)[n / 2];
const group = table.score.map((s) => (s > median ? 'high' : 'low'));
const km = kaplanMeier({ ...table, group }, { time: 'time', event: 'death', group: 'group' });
for (const curve of km.curves) {
  console.log(
    `${curve.group}: n = ${curve.n}, events = ${curve.events}, median OS = ${curve.median.toFixed(1)} months`,
  );
}
console.log(
  `log-rank p = ${logRank({ ...table, group }, { time: 'time', event: 'death', group: 'group' }).pValue.toExponential(2)}`,
);

// A Cox model on the score and ALBI (R coxph, Efron ties).
const fit = coxph(table, { time: 'time', event: 'death', covariates: ['score', 'albi'] });
fit.names.forEach((name, k) => {
  console.log(
    `HR ${name} = ${fit.hazardRatios[k].toFixed(2)} (${fit.lower[k].toFixed(2)}-${fit.upper[k].toFixed(2)}), p = ${fit.pValue[k].toExponential(2)}`,
  );
});
console.log(`C-index = ${fit.concordance.concordance.toFixed(3)}`);

// The curves as an SVG figure (@tace/figures' d3 line plot, step curves).
const svg = svgToString(
  linePlot(
    km.curves.map((c) => ({ x: [0, ...c.time], y: [1, ...c.survival], label: `${c.group} score` })),
    { curve: 'step-after', xLabel: 'Months', yLabel: 'Overall survival', yDomain: [0, 1] },
  ),
);
const outDir = process.argv[2] ?? join(tmpdir(), 'tace-examples');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'km.svg'), svg);
console.log(`figure: ${join(outDir, 'km.svg')}`);
