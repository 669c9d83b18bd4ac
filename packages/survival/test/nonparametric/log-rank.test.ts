import { isTaceError } from '@tace/core';
import { sharedDataSkipMessage } from '@tace/core/testing';
import { logRank } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { expectClose, loadFixture, readCsv, survivalDataPath } from '../fixtures/r-survival/helpers.js';

describe('logRank: hand-worked cases', () => {
  it('gives O - E and the hypergeometric variance for one death time', () => {
    // one death at t=1 among 4 at risk (2 per group), death in group a
    const lr = logRank([1, 2, 2, 2], [1, 0, 0, 0], ['a', 'a', 'b', 'b']);
    expectClose(lr.observed, [1, 0], 0);
    expectClose(lr.expected, [0.5, 0.5], 1e-15);
    // var = d * (n1/n) * (1 - n1/n) * (n - d)/(n - 1) = 1 * 0.25 * 3/3
    expectClose(lr.variance.data, [0.25, -0.25, -0.25, 0.25], 1e-15);
    expect(lr.chisq).toBeCloseTo(1, 14);
    expect(lr.df).toBe(1);
    expect(lr.toTable()).toEqual({
      group: ['a', 'b'],
      n: [2, 2],
      observed: [1, 0],
      expected: [0.5, 0.5],
      oe2e: [0.5, 0.5],
      oe2v: [1, 1],
    });
  });

  it('rejects a single group and a strata column with one level', () => {
    for (const f of [
      () => logRank([1, 2], [1, 1], ['a', 'a']),
      () => logRank([1, 2], [1, 1], ['a', 'b'], { strata: [1, 1] }),
      () => logRank([1, 2], [0, 0], ['a', 'b']),
    ]) {
      expect(f).toThrow();
      try {
        f();
      } catch (e) {
        expect(isTaceError(e)).toBe(true);
      }
    }
  });
});

const fixture = loadFixture('log-rank');
const paths = ['lung', 'veteran', 'ovarian', 'aml'].map(survivalDataPath);
const missingData = paths.some((p) => p === null);

describe.skipIf(missingData)(
  `logRank matches R survdiff (${missingData ? sharedDataSkipMessage('survival') : 'shared data'})`,
  () => {
    const [lung, veteran, ovarian, aml] = paths.map((p) => readCsv(p!));
    const lungStatus = lung.status.map((v) => (v as number) - 1);
    const runs = [
      () => logRank(lung.time as number[], lungStatus, lung.sex as number[]),
      () => logRank(lung.time as number[], lungStatus, lung.sex as number[], { rho: 1 }),
      () => logRank(veteran.time as number[], veteran.status as number[], veteran.celltype as string[]),
      () =>
        logRank(veteran.time as number[], veteran.status as number[], veteran.celltype as string[], {
          strata: veteran.trt as number[],
        }),
      () =>
        logRank(veteran.time as number[], veteran.status as number[], veteran.celltype as string[], {
          rho: 0.5,
        }),
      () => logRank(ovarian.futime as number[], ovarian.fustat as number[], ovarian.rx as number[]),
      () => logRank(aml.time as number[], aml.status as number[], aml.x as string[]),
      () =>
        logRank(lung.time as number[], lungStatus, lung['ph.ecog'] as number[], {
          missing: 'omit',
          trendScores: [0, 1, 2, 3],
        }),
    ];
    fixture.cases.forEach((rcase, index) => {
      it(`${rcase.label}: ${rcase.call} (chisq, O, E, V to 1e-8)`, () => {
        const lr = runs[index]();
        const tol = 1e-8;
        expectClose(lr.observed, rcase.observed, tol, 'observed');
        expectClose(lr.expected, rcase.expected, tol, 'expected');
        expectClose(lr.variance.data, (rcase.variance as number[][]).flat(), tol, 'variance');
        expectClose([lr.chisq], [rcase.chisq], tol, 'chisq');
        expect(lr.df).toBe(rcase.df);
        expectClose([lr.pValue], [rcase.p], 1e-7, 'p');
        if (rcase.trendChisq !== undefined) {
          expectClose([lr.trend.chisq], [rcase.trendChisq], tol, 'trend chisq');
          expectClose([lr.trend.pValue], [rcase.trendP], 1e-7, 'trend p');
        }
      });
    });
  },
);
