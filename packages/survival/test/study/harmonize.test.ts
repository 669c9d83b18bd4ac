import { createRng, randomNormal } from '@tace/core';
import { harmonizeCohorts } from '@tace/survival';
import { combat } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';

function table(seed: number, n: number, centre: string, shift: number) {
  const rng = createRng(seed);
  return {
    centre: Array.from({ length: n }, () => centre),
    a: Float64Array.from({ length: n }, () => randomNormal(rng) + shift),
    b: Float64Array.from({ length: n }, () => 2 * randomNormal(rng) - shift),
  };
}

describe('harmonizeCohorts', () => {
  it('keeps the training centre unchanged, moves the others towards it, and equals combat on the pooled rows', () => {
    const cohorts = [
      { role: 'training', table: table(1, 40, '1', 0) },
      { role: 'external', table: table(2, 30, '2', 3) },
      { role: 'external', table: table(3, 30, '3', -2) },
    ];
    const before = cohorts.map((c) => ({ a: Float64Array.from(c.table.a), b: Float64Array.from(c.table.b) }));
    cohorts[1].table.a[0] = Number.NaN; // a failed extraction: left out and left missing
    expect(harmonizeCohorts(cohorts, ['a', 'b'], { batch: 'centre' })).toBe(99);
    expect(Array.from(cohorts[0].table.a)).toEqual(Array.from(before[0].a));
    expect(Number.isNaN(cohorts[1].table.a[0])).toBe(true);
    const mean = (x: Float64Array) =>
      x.filter(Number.isFinite).reduce((s, v) => s + v, 0) / x.filter(Number.isFinite).length;
    expect(Math.abs(mean(cohorts[1].table.a))).toBeLessThan(0.5);
    expect(Math.abs(mean(cohorts[2].table.b))).toBeLessThan(0.8);
    // Same numbers as combat on the pooled complete rows with reference batch '1'.
    const rowsOf = (c: number) => Array.from(before[c].a, (_, i) => [c, i]);
    const rows = [...rowsOf(0), ...rowsOf(1).filter(([, i]) => i !== 0), ...rowsOf(2)];
    const n = rows.length;
    const data = new Float64Array(2 * n);
    rows.forEach(([c, i], k) => {
      data[k] = before[c].a[i];
      data[n + k] = before[c].b[i];
    });
    const direct = combat(
      { data, rows: n, columns: 2 },
      rows.map(([c]) => String(c + 1)),
      { referenceBatch: '1' },
    );
    rows.forEach(([c, i], k) => {
      expect(cohorts[c].table.b[i]).toBeCloseTo(direct.adjusted.data[n + k], 12);
    });
  });
});
