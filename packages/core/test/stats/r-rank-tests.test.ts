// Tier 2: Wilcoxon and Kruskal-Wallis tests against R 4.2.2 `wilcox.test` / `kruskal.test`
// (fixture made by test/fixtures/r-stats/generate.R, which holds every R call).

import { kruskalWallis, wilcoxonRankSum, wilcoxonSignedRank } from '@tace/core';
import { describe, expect, it } from 'vitest';
import { alternative, expectClose, fixture, num, vec } from './r-fixture.js';

describe('wilcoxonRankSum matches R wilcox.test(x, y, alternative, mu, correct)', () => {
  for (const c of fixture.wilcox_rank_sum) {
    it(`${c.name}, ${c.alternative}, correct = ${c.correct}`, () => {
      const result = wilcoxonRankSum(vec(c.x), vec(c.y), {
        alternative: alternative(c.alternative),
        mu: c.mu,
        correct: c.correct,
        ...(c.exact_option === false ? { exact: false } : {}),
      });
      expect(result.exact).toBe(c.exact);
      // W is an integer or half-integer: exact. p: exact distribution 1e-12, normal approximation 1e-12.
      expect(result.statistic).toBe(num(c.result.statistic));
      expectClose(result.pValue, num(c.result.p_value), 1e-12, 0, 'p');
    });
  }
});

describe('wilcoxonSignedRank matches R wilcox.test(x, [y, paired = TRUE], mu, correct)', () => {
  for (const c of fixture.wilcox_signed_rank) {
    it(`${c.name}, ${c.alternative}, correct = ${c.correct}`, () => {
      const result = wilcoxonSignedRank(vec(c.x), {
        ...(c.y === null || c.y === undefined ? {} : { y: vec(c.y) }),
        alternative: alternative(c.alternative),
        mu: c.mu,
        correct: c.correct,
      });
      expect(result.exact).toBe(c.exact);
      expect(result.statistic).toBe(num(c.result.statistic));
      expectClose(result.pValue, num(c.result.p_value), 1e-12, 0, 'p');
    });
  }
});

describe('kruskalWallis matches R kruskal.test(x, g)', () => {
  fixture.kruskal.forEach(
    (
      c: { x: unknown; g: string[]; result: { statistic: number; parameter: number; p_value: number } },
      i: number,
    ) => {
      it(`case ${i + 1}`, () => {
        const result = kruskalWallis(vec(c.x), c.g);
        expectClose(result.statistic, c.result.statistic, 1e-13, 0, 'H');
        expect(result.df).toBe(c.result.parameter);
        expectClose(result.pValue, c.result.p_value, 1e-12, 0, 'p');
      });
    },
  );
});
