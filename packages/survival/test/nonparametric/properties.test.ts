import { coxph } from '@tace/survival';
import { kaplanMeier, logRank } from '@tace/survival/kernels';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const cohort = fc.array(
  fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 2 })),
  {
    minLength: 4,
    maxLength: 60,
  },
);

describe('properties (fast-check, fixed seed)', () => {
  it('KM survival is non-increasing, within [0, 1], and CIs bracket it', () => {
    fc.assert(
      fc.property(cohort, (rows) => {
        const km = kaplanMeier(
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
        );
        const c = km.curves[0];
        for (let i = 0; i < c.survival.length; i++) {
          expect(c.survival[i]).toBeGreaterThanOrEqual(0);
          expect(c.survival[i]).toBeLessThanOrEqual(1);
          if (i > 0) expect(c.survival[i]).toBeLessThanOrEqual(c.survival[i - 1]);
          if (c.survival[i] > 0) {
            expect(c.lower[i]).toBeLessThanOrEqual(c.survival[i] + 1e-12);
            expect(c.upper[i]).toBeGreaterThanOrEqual(c.survival[i] - 1e-12);
          }
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('without censoring KM is 1 - the empirical distribution function (1e-12)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 50 }), (times) => {
        const c = kaplanMeier(
          times,
          times.map(() => 1),
        ).curves[0];
        c.time.forEach((t, i) => {
          const ecdf = times.filter((v) => v <= t).length / times.length;
          expect(Math.abs(c.survival[i] - (1 - ecdf))).toBeLessThan(1e-12);
        });
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('the log-rank statistic does not depend on how groups are labelled (1e-9)', () => {
    fc.assert(
      fc.property(cohort, (rows) => {
        const time = rows.map((r) => r[0]);
        const event = rows.map((r) => r[1]);
        const g = rows.map((r) => r[2]);
        if (new Set(g).size < 2 || event.every((e) => e === 0)) return;
        const a = logRank(time, event, g);
        const b = logRank(
          time,
          event,
          g.map((v) => ['z', 'y', 'x'][v]),
        );
        expect(Math.abs(a.chisq - b.chisq)).toBeLessThan(1e-9 * Math.max(1, a.chisq));
      }),
      { numRuns: 200, seed: 13 },
    );
  });

  it('Cox coefficients are unchanged by shifting a covariate and scale inversely with it (1e-7)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 1, max: 40 }),
            fc.integer({ min: 0, max: 1 }),
            fc.integer({ min: -20, max: 20 }),
          ),
          {
            minLength: 12,
            maxLength: 40,
          },
        ),
        (rows) => {
          const time = rows.map((r) => r[0]);
          const dead = rows.map((r) => r[1]);
          const x = rows.map((r) => r[2] / 10);
          if (dead.filter((d) => d === 1).length < 3 || new Set(x).size < 3) return;
          let fit: ReturnType<typeof coxph>;
          try {
            fit = coxph({ time, dead, x }, { time: 'time', event: 'dead', covariates: ['x'] });
          } catch {
            return;
          }
          if (fit.warnings.length > 0 || !fit.converged) return;
          const shifted = coxph(
            { time, dead, x: x.map((v) => 3 * v + 10) },
            { time: 'time', event: 'dead', covariates: ['x'] },
          );
          expect(Math.abs(shifted.coefficients[0] * 3 - fit.coefficients[0])).toBeLessThan(
            1e-7 * Math.max(1, Math.abs(fit.coefficients[0])),
          );
          expect(Math.abs(shifted.loglik[1] - fit.loglik[1])).toBeLessThan(1e-7 * Math.abs(fit.loglik[1]));
        },
      ),
      { numRuns: 100, seed: 17 },
    );
  });
});
