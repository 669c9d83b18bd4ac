import { createRng, randomNormal } from '@tace/core';
import { coxph, validateModels } from '@tace/survival';
import {
  calibration,
  cumulativeIncidence,
  decisionCurve,
  timeDependentAucInference,
  timeDependentRoc,
} from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import {
  calibrationPlot,
  concordancePlot,
  cumulativeIncidencePlot,
  decisionCurvePlot,
  elementsWithClass,
  type SvgElement,
  textContent,
  timeDependentAucPlot,
  timeDependentRocPlot,
} from '../../src/index.js';
import { everyFormatTests, longLabel } from './render-checks.js';

/** A cohort with a strong risk factor x and a weak one w, exponential survival (months), uniform censoring. */
function cohort(seed: number, n: number, shift = 0) {
  const rng = createRng(seed);
  const table = {
    time: new Float64Array(n),
    death: new Float64Array(n),
    x: new Float64Array(n),
    w: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const x = randomNormal(rng) + shift;
    const w = randomNormal(rng);
    const death = (-Math.log(1 - rng.nextFloat()) / Math.exp(0.9 * x + 0.2 * w)) * 20;
    const censor = 6 + rng.nextFloat() * 50;
    table.x[i] = x;
    table.w[i] = w;
    table.time[i] = Math.min(death, censor);
    table.death[i] = death <= censor ? 1 : 0;
  }
  return table;
}

const training = cohort(1, 160);
const external = cohort(2, 120, 0.3);
const strong = coxph(training, { time: 'time', event: 'death', covariates: ['x'] });
const weak = coxph(training, { time: 'time', event: 'death', covariates: ['w'] });
const validation = validateModels(
  [
    { name: 'training', role: 'training', table: training },
    { name: `${longLabel} (external)`, role: 'external', table: external },
  ],
  [
    { name: 'Strong model', fit: strong },
    { name: longLabel, fit: weak },
  ],
  { time: 'time', event: 'death', times: [6, 12, 24], bootstrapReplicates: 30, random: 3 },
);
const lp = external.x;
const inference = timeDependentAucInference(external.time, external.death, lp, { times: [6, 12, 24] });
const risk = Float64Array.from(lp, (v) => 1 / (1 + Math.exp(-v)));

/** Competing risks: relapse (1) and death (2), two arms, ties. */
function competing(n = 150) {
  const rng = createRng(9);
  const time = new Float64Array(n);
  const status = new Float64Array(n);
  const arm: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = i % 2 === 0 ? 'TACE' : `${longLabel} arm`;
    const relapse = -Math.log(1 - rng.nextFloat()) * (a === 'TACE' ? 14 : 9);
    const death = -Math.log(1 - rng.nextFloat()) * 30;
    const censor = 4 + rng.nextFloat() * 40;
    const t = Math.min(relapse, death, censor);
    time[i] = Math.round(t * 2) / 2 + 0.5;
    status[i] = t === censor ? 0 : t === relapse ? 1 : 2;
    arm.push(a);
  }
  return { time, status, arm };
}
const cr = competing();
const cif = cumulativeIncidence(cr.time, cr.status, { group: cr.arm });

const figures: Record<string, () => SvgElement> = {
  'td-ROC (with inference CI)': () =>
    timeDependentRocPlot(
      [6, 12].map((t) => ({
        label: longLabel,
        ...timeDependentRoc(external.time, external.death, lp, t),
        inference,
      })),
    ),
  'td-AUC over time (inference)': () =>
    timeDependentAucPlot([
      { label: longLabel, result: inference },
      {
        label: 'Weak',
        result: timeDependentAucInference(external.time, external.death, external.w, { times: [6, 12, 24] }),
      },
    ]),
  'td-AUC over time (validateModels)': () => timeDependentAucPlot(validation),
  'calibration (validateModels)': () => calibrationPlot(validation, { model: longLabel }),
  'calibration (result)': () =>
    calibrationPlot(calibration(external.time, external.death, risk, { time: 12, groups: 4 }), {
      label: longLabel,
    }),
  'decision curves (validateModels)': () =>
    decisionCurvePlot(validation, { cohort: `${longLabel} (external)` }),
  'decision curves (result)': () =>
    decisionCurvePlot([
      { label: longLabel, ...decisionCurve(external.time, external.death, risk, { time: 12 }) },
    ]),
  'C-index over cohorts': () => concordancePlot(validation, { title: longLabel }),
  'cumulative incidence': () =>
    cumulativeIncidencePlot(cif, {
      riskTable: { time: cr.time, group: cr.arm },
      confidenceBands: true,
      breaks: 6,
      title: longLabel,
    }),
};

describe('model evaluation and competing-risk figures: SVG, PNG, PDF, no overlapping text', () => {
  everyFormatTests(figures);
});

describe('model evaluation figures take the survival result types, with their CIs', () => {
  it('td-ROC legend carries the AUC CI of timeDependentAucInference at each curve time', () => {
    const text = textContent(figures['td-ROC (with inference CI)']());
    const f = (v: number) => v.toFixed(2);
    expect(text).toContain(`${f(inference.auc[0])} (${f(inference.lower[0])}-${f(inference.upper[0])})`);
    expect(text).toContain(`${f(inference.lower[1])}-${f(inference.upper[1])}`);
    expect(() =>
      timeDependentRocPlot([
        { label: 'x', ...timeDependentRoc(external.time, external.death, lp, 18), inference },
      ]),
    ).toThrow(/no time 18/);
  });
  it('td-AUC over time draws CI whiskers from inference results and from validation rows with CIs', () => {
    expect(elementsWithClass(figures['td-AUC over time (inference)'](), 'whisker')).toHaveLength(6);
    const fromValidation = figures['td-AUC over time (validateModels)']();
    expect(elementsWithClass(fromValidation, 'series')).toHaveLength(4); // 2 models x 2 cohorts
    const withCi = validation.rows.filter((r) => r.metric.startsWith('td_auc@') && Number.isFinite(r.lower));
    expect(elementsWithClass(fromValidation, 'whisker')).toHaveLength(withCi.length);
  });
  it('calibration from validateModels draws one curve per cohort with the observed CIs, titled with its time', () => {
    const el = figures['calibration (validateModels)']();
    expect(elementsWithClass(el, 'series')).toHaveLength(2);
    expect(elementsWithClass(el, 'whisker').length).toBeGreaterThan(0);
    expect(textContent(el)).toContain('Calibration at 12 months');
    expect(() => calibrationPlot(validation, { model: 'nope' })).toThrow(/Strong model/);
  });
  it('decision curves take "treat all" from the result', () => {
    const el = figures['decision curves (result)']();
    const labels = elementsWithClass(el, 'series').map((e) => String(e.attributes['data-label']));
    expect(labels.slice(1)).toEqual(['Treat all', 'Treat none']);
    expect(labels[0]).toBe(longLabel);
    const narrow = decisionCurvePlot(
      [{ label: longLabel, ...decisionCurve(external.time, external.death, risk, { time: 12 }) }],
      {
        width: 300,
      },
    );
    // ellipsized to keep the legend inside the figure
    expect(elementsWithClass(narrow, 'series')[0].attributes['data-label']).toMatch(/^Barcelona .*…$/);
    expect(textContent(el)).toContain('Decision curves at 12 months');
  });
  it('C-index forest: one row per model x cohort with "estimate (lower-upper)" from the bootstrap CI', () => {
    const el = figures['C-index over cohorts']();
    const rows = validation.rows.filter((r) => r.metric === 'harrell_c');
    expect(elementsWithClass(el, 'estimate')).toHaveLength(rows.length);
    expect(elementsWithClass(el, 'ci')).toHaveLength(rows.filter((r) => Number.isFinite(r.lower)).length);
    const r = rows[0];
    expect(textContent(el)).toContain(
      `${r.estimate.toFixed(2)} (${r.lower.toFixed(2)}-${r.upper.toFixed(2)})`,
    );
  });
});

describe('cumulativeIncidencePlot', () => {
  const el = figures['cumulative incidence']();
  it('draws one step curve per group x cause with a band, and Gray’s p per cause', () => {
    expect(elementsWithClass(el, 'cif-curve')).toHaveLength(4);
    expect(elementsWithClass(el, 'band')).toHaveLength(4);
    const gray = textContent(elementsWithClass(el, 'gray-test')[0]);
    for (const test of cif.tests) expect(gray).toContain(`${test.cause}: p`);
  });
  it('risk table counts subjects still followed, and stops within the follow-up', () => {
    const counts = elementsWithClass(el, 'at-risk').map((e) => Number(textContent(e)));
    const n0 = cr.arm.filter((a) => a === 'TACE').length;
    expect(counts[0]).toBe(n0);
    const last = Math.max(...cr.time);
    const columns = elementsWithClass(el, 'at-risk').length / 2;
    expect((columns - 1) * 6).toBeLessThanOrEqual(last);
    expect(counts.every((c) => c > 0 || c === 0)).toBe(true);
  });
  it('rejects an unknown cause', () => {
    expect(() => cumulativeIncidencePlot(cif, { causes: ['9'] })).toThrow(/cause "9"/);
  });
});
