import { matrixFromRows } from '@tace/core';
import { kaplanMeier, logRank } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import {
  calibrationPlot,
  concordancePlot,
  decisionCurvePlot,
  elementsWithClass,
  forestPlot,
  heatmap,
  kaplanMeierPlot,
  nomogramPlot,
  numberAtRisk,
  svgToString,
  textContent,
  timeDependentRocPlot,
  violinPlot,
} from '../src/index.js';

const byClass = elementsWithClass;

describe('kaplanMeierPlot', () => {
  const time = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const event = [1, 1, 0, 1, 1, 1, 0, 1, 0, 1];
  const group = ['low', 'high', 'low', 'high', 'low', 'high', 'low', 'high', 'low', 'high'];
  const km = kaplanMeier(time, event, { group });
  const svg = kaplanMeierPlot(km, { pValue: logRank(time, event, group).pValue, riskTimes: [0, 5, 10] });

  it('draws one step curve per group, labelled by group', () => {
    const curves = byClass(svg, 'series');
    expect(curves.map((c) => c.attributes['data-group'])).toEqual(['high', 'low']);
    expect(String(curves[0].attributes.d)).toMatch(/^M/);
  });
  it('prints the numbers at risk under the plot at the requested times', () => {
    // high: times 2,4,6,8,10 -> at risk at 0: 5, at 5: 3 (6, 8, 10), at 10: 1; low: 1,3,5,7,9 -> 5, 3, 0.
    expect(numberAtRisk(km.curves[0], 5)).toBe(3);
    const counts = byClass(svg, 'risk-count').map((e) => textContent(e));
    expect(counts).toEqual(['5', '3', '1', '5', '3', '0']);
  });
  it('prints the log-rank p-value and marks censored times', () => {
    expect(textContent(byClass(svg, 'p-value')[0])).toMatch(/^Log-rank p [=<] /);
    expect(byClass(svg, 'censor')).toHaveLength(3);
  });
  it('serialises to standalone SVG', () => {
    const text = svgToString(svg);
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(text).toContain('Number at risk');
  });
});

describe('forestPlot', () => {
  it('places the estimate box at the hazard ratio on a log axis, left of 1 for HR < 1', () => {
    const svg = forestPlot([
      { label: 'Rad-score', estimate: 2, lower: 1.5, upper: 2.7, pValue: 1e-5 },
      { label: 'Albumin', estimate: 0.5, lower: 0.3, upper: 0.9, pValue: 0.02 },
    ]);
    const reference = byClass(svg, 'reference')[0];
    const boxes = byClass(svg, 'estimate');
    const center = (e: (typeof boxes)[number]) => Number(e.attributes.x) + 4.5;
    expect(center(boxes[0])).toBeGreaterThan(Number(reference.attributes.x1));
    expect(center(boxes[1])).toBeLessThan(Number(reference.attributes.x1));
    expect(svgToString(svg)).toContain('2.00 (1.50-2.70)');
    expect(svgToString(svg)).toContain('&lt; 0.001');
  });
});

describe('other figures', () => {
  it('concordancePlot has one point per model x cohort', () => {
    const rows = ['training', 'external'].flatMap((cohort) =>
      ['CRM', 'BCLC'].map((model) => ({ model, cohort, estimate: 0.7, lower: 0.65, upper: 0.75 })),
    );
    expect(byClass(concordancePlot(rows), 'estimate')).toHaveLength(4);
  });
  it('ROC, calibration and decision curves draw one path per series', () => {
    const roc = timeDependentRocPlot([
      { label: 'CRM', falsePositiveRate: [0, 0.5, 1], truePositiveRate: [0, 0.8, 1], auc: 0.8 },
    ]);
    expect(byClass(roc, 'series')).toHaveLength(1);
    expect(byClass(roc, 'diagonal')).toHaveLength(1);
    const calibration = calibrationPlot([
      {
        label: 'CRM',
        predicted: [0.2, 0.5, 0.8],
        observed: [0.25, 0.45, 0.82],
        lower: [0.1, 0.3, 0.7],
        upper: [0.4, 0.6, 0.9],
      },
    ]);
    expect(byClass(calibration, 'point')).toHaveLength(3);
    expect(byClass(calibration, 'whisker')).toHaveLength(3);
    const dca = decisionCurvePlot(
      [{ label: 'CRM', thresholds: [0.1, 0.2, 0.3], netBenefit: [0.3, 0.2, 0.1] }],
      { label: 'all', thresholds: [0.1, 0.2, 0.3], netBenefit: [0.25, 0.1, -0.05] },
    );
    expect(byClass(dca, 'series').map((c) => c.attributes['data-label'])).toEqual([
      'CRM',
      'Treat all',
      'Treat none',
    ]);
  });
  it('violinPlot draws a violin per group and the panel p-value', () => {
    const svg = violinPlot([
      {
        title: 'TCGA',
        groups: [
          { label: 'low', values: [1, 2, 3, 2.5] },
          { label: 'high', values: [3, 4, 5, 4.4] },
        ],
        pValue: 0.003,
      },
    ]);
    expect(byClass(svg, 'violin')).toHaveLength(2);
    expect(textContent(byClass(svg, 'p-value')[0])).toBe('p = 0.003');
  });
  it('heatmap draws rows x columns cells and a group bar', () => {
    const svg = heatmap(
      matrixFromRows([
        [1, 2, 3],
        [3, 2, 1],
      ]),
      { rowLabels: ['a', 'b'], columnLabels: ['s1', 's2', 's3'], columnGroups: ['high', 'low', 'high'] },
    );
    expect(byClass(svg, 'cell')).toHaveLength(6);
    expect(byClass(svg, 'group-bar')).toHaveLength(3);
  });
});

describe('nomogramPlot', () => {
  it('draws the points axis, one axis per variable, total points and a survival axis per time', async () => {
    const { coxph, nomogram } = await import('@tace/survival');
    const table = {
      time: [5, 8, 12, 20, 22, 30, 31, 40, 45, 50, 52, 60],
      dead: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 0],
      age: [70, 65, 60, 72, 58, 50, 66, 49, 55, 45, 52, 40],
      stage: ['B', 'B', 'A', 'B', 'A', 'A', 'B', 'A', 'A', 'B', 'A', 'A'],
    };
    const fit = coxph(table, {
      time: 'time',
      event: 'dead',
      covariates: ['age', 'stage'],
      categorical: ['stage'],
    });
    const svgTree = nomogramPlot(nomogram(fit, { times: [24] }), { survivalTicks: [0.9, 0.5, 0.1] });
    const axes = byClass(svgTree, 'nomogram-axis').map((a) => a.attributes['data-label']);
    expect(axes.slice(0, 4)).toEqual(['Points', 'age', 'stage', 'Total points']);
    expect(byClass(svgTree, 'survival').length).toBeLessThanOrEqual(1);
  });
});
