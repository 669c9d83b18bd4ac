import { createRng, isTaceError, randomNormal } from '@tace/core';
import { applyZScore, correlationFilter, fitZScore, mrmr } from '@tace/survival/kernels';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

function columns(cols: number[][], names?: string[]) {
  const n = cols[0].length;
  const data = new Float64Array(n * cols.length);
  cols.forEach((c, j) => {
    data.set(c, j * n);
  });
  return { data, rows: n, columns: cols.length, columnNames: names };
}

describe('fitZScore / applyZScore', () => {
  it('fits mean and sd (n - 1) on training data and applies them unchanged to new data', () => {
    const z = fitZScore([
      [1, 10],
      [2, 10.5],
      [3, 12],
    ]);
    expect(Array.from(z.mean)).toEqual([2, 32.5 / 3]);
    expect(z.sd[0]).toBeCloseTo(1, 15);
    const out = applyZScore(z, [[4, 32.5 / 3]]);
    expect(out.data[0]).toBeCloseTo(2, 15);
    expect(out.data[1]).toBeCloseTo(0, 15);
  });
  it("constant features: 'error' throws, 'drop' reports and removes them", () => {
    expect(() =>
      fitZScore([
        [1, 5],
        [2, 5],
      ]),
    ).toThrow(/feature x2 is constant/);
    const z = fitZScore(
      [
        [1, 5],
        [2, 5],
      ],
      { constantColumns: 'drop' },
    );
    expect(z.dropped).toEqual(['x2']);
    expect(applyZScore(z, [[3, 7]]).columns).toBe(1);
  });
});

describe('correlationFilter', () => {
  const rng = createRng(3);
  const a = Array.from({ length: 50 }, () => randomNormal(rng));
  const b = a.map((v) => v + 0.05 * randomNormal(rng)); // r ~ 0.999 with a
  const c = Array.from({ length: 50 }, () => randomNormal(rng));
  const x = columns([a, b, c], ['a', 'b', 'c']);

  it('of a redundant pair keeps the feature more associated with the outcome', () => {
    expect(correlationFilter(x, [0.2, 0.5, 0.1]).keptNames).toEqual(['b', 'c']);
    const out = correlationFilter(x, [0.6, 0.5, 0.1]);
    expect(out.keptNames).toEqual(['a', 'c']);
    expect(out.removed[0].feature).toBe('b');
    expect(out.removed[0].redundantWith).toBe('a');
    expect(out.removed[0].r).toBeGreaterThan(0.99);
  });

  it('Spearman sees a monotone non-linear copy as redundant; Pearson at 0.99 does not', () => {
    const cube = columns([a, a.map((v) => v ** 3)], ['a', 'a3']);
    expect(correlationFilter(cube, [1, 0], { method: 'spearman', threshold: 0.99 }).keptNames).toEqual(['a']);
    expect(correlationFilter(cube, [1, 0], { method: 'pearson', threshold: 0.99 }).keptNames).toEqual([
      'a',
      'a3',
    ]);
  });

  it('property: no two kept features correlate above the threshold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0.2, max: 0.95, noNaN: true }),
        (seed, t) => {
          const r = createRng(seed);
          const base = Array.from({ length: 30 }, () => randomNormal(r));
          const cols = Array.from({ length: 6 }, () => base.map((v) => v + randomNormal(r) * r.nextFloat()));
          const m = columns(cols);
          const out = correlationFilter(
            m,
            cols.map(() => r.nextFloat()),
            { threshold: t },
          );
          const kept = Array.from(out.kept);
          for (const i of kept)
            for (const j of kept)
              if (i < j) expect(Math.abs(pearson(cols[i], cols[j]))).toBeLessThanOrEqual(t + 1e-12);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('bad input: wrong association length is a TaceError', () => {
    try {
      correlationFilter(x, [1, 2]);
      expect.unreachable();
    } catch (e) {
      expect(isTaceError(e) && e.code).toBe('LENGTH_MISMATCH');
    }
  });
});

describe('mrmr (relevance / mean |r| redundancy)', () => {
  it('picks the most relevant first, then prefers a less relevant but non-redundant feature', () => {
    const rng = createRng(5);
    const a = Array.from({ length: 80 }, () => randomNormal(rng));
    const b = a.map((v) => v + 0.1 * randomNormal(rng));
    const c = Array.from({ length: 80 }, () => randomNormal(rng));
    const out = mrmr(columns([a, b, c], ['a', 'b', 'c']), [10, 9, 4]);
    expect(out.names).toEqual(['a', 'c', 'b']);
    expect(out.score[0]).toBe(10);
    // Hand check of step 2: score(c) = 4 / |r(a, c)|.
    expect(out.score[1]).toBeCloseTo(4 / Math.abs(pearson(a, c)), 10);
  });
  it("'difference' criterion and k", () => {
    const out = mrmr(
      [
        [1, 2, 0],
        [2, 4, 1],
        [3, 6, 0],
        [4, 8.5, 1],
      ],
      [0.9, 0.8, 0.3],
      { k: 2, criterion: 'difference' },
    );
    expect(out.order.length).toBe(2);
    expect(out.names[0]).toBe('x1');
  });
});

function pearson(u: number[], v: number[]): number {
  const n = u.length;
  const mu = u.reduce((s, x) => s + x, 0) / n;
  const mv = v.reduce((s, x) => s + x, 0) / n;
  let suv = 0;
  let suu = 0;
  let svv = 0;
  for (let i = 0; i < n; i++) {
    suv += (u[i] - mu) * (v[i] - mv);
    suu += (u[i] - mu) ** 2;
    svv += (v[i] - mv) ** 2;
  }
  return suv / Math.sqrt(suu * svv);
}
