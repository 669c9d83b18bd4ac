import { sharedDataSkipMessage } from '@tace/core/testing';
import { coxph } from '@tace/survival';
import { describe, expect, it } from 'vitest';
import { expectClose, loadFixture, readCsv, survivalDataPath } from '../fixtures/r-survival/helpers.js';

// R's default variance of a weighted Cox fit (issue 19, item 8), against survival 3.5-3 under R 4.2.2:
// fixtures/r-survival/make-weighted-cox.R (rotterdam embedded in the fixture; lung from the shared data).
const fixture = loadFixture('coxph-weighted');
const TOL = 1e-9;
const rot = fixture.rotterdam as Record<string, number[]>;
const rotColumns = { time: 'rtime', event: 'recur', covariates: ['age', 'meno', 'nodes', 'chemo'] };

function check(fit: ReturnType<typeof coxph>, r: (typeof fixture.cases)[number]) {
  expect(fit.robust).toBe(r.robust);
  expectClose(fit.coefficients, r.coef, TOL, 'coef');
  expectClose(fit.variance.data, (r.var as number[][]).flat(), TOL, 'var');
  expectClose(fit.standardErrors, r.se, TOL, 'se');
  if (r.robust) expectClose(fit.naiveVariance.data, (r.naiveVar as number[][]).flat(), TOL, 'naive.var');
  expectClose(fit.loglik, r.loglik, TOL, 'loglik');
}

describe(`weighted coxph uses R's default variance (${fixture.versions.survival})`, () => {
  it('rotterdam, non-integer weights: robust by default, as R', () => {
    check(coxph(rot, { ...rotColumns, weights: 'w' }), fixture.cases[0]);
  });
  it('rotterdam, non-integer weights with robust: false: the model-based variance', () => {
    check(coxph(rot, { ...rotColumns, weights: 'w' }, { robust: false }), fixture.cases[1]);
  });
  it('rotterdam, integer weights (frequencies): model-based by default', () => {
    check(coxph(rot, { ...rotColumns, weights: 'wi' }), fixture.cases[2]);
  });
  const lungPath = survivalDataPath('lung');
  it.skipIf(lungPath === null)(
    `lung, non-integer weights, Breslow ties ${lungPath === null ? sharedDataSkipMessage('survival') : ''}`,
    () => {
      const lung = readCsv(lungPath!);
      lung.dead = lung.status.map((s) => (s as number) - 1);
      lung.w = lung.time.map((_, i) => 0.5 + (i % 5) * 0.3);
      check(
        coxph(
          lung,
          { time: 'time', event: 'dead', covariates: ['age', 'sex', 'ph.ecog'], weights: 'w' },
          { ties: 'breslow', missing: 'omit' },
        ),
        fixture.cases[3],
      );
    },
  );
  it('robust: false with a cluster column warns that the cluster is ignored, as R', () => {
    const fit = coxph(rot, { ...rotColumns, cluster: 'pid' }, { robust: false });
    expect(fit.robust).toBe(false);
    expect(fit.warnings).toContain('cluster specified with robust = false, cluster ignored');
  });
});
