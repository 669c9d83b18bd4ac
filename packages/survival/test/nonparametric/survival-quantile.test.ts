import { survivalQuantile } from '@tace/survival/kernels';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { survivalQuantiles } from '../../src/nonparametric/survival-quantile.js';

/**
 * The implementation this one replaced (one scan per probability, commit 34e3589), which the KM fixtures
 * check against R's `quantile.survfit`; kept verbatim here as the reference.
 */
function previousScan(
  time: Float64Array,
  surv: Float64Array,
  p: number,
  firstTime = 0,
  tolerance = Math.sqrt(Number.EPSILON),
): number {
  const n = time.length;
  // x = c(firstTime, time), y = c(0, 1 - surv), duplicated y removed (keep the first).
  const xs = new Float64Array(n + 1);
  const ys = new Float64Array(n + 1);
  xs[0] = firstTime;
  ys[0] = 0;
  let m = 1;
  let sawNaN = false;
  let maxY = 0;
  for (let i = 0; i < n; i++) {
    const y = 1 - surv[i];
    if (Number.isNaN(y)) {
      if (sawNaN) continue;
      sawNaN = true;
    } else {
      let dup = false;
      for (let k = m - 1; k >= 0; k--) {
        if (ys[k] === y) {
          dup = true;
          break;
        }
        if (!Number.isNaN(ys[k]) && ys[k] < y) break;
      }
      if (dup) continue;
      if (y > maxY) maxY = y;
    }
    xs[m] = time[i];
    ys[m] = y;
    m++;
  }
  if (maxY < p) return Number.NaN;
  const xmax = n > 0 ? time[n - 1] : firstTime;
  if (p === 0) return xs[0];
  const first = (bound: number): number => {
    for (let i = 0; i < m; i++) if (!Number.isNaN(ys[i]) && ys[i] >= bound) return i;
    return -1;
  };
  const i1 = first(p - tolerance);
  const i2 = first(p + tolerance);
  const last = ys[m - 1];
  if (!Number.isNaN(last) && Math.abs(p - last) < tolerance) {
    return i1 < 0 ? Number.NaN : (xs[i1] + xmax) / 2;
  }
  if (i1 < 0 || i2 < 0) return Number.NaN;
  return (xs[i1] + xs[i2]) / 2;
}

describe('survivalQuantiles (one scan for all probabilities)', () => {
  // curves on a coarse grid of survival values (plateaus exactly at 0.5, 0.25 ...), some NaN (undefined
  // limits), not necessarily monotone (an upper limit need not be)
  const curve = fc.array(
    fc.oneof(
      fc.integer({ min: 0, max: 8 }).map((k) => k / 8),
      fc.constant(Number.NaN),
    ),
    {
      minLength: 1,
      maxLength: 30,
    },
  );
  const probs = fc.array(
    fc.oneof(
      fc.integer({ min: 0, max: 8 }).map((k) => k / 8),
      fc.double({ min: 0, max: 1, noNaN: true }),
    ),
    { minLength: 1, maxLength: 6 },
  );

  it('equals the one-probability-at-a-time scan at every probability, in any order of the probabilities', () => {
    fc.assert(
      fc.property(curve, probs, (surv, ps) => {
        const time = Float64Array.from(surv, (_, i) => i + 1);
        const s = Float64Array.from(surv);
        const got = survivalQuantiles(time, s, ps);
        ps.forEach((p, q) => {
          const want = previousScan(time, s, p);
          expect(got[q]).toBe(want);
          expect(survivalQuantile(time, s, p)).toBe(want);
        });
      }),
      { seed: 22, numRuns: 400 },
    );
  });
});
