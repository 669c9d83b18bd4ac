import { causeSpecificCox, coxph, fineGray as fineGrayTable } from '@tace/survival';
import { fineGray } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { loadJsonFixture } from '../fixtures/load-json.js';
import { expectClose, expectTaceError } from '../fixtures/r-survival/helpers.js';

const fixture = loadJsonFixture('r-cmprsk', 'cmprsk');

function design(d: Record<string, (number | string)[]>): number[][] {
  return d.x1.map((_, i) => [
    d.x1[i] as number,
    d.x2[i] as number,
    d.group[i] === 'B' ? 1 : 0,
    d.group[i] === 'C' ? 1 : 0,
  ]);
}

describe('fineGray: properties', () => {
  it('without competing failures it is Cox regression with Breslow ties (coefficients within 1e-5)', () => {
    const d = fixture.data.sim1;
    const status = d.status.map((s: number) => (s === 2 ? 0 : s));
    const x = design(d);
    const fit = fineGray(d.time, status, x, { gtol: 1e-12, maxIter: 50 });
    expect(fit.events.competing).toBe(0);
    const table = {
      time: d.time,
      event: status,
      x1: x.map((r) => r[0]),
      x2: x.map((r) => r[1]),
      b: x.map((r) => r[2]),
      c: x.map((r) => r[3]),
    };
    const cox = coxph(
      table,
      { time: 'time', event: 'event', covariates: ['x1', 'x2', 'b', 'c'] },
      { ties: 'breslow' },
    );
    expectClose(fit.coefficients, cox.coefficients, 1e-5, 'coef');
    expectClose(fit.naiveVariance.data, cox.variance.data, 1e-5, 'inverse information');
  });

  it('rejects a failure code that is absent, naming failCode', () => {
    expectTaceError(
      () => fineGray([1, 2, 3], [1, 0, 1], [[0], [1], [2]], { failCode: 3 }),
      'EMPTY_INPUT',
      /failCode/,
    );
  });
});

describe(`fineGray matches cmprsk::crr (cmprsk ${fixture.versions.cmprsk})`, () => {
  for (const c of fixture.crr) {
    const d = c.label.startsWith('whole') ? fixture.data.sim2 : fixture.data.sim1;
    it(`${c.label}: coef, var, invinf, loglik, loglik.null, converged (1e-8)`, () => {
      const fit = fineGray(d.time, d.status, design(d), {
        failCode: c.failcode,
        censorGroup: c.cengroup ? d.centre : undefined,
        maxIter: c.maxiter,
      });
      expect(fit.converged).toBe(c.converged);
      expectClose(fit.coefficients, c.coef, 1e-8, 'coef');
      expectClose(fit.variance.data, c.var.flat(), 1e-8, 'var');
      expectClose(fit.naiveVariance.data, c.invinf.flat(), 1e-8, 'invinf');
      expectClose([fit.logLik, fit.logLikNull], [c.loglik, c.loglikNull], 1e-10, 'loglik');
      expectClose(
        fit.stdErr,
        c.var.map((col: number[], j: number) => Math.sqrt(col[j])),
        1e-8,
        'se',
      );
    });
  }
});

describe('table level: fineGray and causeSpecificCox', () => {
  const d = fixture.data.sim1;
  const table = {
    ...d,
    groupB: d.group.map((g: string) => (g === 'B' ? 1 : 0)),
    groupC: d.group.map((g: string) => (g === 'C' ? 1 : 0)),
  };

  it('fineGray(table) equals the kernel', () => {
    const a = fineGrayTable(table, {
      time: 'time',
      status: 'status',
      covariates: ['x1', 'x2', 'groupB', 'groupC'],
    });
    const c = fixture.crr[0];
    expectClose(a.coefficients, c.coef, 1e-8, 'coef');
    expect(a.terms).toEqual(['x1', 'x2', 'groupB', 'groupC']);
  });

  it('causeSpecificCox = coxph(Surv(time, status == 1) ~ x1 + x2 + group) (1e-9)', () => {
    const fit = causeSpecificCox(
      table,
      { time: 'time', status: 'status', covariates: ['x1', 'x2', 'group'] },
      { cause: 1 },
    );
    const r = fixture.causeSpecific;
    expectClose(fit.coefficients, r.coef, 1e-9, 'coef');
    expectClose(fit.variance.data, r.var.flat(), 1e-9, 'var');
    expectClose(fit.loglik, r.loglik, 1e-9, 'loglik');
  });
});
