import { categoricalColumn } from '@tace/core';
import { sharedDataSkipMessage } from '@tace/core/testing';
import { coxph, predictCox } from '@tace/survival';
import { describe, expect, it } from 'vitest';
import { expectClose, loadFixture, readCsv, survivalDataPath } from '../fixtures/r-survival/helpers.js';

// Factor reference levels and level order (issue 22, item 5), against survival 3.5-3 under R 4.2.2:
// fixtures/r-survival/make-factor-levels.R.
const fixture = loadFixture('coxph-levels');
const path = survivalDataPath('veteran');
const TOL = 1e-9;
const columns = { time: 'time', event: 'status', covariates: ['celltype', 'karno', 'trt'] };
const order = ['smallcell', 'squamous', 'large', 'adeno'];

describe.skipIf(path === null)(
  `coxph factor levels as R (${path === null ? sharedDataSkipMessage('survival') : fixture.versions.survival})`,
  () => {
    const veteran = path === null ? {} : readCsv(path);
    function check(fit: ReturnType<typeof coxph>, r: (typeof fixture.cases)[number]) {
      expect(fit.names).toEqual(r.names);
      expectClose(fit.coefficients, r.coef, TOL, 'coef');
      expectClose(fit.variance.data, (r.var as number[][]).flat(), TOL, 'var');
      expectClose(fit.loglik, r.loglik, TOL, 'loglik');
    }
    it("reference: { celltype: 'large' } is R's relevel(celltype, 'large')", () => {
      check(coxph(veteran, { ...columns, reference: { celltype: 'large' } }), fixture.cases[0]);
    });
    it("levels: { celltype: [...] } is R's factor(celltype, levels = ...)", () => {
      check(coxph(veteran, { ...columns, levels: { celltype: order } }), fixture.cases[1]);
    });
    it('a categoricalColumn ({ codes, levels }) keeps its level order (was "has undefined rows")', () => {
      const table = { ...veteran, celltype: categoricalColumn(veteran, 'celltype', { levels: order }) };
      const fit = coxph(table, columns);
      check(fit, fixture.cases[1]);
      // predicting on a table with the same kind of column gives the fit's own linear predictors
      expectClose(predictCox(fit, table).linearPredictor, fit.linearPredictors, 1e-12, 'lp');
    });
    it('names an unknown reference level or a level missing from the order', () => {
      expect(() => coxph(veteran, { ...columns, reference: { celltype: 'big' } })).toThrow(
        /reference level 'big' is not a level of column 'celltype'/,
      );
      expect(() => coxph(veteran, { ...columns, levels: { celltype: ['large', 'adeno'] } })).toThrow(
        /'smallcell', 'squamous', not among its levels/,
      );
    });
  },
);
