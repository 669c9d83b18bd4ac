import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ColumnTable, completeCases, readTable, selectRows } from '@tace/core';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { backwardSelection, coxph, lateFusion, nomogram } from '@tace/survival';
import { describe, expect, it } from 'vitest';

// Expected values: R 4.2.2, survival 3.5-3, rms 6.5-0 (../fixtures/r-models/generate.R) on lung complete cases.
const relative = 'survival/lung.csv';
const path = sharedDataPath(relative);
const expected = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/r-models/expected.json'), 'utf8'),
);
const relativeError = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

describe.skipIf(path === null)(
  `models on lung ${path === null ? sharedDataSkipMessage(relative) : ''}`,
  () => {
    const vars = ['time', 'status', 'age', 'sex', 'ph.ecog', 'ph.karno', 'pat.karno', 'meal.cal', 'wt.loss'];
    const lung = readTable(path!);
    const rows = completeCases(lung, vars, 'omit').rows;
    const data: ColumnTable = selectRows(lung, rows);
    data.dead = Float64Array.from(data.status as ArrayLike<number>, (s) => s - 1);

    it('uses the same complete cases as R', () => {
      expect(rows.length).toBe(expected.n);
    });

    it('lateFusion equals R coxph on the scores (1e-6 relative)', () => {
      const fusion = lateFusion(data, { time: 'time', event: 'dead', scores: ['ph.karno', 'wt.loss'] });
      expected.lateFusion.names.forEach((name: string, i: number) => {
        expect(relativeError(fusion.coefficients[name], expected.lateFusion.coefficients[i])).toBeLessThan(
          1e-6,
        );
        expect(relativeError(fusion.cox.standardErrors[i], expected.lateFusion.se[i])).toBeLessThan(1e-6);
      });
      expect(relativeError(fusion.cox.loglik[1], expected.lateFusion.loglik[1])).toBeLessThan(1e-9);
      // Scores new rows as R predict(type = "lp"), centred at the training means; missing input -> NaN.
      const scored = fusion.predict({ 'ph.karno': [80, null], 'wt.loss': [5, 10] });
      expect(scored.omitted).toBe(1);
      expect(Number.isNaN(scored.score[1])).toBe(true);
      expect(scored.score[0]).toBeCloseTo(
        fusion.coefficients['ph.karno'] * (80 - fusion.cox.means[0]) +
          fusion.coefficients['wt.loss'] * (5 - fusion.cox.means[1]),
        12,
      );
    });

    it('backward AIC selection equals R step(direction = "backward")', () => {
      const result = backwardSelection(data, {
        time: 'time',
        event: 'dead',
        covariates: ['age', 'sex', 'ph.ecog', 'ph.karno', 'pat.karno', 'meal.cal', 'wt.loss'],
      });
      expect(result.selected).toEqual(expected.step.selected);
      expect(result.steps.map((s) => s.dropped)).toEqual(expected.step.dropped);
      expect(relativeError(result.aic[0], expected.step.fullAic)).toBeLessThan(1e-9);
      result.steps.forEach((step, i) => {
        expect(relativeError(step.value, expected.step.aic[i + 1])).toBeLessThan(1e-9);
      });
      result.model!.coefficients.forEach((b, i) => {
        expect(relativeError(b, expected.step.coefficients[i])).toBeLessThan(1e-6);
      });
    });

    it('backward selection by p-value keeps terms below the threshold and respects keep', () => {
      const result = backwardSelection(
        data,
        { time: 'time', event: 'dead', covariates: ['age', 'sex', 'ph.ecog', 'meal.cal'] },
        { criterion: 'p', threshold: 0.05, keep: ['meal.cal'] },
      );
      expect(result.selected).toContain('meal.cal');
      expect(result.selected).not.toContain('age');
      for (const term of result.selected.filter((t) => t !== 'meal.cal')) {
        expect(result.model!.pValue[result.model!.names.indexOf(term)]).toBeLessThan(0.05);
      }
    });

    it('nomogram points, linear-predictor and 1-year survival axes equal rms::nomogram (1e-6)', () => {
      const fit = coxph(data, { time: 'time', event: 'dead', covariates: ['age', 'sex', 'ph.ecog'] });
      const ref = expected.nomogram;
      const nom = nomogram(fit, {
        times: [365],
        axes: { age: ref.age.x, sex: ref.sex.x, 'ph.ecog': ref['ph.ecog'].x },
      });
      expect(relativeError(nom.scale, ref.scale)).toBeLessThan(1e-6);
      for (const name of ['age', 'sex', 'ph.ecog']) {
        const axis = nom.axes.find((a) => a.name === name)!;
        axis.points.forEach((points, i) => {
          expect(Math.abs(points - ref[name].points[i])).toBeLessThan(1e-6);
        });
      }
      ref.lpPoints.forEach((points: number, i: number) => {
        expect(Math.abs(nom.linearPredictor(points) - ref.lp[i])).toBeLessThan(1e-6);
      });
      expect(relativeError(nom.baselineSurvival[0], ref.baselineSurvival365)).toBeLessThan(1e-6);
      ref.survivalPoints.forEach((points: number, i: number) => {
        expect(Math.abs(nom.survival(points, 0) - ref.survival[i])).toBeLessThan(1e-6);
      });
      expect(nom.totalPoints({ age: 35, sex: 1, 'ph.ecog': 3 })).toBeCloseTo(ref.sex.points[0] + 100, 6);
    });
  },
);
