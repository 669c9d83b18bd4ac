// Tier 2: quantile, mean, variance, median, rank and p.adjust against R 4.2.2; fixture made by
// test/fixtures/r-stats/generate.R.

import { mean, median, pAdjust, quantile, rank, standardDeviation, variance } from '@tace/core';
import { describe, expect, it } from 'vitest';
import { expectClose, fixture, vec } from './r-fixture.js';

describe('quantile matches R quantile(x, probs, type) bit for bit', () => {
  fixture.quantiles.forEach((c: { x: unknown; type: 7 | 2; probs: number[]; result: unknown }, i: number) => {
    it(`case ${i + 1}, type ${c.type}, n = ${vec(c.x).length}`, () => {
      expect(Array.from(quantile(vec(c.x), c.probs, { type: c.type }))).toEqual(vec(c.result));
    });
  });
});

describe('mean, variance, sd, median and rank match R', () => {
  // biome-ignore lint/suspicious/noExplicitAny: JSON fixture
  fixture.summaries.forEach((c: any, i: number) => {
    it(`case ${i + 1} (n = ${vec(c.x).length})`, () => {
      const x = vec(c.x);
      expectClose(mean(x), c.mean, 1e-15, 0, 'mean');
      expectClose(variance(x), c.var, 1e-13, 0, 'var');
      expectClose(standardDeviation(x), c.sd, 1e-13, 0, 'sd');
      expect(median(x)).toBe(c.median);
      const rounded = x.map(Math.round);
      expect(Array.from(rank(rounded))).toEqual(vec(c.rank_average));
      expect(Array.from(rank(rounded, { ties: 'min' }))).toEqual(vec(c.rank_min));
      expect(Array.from(rank(rounded, { ties: 'max' }))).toEqual(vec(c.rank_max));
      expect(Array.from(rank(rounded, { ties: 'first' }))).toEqual(vec(c.rank_first));
    });
  });
});

describe('pAdjust matches R p.adjust(p, method), NA kept and not counted', () => {
  for (const c of fixture.p_adjust) {
    it(c.method, () => {
      const adjusted = pAdjust(vec(c.p), c.method);
      vec(c.adjusted).forEach((expected, i) => {
        if (Number.isNaN(expected)) expect(adjusted[i]).toBeNaN();
        else expectClose(adjusted[i], expected, 1e-14, 0, `p[${i}]`);
      });
    });
  }
});
