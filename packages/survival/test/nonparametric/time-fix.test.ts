import { coxph } from '@tace/survival';
import { concordance, kaplanMeier, logRank } from '@tace/survival/kernels';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderBy } from '../../src/internal/argsort.js';
import { timeFix, timeFixOrdered } from '../../src/internal/time-fix.js';

describe('timeFix (R aeqSurv)', () => {
  it('merges times within sqrt(eps) of the previous distinct time into the first of the run', () => {
    const eps = 1e-10;
    expect(Array.from(timeFix(Float64Array.of(2, 1 + eps, 1, 1 + 2 * eps, 3)))).toEqual([2, 1, 1, 1, 3]);
  });

  it('returns the stable order of the merged times (runs of merged times in input order)', () => {
    // times on a coarse grid plus noise below the tolerance: many merged runs, out of input order
    const noisy = fc.array(
      fc
        .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: -3, max: 3 }))
        .map(([t, e]) => t + e * 1e-10),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(noisy, (values) => {
        const { time, order } = timeFixOrdered(Float64Array.from(values));
        expect(Array.from(order)).toEqual(Array.from(orderBy(time.length, [{ key: time }])));
      }),
      { seed: 22, numRuns: 300 },
    );
  });

  it('returns the input unchanged when no times are near-tied', () => {
    const t = Float64Array.of(3, 1, 2);
    expect(timeFix(t)).toBe(t);
  });

  it('makes weeks computed as days / 7 tie as R does, in every consumer', () => {
    // 10/7 * 7 / 7 and 10/7 differ in the last bit
    const a = 10 / 7;
    const b = (((10 / 7) * 7) / 7) * (1 + 4 * Number.EPSILON);
    expect(a).not.toBe(b);
    const time = [a, b, 2, 3, 4, 5];
    const dead = [1, 1, 0, 1, 1, 0];
    expect(kaplanMeier(time, dead).curves[0].time).toHaveLength(5);
    expect(kaplanMeier(time, dead, { timeFix: false }).curves[0].time).toHaveLength(6);
    const group = ['a', 'b', 'a', 'b', 'a', 'b'];
    expect(logRank(time, dead, group).chisq).not.toBeCloseTo(
      logRank(time, dead, group, { timeFix: false }).chisq,
      10,
    );
    const risk = [1, 2, 3, 4, 5, 6];
    expect(concordance(time, dead, risk).tiedTime).toBe(1);
    const x = [0.5, 1.2, 0.3, 0.8, 1.5, 0.1];
    const tied = coxph({ time, dead, x }, { time: 'time', event: 'dead', covariates: ['x'] });
    const untied = coxph(
      { time, dead, x },
      { time: 'time', event: 'dead', covariates: ['x'] },
      { timeFix: false },
    );
    // R 4.2.2, survival 3.5-3: coxph(Surv(t, d) ~ x)$loglik[2] with and without coxph.control(timefix = FALSE)
    expect(tied.loglik[1]).toBeCloseTo(-4.84278917060963, 12);
    expect(untied.loglik[1]).toBeCloseTo(-4.89381157786598, 12);
  });
});
