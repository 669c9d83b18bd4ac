import { coxph, kaplanMeier, logRank } from '@tace/survival';
import { describe, expect, it } from 'vitest';

// Hostile inputs of issue 19 (items 7 and the messages): each is fed as a user would and must end in the
// correct result or a named error, never in a silent wrong answer.
const n = 40;
const time = Array.from({ length: n }, (_, i) => 1 + ((i * 7) % 13) + i / 100);
const event = Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 0 : 1));
const x = Array.from({ length: n }, (_, i) => Math.cos(i));
const columns = { time: 'time', event: 'event', covariates: ['x'] };

describe('coxph on covariates and times at the edge of double precision', () => {
  it('a covariate scaled by 1e200 is a named error, not se 0 and p 0', () => {
    const huge = x.map((v) => v * 1e200);
    expect(() =>
      coxph({ time, event, x: huge, z: x.map(Math.sin) }, { ...columns, covariates: ['x', 'z'] }),
    ).toThrow(/variance of the coefficient of 'x' is 0.*extreme scale/);
    const tiny = x.map((v) => v * 1e-200);
    expect(() => coxph({ time, event, x: tiny }, columns)).toThrow(/'x' is Infinity.*extreme scale/);
    // a moderate scale still fits, with the coefficient scaled back
    const fit = coxph({ time, event, x: x.map((v) => v * 1e6) }, columns);
    expect(fit.coefficients[0] * 1e6).toBeCloseTo(coxph({ time, event, x }, columns).coefficients[0], 9);
  });

  it('times near 1e306 are not merged into one by the near-tie merge (the mean of |t| no longer overflows)', () => {
    const m = 400;
    const t = Array.from({ length: m }, (_, i) => 1 + ((i * 37) % 101) + i / 1000);
    const e = t.map((_, i) => (i % 3 === 0 ? 0 : 1));
    const z = t.map((_, i) => Math.sin(i));
    const scaled = t.map((v) => v * 1e306);
    expect(scaled.reduce((a, b) => a + b, 0)).toBe(Number.POSITIVE_INFINITY); // the naive sum overflows
    const ref = coxph({ time: t, event: e, z }, { time: 'time', event: 'event', covariates: ['z'] });
    const big = coxph({ time: scaled, event: e, z }, { time: 'time', event: 'event', covariates: ['z'] });
    expect(big.coefficients[0]).toBeCloseTo(ref.coefficients[0], 12);
    expect(big.loglik[1]).toBeCloseTo(ref.loglik[1], 9);
    const km = kaplanMeier({ time: scaled, event: e }, { time: 'time', event: 'event' });
    expect(km.curves[0].time.length).toBe(new Set(scaled).size);
  });

  it('an infinite covariate names the column, the row and that it is infinite (not "collinear")', () => {
    const withInf = x.slice();
    withInf[5] = Number.POSITIVE_INFINITY;
    expect(() => coxph({ time, event, x: withInf }, columns)).toThrow(/covariate 'x' is Infinity at row 6/);
    withInf[5] = Number.NEGATIVE_INFINITY;
    expect(() => coxph({ time, event, x: withInf }, columns)).toThrow(/-Infinity at row 6/);
    expect(() => coxph({ time, event, x: withInf }, columns)).not.toThrow(/collinear/);
  });
});

describe('TRUE/FALSE event columns are read as R reads them', () => {
  const reference = coxph({ time, event, x }, columns);
  it.each([
    ['TRUE', 'FALSE'],
    ['T', 'F'],
    ['true', 'false'],
    ['True', 'False'],
  ])('%s / %s', (yes, no) => {
    const labels = event.map((e) => (e === 1 ? yes : no));
    const fit = coxph({ time, event: labels, x }, columns);
    expect(Array.from(fit.coefficients)).toEqual(Array.from(reference.coefficients));
    const group = x.map((v) => (v > 0 ? 'a' : 'b'));
    expect(
      logRank({ time, event: labels, group }, { time: 'time', event: 'event', group: 'group' }).chisq,
    ).toBe(logRank({ time, event, group }, { time: 'time', event: 'event', group: 'group' }).chisq);
    expect(kaplanMeier({ time, event: labels }, { time: 'time', event: 'event' }).curves[0].survival).toEqual(
      kaplanMeier({ time, event }, { time: 'time', event: 'event' }).curves[0].survival,
    );
  });
  it('other labels are an error that says how to code events', () => {
    const labels = event.map((e) => (e === 1 ? 'dead' : 'alive'));
    expect(() => coxph({ time, event: labels, x }, columns)).toThrow(
      /row 1 holds "alive", which is not an event indicator.*1\/0, true\/false or TRUE\/FALSE/,
    );
  });
});
