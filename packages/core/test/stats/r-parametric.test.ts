// Tier 2: t-tests, correlation tests, chi-square and Fisher's exact test against R 4.2.2 (`t.test`,
// `cor.test`, `chisq.test`, `fisher.test`); fixture made by test/fixtures/r-stats/generate.R.

import {
  chiSquareTest,
  correlationTest,
  fisherExactTest,
  oneSampleTTest,
  studentTTest,
  welchTTest,
} from '@tace/core';
import { describe, expect, it } from 'vitest';
import { alternative, expectClose, fixture, num, vec } from './r-fixture.js';

describe('t-tests match R t.test', () => {
  for (const c of fixture.t_tests) {
    it(`${c.kind}, ${c.alternative}, conf.level ${c.conf_level}`, () => {
      const options = { alternative: alternative(c.alternative), confLevel: c.conf_level, mu: c.mu };
      const x = vec(c.x);
      const result =
        c.kind === 'welch'
          ? welchTTest(x, vec(c.y), options)
          : c.kind === 'student'
            ? studentTTest(x, vec(c.y), options)
            : c.kind === 'paired'
              ? oneSampleTTest(x, { ...options, y: vec(c.y) })
              : oneSampleTTest(x, options);
      // closed form: statistic, df, standard error to 1e-13; p and interval (t quantile) to 1e-11
      expectClose(result.statistic, num(c.result.statistic), 1e-13, 0, 't');
      expectClose(result.df, num(c.result.parameter), 1e-13, 0, 'df');
      expectClose(result.standardError, num(c.result.stderr), 1e-13, 0, 'stderr');
      expectClose(result.pValue, num(c.result.p_value), 1e-11, 0, 'p');
      const ci = vec(c.result.conf_int);
      expectClose(result.confidenceInterval[0], ci[0], 1e-11, 0, 'lower');
      expectClose(result.confidenceInterval[1], ci[1], 1e-11, 0, 'upper');
      const estimate = vec(c.result.estimate);
      expectClose(
        result.estimate,
        estimate.length === 2 ? estimate[0] - estimate[1] : estimate[0],
        1e-13,
        1e-15,
      );
    });
  }
});

describe('correlationTest matches R cor.test(x, y, method = pearson | spearman | kendall, alternative)', () => {
  for (const c of fixture.correlation) {
    it(`${c.method}, ${c.name}, ${c.alternative}`, () => {
      const result = correlationTest(vec(c.x), vec(c.y), {
        method: c.method,
        alternative: alternative(c.alternative),
      });
      expectClose(result.estimate, num(c.result.estimate), 1e-13, 0, 'estimate');
      expectClose(result.statistic, num(c.result.statistic), 1e-11, 1e-9, 'statistic');
      expectClose(result.pValue, num(c.result.p_value), 1e-11, 0, 'p');
      if (c.method === 'pearson') {
        const ci = vec(c.result.conf_int);
        expectClose(result.confidenceInterval[0], ci[0], 1e-12, 1e-15, 'lower');
        expectClose(result.confidenceInterval[1], ci[1], 1e-12, 1e-15, 'upper');
      }
    });
  }
});

describe('chiSquareTest matches R chisq.test(matrix, correct)', () => {
  for (const c of fixture.chisq) {
    it(`${c.table.join(' ')} (rows ${c.rows}), correct = ${c.correct}`, () => {
      const cells = vec(c.table);
      const columns = cells.length / c.rows;
      const counts = Array.from({ length: c.rows }, (_, i) => cells.slice(i * columns, (i + 1) * columns));
      const result = chiSquareTest(counts, { correct: c.correct });
      expectClose(result.statistic, num(c.result.statistic), 1e-13, 1e-15, 'X2');
      expect(result.df).toBe(num(c.result.parameter));
      expectClose(result.pValue, num(c.result.p_value), 1e-12, 0, 'p');
      expect(result.expected.flat().map((v, i) => Math.abs(v - vec(c.expected)[i]) < 1e-12)).not.toContain(
        false,
      );
    });
  }
});

describe('fisherExactTest matches R fisher.test on 2 x 2 tables', () => {
  for (const c of fixture.fisher) {
    it(`${c.table.join(' ')}, ${c.alternative}`, () => {
      const [a, b, cc, d] = vec(c.table);
      const result = fisherExactTest(
        [
          [a, b],
          [cc, d],
        ],
        { alternative: alternative(c.alternative) },
      );
      expectClose(result.pValue, num(c.result.p_value), 1e-12, 0, 'p');
      // R's own estimate uses uniroot's default tolerance (about 1e-4); the same equations solved by R to
      // 1e-14 (`tight` in generate.R) are matched to 1e-9.
      expectClose(result.oddsRatio, num(c.result.estimate), 2e-3, 0, 'estimate vs fisher.test');
      expectClose(result.oddsRatio, num(c.tight.estimate), 1e-9, 1e-12, 'estimate');
      const ci = vec(c.tight.conf_int);
      expectClose(result.confidenceInterval[0], ci[0], 1e-9, 1e-12, 'lower');
      expectClose(result.confidenceInterval[1], ci[1], 1e-9, 1e-12, 'upper');
      // fisher.test's limits above 1 are 1 / t with t found to absolute 1.2e-4: up to ~1% off for limits ~600.
      const rCi = vec(c.result.conf_int);
      expectClose(result.confidenceInterval[0], rCi[0], 1e-2, 1e-4, 'lower vs fisher.test');
      expectClose(result.confidenceInterval[1], rCi[1], 1e-2, 1e-4, 'upper vs fisher.test');
    });
  }
});
