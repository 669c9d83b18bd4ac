import { matrixFromRows } from '@tace/core';
import { kaplanMeier } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import {
  calibrationPlot,
  decisionCurvePlot,
  forestPlot,
  heatmap,
  kaplanMeierPlot,
  overlappingText,
  panelLayout,
  type SvgElement,
  timeDependentRocPlot,
  violinPlot,
} from '../../src/index.js';
import { everyFormatTests, longLabel } from './render-checks.js';

const long = longLabel;
const n = 60;
const time = Array.from({ length: n }, (_, i) => 1 + ((i * 7919) % 290) / 10);
const event = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : 1));
const group = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? long : 'low risk'));
const grid = Array.from({ length: 21 }, (_, i) => i / 20);

const figures: Record<string, () => SvgElement> = {
  'Kaplan-Meier': () =>
    kaplanMeierPlot(kaplanMeier(time, event, { group }), { breaks: 2, pValue: 0.01, eventsTable: true }),
  forest: () =>
    forestPlot([
      { label: long, estimate: 700, lower: 50, upper: 10000, pValue: 0.2 },
      { label: 'Albumin', estimate: 0.5, lower: 0.3, upper: 0.9, pValue: 0.02 },
    ]),
  'td-ROC': () =>
    timeDependentRocPlot([
      {
        label: long,
        falsePositiveRate: grid,
        truePositiveRate: grid.map((v) => v ** 0.5),
        auc: 0.78,
        aucLower: 0.7,
        aucUpper: 0.85,
        time: 24,
      },
    ]),
  calibration: () =>
    calibrationPlot([
      {
        label: long,
        predicted: [0.2, 0.5, 0.8],
        observed: [0.25, 0.45, 0.85],
        lower: [0.1, 0.3, 0.7],
        upper: [0.4, 0.6, 0.95],
      },
    ]),
  'decision curve': () =>
    decisionCurvePlot([
      {
        label: long,
        thresholds: grid,
        netBenefit: grid.map((v) => 0.3 - v * 0.3),
        treatAll: grid.map((v) => 0.25 - v),
      },
    ]),
  violin: () =>
    violinPlot([
      {
        title: long,
        groups: [
          { label: 'low', values: time.slice(0, 30) },
          { label: long, values: time.slice(30) },
        ],
        pValue: 0.003,
      },
    ]),
  heatmap: () => {
    const m = matrixFromRows(
      Array.from({ length: 6 }, (_, r) =>
        Array.from({ length: 12 }, (_, c) => Math.sin(r * 12 + c * 1.7) + (c % 3)),
      ),
    );
    return heatmap(Object.assign(m, { sets: Array.from({ length: 6 }, (_, i) => `${long} ${i}`) }), {
      columnAnnotations: { 'Risk group': Array.from({ length: 12 }, (_, i) => (i % 2 ? 'high' : 'low')) },
    });
  },
};

describe('every figure type', () => {
  everyFormatTests(figures);
  it('panelLayout letters the panels and keeps their text apart', () => {
    const el = panelLayout([figures.forest(), figures.calibration()], { columns: 2 });
    expect(overlappingText(el)).toEqual([]);
  });
});
