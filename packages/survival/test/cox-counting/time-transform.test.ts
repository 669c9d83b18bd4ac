import { coxph } from '@tace/survival';
import { describe, expect, it } from 'vitest';
import { loadJsonFixture } from '../fixtures/load-json.js';
import { expectClose, expectTaceError } from '../fixtures/r-survival/helpers.js';

const fixture = loadJsonFixture('r-counting', 'counting');

describe(`coxph with timeTransforms matches R coxph(tt = ...) (survival ${fixture.versions.survival})`, () => {
  it('lung: age + tt(age) + sex, tt = x log(t): coefficients, variance, log-likelihoods (1e-8)', () => {
    const r = fixture.tt[0];
    const fit = coxph(fixture.lungTt, {
      time: 'time',
      event: 'status',
      covariates: ['age', 'ageLogT', 'sex'],
      timeTransforms: { ageLogT: { column: 'age', transform: (x, t) => x * Math.log(t) } },
    });
    expectClose(fit.coefficients, r.coef, 1e-8, 'coef');
    expectClose(fit.variance.data, r.var.flat(), 1e-8, 'var');
    expectClose(fit.loglik, r.loglik, 1e-10, 'loglik');
    expectClose([fit.scoreTest.statistic, fit.waldTest.statistic], [r.score, r.wald], 1e-8, 'tests');
    expect(fit.events).toBe(r.nevent);
  });

  it('veteran: trt + prior + karno + tt(karno), tt = x log(t + 20) (1e-8)', () => {
    const r = fixture.tt[1];
    const fit = coxph(fixture.veteran, {
      time: 'time',
      event: 'status',
      covariates: ['trt', 'prior', 'karno', 'karnoT'],
      timeTransforms: { karnoT: { column: 'karno', transform: (x, t) => x * Math.log(t + 20) } },
    });
    expectClose(fit.coefficients, r.coef, 1e-8, 'coef');
    expectClose(fit.variance.data, r.var.flat(), 1e-8, 'var');
    expectClose(fit.loglik, r.loglik, 1e-10, 'loglik');
  });

  it('a transform not listed among the covariates is refused', () => {
    expectTaceError(
      () =>
        coxph(fixture.veteran, {
          time: 'time',
          event: 'status',
          covariates: ['karno'],
          timeTransforms: { karnoT: { column: 'karno', transform: (x) => x } },
        }),
      'INVALID_ARGUMENT',
      /timeTransforms/,
    );
  });
});
