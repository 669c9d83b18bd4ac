import { coxph, coxSurvivalAt, coxSurvivalCurves } from '@tace/survival';
import { describe, expect, it } from 'vitest';

/** The predicted curve's step value at t, read from coxSurvivalCurves (what coxSurvivalAt used to do). */
function readCurve(time: Float64Array, survival: Float64Array, t: number): number {
  let k = -1;
  for (let q = 0; q < time.length; q++) if (time[q] <= t) k = q;
  return k < 0 ? 1 : survival[k];
}

// Issue 20 item 5: coxSurvivalAt computes only S(t | x) at the requested times (no per-row curves or SEs);
// the numbers must be exactly those of the full curves.
describe('coxSurvivalAt reads only the requested times, exactly as the full curves', () => {
  const n = 120;
  const table = {
    time: Array.from({ length: n }, (_, i) => 1 + ((i * 37) % 97) + (i % 3 === 0 ? 0 : 0.5)),
    event: Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 0 : 1)),
    age: Array.from({ length: n }, (_, i) => 40 + ((i * 13) % 41)),
    grade: Array.from({ length: n }, (_, i) => (i * 7) % 3),
    site: Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'north' : 'south')),
  };
  const newRows = { age: [45, 60, 75, 52], grade: [0, 2, 1, 1], site: ['south', 'north', 'south', 'north'] };
  const times = [0, 0.5, 1, 17, 50.5, 96, 200];

  for (const strata of [undefined, 'site'] as const) {
    it(`${strata === undefined ? 'unstratified' : 'stratified'} model`, () => {
      const fit = coxph(table, { time: 'time', event: 'event', covariates: ['age', 'grade'], strata });
      const at = coxSurvivalAt(fit, newRows, times);
      const { curves } = coxSurvivalCurves(fit, newRows);
      expect(at).toHaveLength(times.length);
      times.forEach((t, j) => {
        expect(Array.from(at[j])).toEqual(curves.map((c) => readCurve(c.time, c.survival, t)));
      });
      expect(Array.from(at[0])).toEqual([1, 1, 1, 1]);
    });
  }
});
