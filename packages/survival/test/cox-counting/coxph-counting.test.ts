import { coxph } from '@tace/survival';
import { describe, expect, it } from 'vitest';
import { loadJsonFixture } from '../fixtures/load-json.js';
import { expectClose, expectTaceError } from '../fixtures/r-survival/helpers.js';

const fixture = loadJsonFixture('r-counting', 'counting');
const covariates = ['treat', 'female', 'age', 'autosomal', 'steroids', 'propylac'];

describe('coxph on (start, stop] data: hand-worked properties', () => {
  it('splitting follow-up at times without events leaves the fit unchanged (lung split at 100, 365, 730)', () => {
    const s = fixture.survSplit;
    const split = {
      id: s.id,
      tstart: s.tstart,
      time: s.time,
      status: s.status,
      age: [] as number[],
      sex: [] as number[],
    };
    for (const id of s.id) {
      split.age.push(s.lung.age[id - 1]);
      split.sex.push(s.lung.sex[id - 1]);
    }
    const a = coxph(split, { start: 'tstart', time: 'time', event: 'status', covariates: ['age', 'sex'] });
    const b = coxph(s.lung, { time: 'time', event: 'status', covariates: ['age', 'sex'] });
    expectClose(a.coefficients, b.coefficients, 1e-10, 'coef');
    expectClose(a.loglik, b.loglik, 1e-10, 'loglik');
    expectClose(a.coefficients, s.splitCoef, 1e-9, 'R coef on the split data');
  });

  it('rejects an interval whose start is not before its stop, naming the start column', () => {
    expectTaceError(
      () =>
        coxph(
          { a: [0, 5, 0], b: [4, 5, 3], e: [1, 0, 1], x: [1, 2, 3] },
          { start: 'a', time: 'b', event: 'e', covariates: ['x'] },
        ),
      'INVALID_ARGUMENT',
      /column 'a'/,
    );
  });
});

describe(`coxph(Surv(start, stop, event) ~ ...) matches R (survival ${fixture.versions.survival})`, () => {
  const specs: Record<
    string,
    {
      data: string;
      start: string;
      time: string;
      event: string;
      covariates: string[];
      ties?: 'breslow';
      cluster?: string;
      strata?: string;
    }
  > = {
    'cgd, Efron': { data: 'cgd', start: 'tstart', time: 'tstop', event: 'status', covariates },
    'cgd, Breslow': {
      data: 'cgd',
      start: 'tstart',
      time: 'tstop',
      event: 'status',
      covariates,
      ties: 'breslow',
    },
    'cgd, cluster(id) robust': {
      data: 'cgd',
      start: 'tstart',
      time: 'tstop',
      event: 'status',
      covariates,
      cluster: 'id',
    },
    'cgd, strata(hoscat)': {
      data: 'cgd',
      start: 'tstart',
      time: 'tstop',
      event: 'status',
      covariates,
      strata: 'hoscat',
    },
    'heart, Efron': {
      data: 'heart',
      start: 'start',
      time: 'stop',
      event: 'event',
      covariates: ['age', 'year', 'surgery', 'transplant'],
    },
  };
  for (const c of fixture.cases) {
    it(`${c.label}: coefficients, variance, naive variance, log-likelihoods, score and Wald tests (1e-8)`, () => {
      const spec = specs[c.label];
      const fit = coxph(
        fixture[spec.data],
        {
          start: spec.start,
          time: spec.time,
          event: spec.event,
          covariates: spec.covariates,
          cluster: spec.cluster,
          strata: spec.strata,
        },
        { ties: spec.ties },
      );
      expectClose(fit.coefficients, c.coef, 1e-8, 'coef');
      expectClose(fit.variance.data, c.var.flat(), 1e-8, 'var');
      expectClose(fit.naiveVariance.data, c.naiveVar.flat(), 1e-8, 'naive var');
      expectClose(fit.loglik, c.loglik, 1e-10, 'loglik');
      expectClose([fit.scoreTest.statistic], [c.score], 1e-8, 'score test');
      expectClose([fit.waldTest.statistic], [c.wald], 1e-8, 'Wald test');
      expect(fit.iterations).toBe(c.iter);
      expect([fit.n, fit.events]).toEqual([c.n, c.nevent]);
    });
  }
});
