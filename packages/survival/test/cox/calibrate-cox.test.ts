import { quantile, selectRows } from '@tace/core';
import { sharedDataSkipMessage } from '@tace/core/testing';
import { calibrateCox, coxph, coxSurvivalAt, coxSurvivalCurves } from '@tace/survival';
import { kaplanMeier } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { expectClose, readCsv, survivalDataPath } from '../fixtures/r-survival/helpers.js';

const path = survivalDataPath('lung');

describe.skipIf(path === null)(
  `calibrateCox and coxSurvivalAt on lung (${path === null ? sharedDataSkipMessage('survival/lung.csv') : 'shared data'})`,
  () => {
    const lung = readCsv(path!);
    lung.dead = lung.status.map((s) => (s as number) - 1);
    const options = {
      time: 'time',
      event: 'dead',
      covariates: ['age', 'sex', 'ph.ecog'],
      missing: 'omit' as const,
    };

    it('coxSurvivalAt reads the predicted curves at the requested times (step function, exact)', () => {
      const fit = coxph(lung, options);
      const rows = { age: [60, 70], sex: [1, 2], 'ph.ecog': [0, 2] };
      const [s0, s365] = coxSurvivalAt(fit, rows, [0, 365]);
      expectClose(s0, [1, 1], 0);
      const curves = coxSurvivalCurves(fit, rows).curves;
      curves.forEach((c, j) => {
        let k = -1;
        c.time.forEach((t, i) => {
          if (t <= 365) k = i;
        });
        expect(s365[j]).toBe(c.survival[k]);
      });
    });

    it('with no bootstrap, gives the apparent calibration: KM vs mean prediction per group (1e-12)', () => {
      const cal = calibrateCox(lung, options, { time: 365, groups: 4, bootstrap: 0 });
      expect(Array.from(cal.optimism)).toEqual([0, 0, 0, 0]);
      expect(cal.bootstrapUsed).toBe(0);
      const fit = coxph(lung, options);
      const data = selectRows(lung, fit.rows);
      const surv = coxSurvivalAt(fit, data, [365])[0];
      // R: cut(surv, quantile(surv, 0:4/4), include.lowest = TRUE), then survfit per group
      const breaks = quantile(surv, [0, 0.25, 0.5, 0.75, 1]);
      const group = Array.from(surv, (v) =>
        v <= breaks[1] ? 0 : v <= breaks[2] ? 1 : v <= breaks[3] ? 2 : 3,
      );
      const km = kaplanMeier(data.time as number[], data.dead as number[], { group, times: [365] });
      expectClose(
        cal.observed,
        km.curves.map((c) => c.atTimes.survival[0]),
        1e-12,
        'observed',
      );
      const mean = [0, 1, 2, 3].map((k) => {
        const v = Array.from(surv).filter((_, i) => group[i] === k);
        return v.reduce((a, b) => a + b, 0) / v.length;
      });
      expectClose(cal.predicted, mean, 1e-12, 'predicted');
    });

    it('is reproducible for a seed, and corrects by the mean optimism', () => {
      const a = calibrateCox(lung, options, { time: 365, groups: 4, bootstrap: 10, random: 3 });
      const b = calibrateCox(lung, options, { time: 365, groups: 4, bootstrap: 10, random: 3 });
      expect(Array.from(a.observedCorrected)).toEqual(Array.from(b.observedCorrected));
      expect(a.bootstrapUsed).toBe(10);
      a.observed.forEach((o, k) => {
        expect(a.observedCorrected[k]).toBeCloseTo(o - a.optimism[k], 14);
      });
    });
  },
);
