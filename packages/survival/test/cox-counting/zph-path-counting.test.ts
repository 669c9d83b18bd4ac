import type { CoxModel } from '@tace/survival';
import { coxph, coxSurvivalCurves, coxSurvivalPath, coxZph } from '@tace/survival';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadJsonFixture } from '../fixtures/load-json.js';
import { expectClose, expectTaceError } from '../fixtures/r-survival/helpers.js';

// cox.zph of (start, stop] fits, and survfit(fit, newdata = path, id = id) for a covariate path (issue 22,
// item 1), against survival 3.5 under R 4.2 on cgd and heart: fixtures/r-counting-path/make.R.
const fixture = loadJsonFixture('r-counting-path', 'counting-path');
const TOL = 1e-9;

interface Spec {
  data: 'cgd' | 'heart';
  start: string;
  time: string;
  event: string;
  covariates: string[];
  ties?: 'breslow';
  strata?: string;
  weights?: string;
  cluster?: string;
}

function fitSpec(spec: Spec): CoxModel {
  const { data, ties, ...columns } = spec;
  return coxph(fixture[data], columns, { ties: ties ?? 'efron' });
}

describe(`coxZph on (start, stop] fits matches R cox.zph (survival ${fixture.versions.survival})`, () => {
  for (const c of fixture.zph) {
    it(`${c.label}: ${c.call}`, () => {
      const z = coxZph(fitSpec(c.spec), { transform: c.transform });
      expect(z.terms).toEqual(c.terms);
      expectClose(z.chisq, c.chisq, TOL, 'chisq');
      expectClose(z.df, c.df, 0, 'df');
      expectClose(z.pValue, c.p, TOL, 'p');
    });
  }
});

describe(`coxSurvivalPath matches R survfit(fit, newdata = path, id = id) (survival ${fixture.versions.survival})`, () => {
  for (const c of fixture.paths) {
    it(`${c.label}: ${c.call}`, () => {
      const fit = fitSpec(c.spec);
      const out = coxSurvivalPath(fit, c.path, { id: 'id' });
      expect(out.curves.map((k) => k.id)).toEqual(c.curves.map((k: { id: number }) => String(k.id)));
      out.curves.forEach((curve, i) => {
        const r = c.curves[i];
        expectClose(curve.time, r.time, 1e-12, `time ${curve.id}`);
        expectClose(curve.cumHazard, r.cumhaz, TOL, `cumhaz ${curve.id}`);
        expectClose(curve.survival, r.surv, TOL, `surv ${curve.id}`);
        expectClose(curve.stdErr, r.stdErr, TOL, `std.err ${curve.id}`);
        expectClose(curve.lower, r.lower, TOL, `lower ${curve.id}`);
        expectClose(curve.upper, r.upper, TOL, `upper ${curve.id}`);
      });
    });
  }

  it('a one-row path with fixed covariates is the fixed-covariate curve at its times (coxSurvivalCurves)', () => {
    const c = fixture.paths[0];
    const fit = fitSpec(c.spec);
    const row = { start: [0], stop: [2000], age: [2], year: [1.5], surgery: [1], transplant: [0] };
    const path = coxSurvivalPath(fit, row).curves[0];
    expect(path.id).toBe('1');
    // the same subject, with the id column: identical
    const r = c.curves[1];
    expectClose(path.survival.subarray(0, r.surv.length), r.surv, TOL, 'surv');
  });

  it('refuses a right-censored fit, a row with start >= stop and an unknown stratum', () => {
    const heart = fixture.heart;
    const right = coxph(heart, { time: 'stop', event: 'event', covariates: ['age'] });
    expectTaceError(
      () => coxSurvivalPath(right, { start: [0], stop: [10], age: [1] }),
      'UNSUPPORTED',
      /model/,
    );
    const fit = fitSpec(fixture.paths[0].spec);
    const bad = {
      start: [0, 50],
      stop: [50, 50],
      age: [1, 1],
      year: [1, 1],
      surgery: [0, 0],
      transplant: [0, 1],
    };
    expectTaceError(() => coxSurvivalPath(fit, bad), 'INVALID_ARGUMENT', /start/);
    const strat = fitSpec(fixture.paths[3].spec);
    expectTaceError(
      () => coxSurvivalPath(strat, { ...fixture.paths[3].path, hoscat: ['US:NIH', 'Mars', 'US:other'] }),
      'INVALID_ARGUMENT',
      /hoscat/,
    );
  });
});

describe('a fit with time-transformed covariates has no PH test and no curves, as R', () => {
  it('coxZph, coxSurvivalCurves and coxSurvivalPath throw UNSUPPORTED (R: "not defined for models with tt() terms")', () => {
    const heart = fixture.heart;
    const fit = coxph(heart, {
      start: 'start',
      time: 'stop',
      event: 'event',
      covariates: ['age', 'ageT'],
      timeTransforms: { ageT: { column: 'age', transform: (x, t) => x * Math.log(t + 1) } },
    });
    expect(fit.columns.timeTransforms).toEqual(['ageT']);
    expectTaceError(() => coxZph(fit), 'UNSUPPORTED', /model/);
    expectTaceError(() => coxSurvivalCurves(fit, { age: [1], ageT: [1] }), 'UNSUPPORTED', /model/);
    expectTaceError(
      () => coxSurvivalPath(fit, { start: [0], stop: [1], age: [1], ageT: [1] }),
      'UNSUPPORTED',
      /model/,
    );
  });
});

describe('property: splitting a path row where the covariates do not change leaves the curve unchanged', () => {
  it('(0, T] = (0, s] + (s, T] with the same covariates (heart, Efron; 30 runs)', () => {
    const fit = fitSpec(fixture.paths[0].spec);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1799 }),
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: 0, max: 1 }),
        (s, age, transplant) => {
          const x = { age, year: 3, surgery: 0, transplant };
          const one = coxSurvivalPath(fit, { start: [0], stop: [1800], ...wrap(x, 1) }).curves[0];
          const two = coxSurvivalPath(fit, { start: [0, s], stop: [s, 1800], ...wrap(x, 2) }).curves[0];
          expectClose(two.time, one.time, 1e-12, 'time');
          expectClose(two.cumHazard, one.cumHazard, 1e-12, 'cumhaz');
          expectClose(two.stdErr, one.stdErr, 1e-12, 'std.err');
        },
      ),
      { numRuns: 30, seed: 22 },
    );
  });
});

function wrap(x: Record<string, number>, k: number): Record<string, number[]> {
  return Object.fromEntries(Object.entries(x).map(([name, v]) => [name, new Array(k).fill(v)]));
}
