import {
  applyCutpoints,
  lausen92,
  logRankScores,
  maxstatCutpoint,
  quantileCutpoints,
} from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { expectClose, expectTaceError, loadFixture } from '../fixtures/r-survival/helpers.js';

describe('cut-points: hand-worked cases', () => {
  it('log-rank scores without ties are event - Nelson-Aalen', () => {
    // n = 3, all events: 1 - 1/3, 1 - (1/3 + 1/2), 1 - (1/3 + 1/2 + 1)
    expectClose(
      logRankScores(Float64Array.of(1, 2, 3), Uint8Array.of(1, 1, 1)),
      [2 / 3, 1 / 6, -5 / 6],
      1e-15,
    );
  });

  it('Lausen-Schumacher p is 1 below b = 1 and decreases with b', () => {
    expect(lausen92(0.5, 0.1, 0.9)).toBe(1);
    expect(lausen92(3, 0.1, 0.9)).toBeLessThan(lausen92(2.5, 0.1, 0.9));
  });

  it('quantile cuts follow R quantile type 7 and applyCutpoints puts the cut in the lower group', () => {
    expectClose(quantileCutpoints([1, 2, 3, 4]), [2.5], 0);
    expectClose(quantileCutpoints([1, 2, 3, 4, null as unknown as number], [1 / 3, 2 / 3]), [2, 3], 1e-15);
    expect(applyCutpoints([1, 4, 5, null as unknown as number], [4])).toEqual(['low', 'low', 'high', null]);
    expect(applyCutpoints([1, 5, 9], [2, 6])).toEqual(['1', '2', '3']);
    expectTaceError(() => applyCutpoints([1], [3, 2]), 'INVALID_ARGUMENT', /cutpoints/);
    expectTaceError(() => applyCutpoints([1], [3], { labels: ['a'] }), 'LENGTH_MISMATCH', /labels/);
  });

  it('a cut fitted on one cohort applies unchanged to another', () => {
    const train = maxstatCutpoint(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      [1, 1, 1, 1, 0, 1, 0, 0, 1, 0],
      [9, 8, 8, 7, 3, 6, 2, 1, 4, 2],
    );
    const groups = applyCutpoints([10, 0, train.cutpoint], [train.cutpoint]);
    expect(groups).toEqual(['high', 'low', 'low']);
  });
});

const fixture = loadFixture('maxstat');

describe(`maxstatCutpoint matches R maxstat ${fixture.versions.maxstat} (smethod "LogRank", pmethod "Lau92")`, () => {
  for (const r of fixture.cases) {
    it(`${r.label}: ${r.call} (statistic, p, cut, all candidates to 1e-10)`, () => {
      const m = maxstatCutpoint(r.time, r.status, r.x, { minProp: r.minProp, maxProp: r.maxProp });
      expectClose([m.statistic], [r.statistic], 1e-10, 'statistic');
      expectClose([m.pValue], [r.p], 1e-10, 'p');
      expect(m.cutpoint).toBe(r.estimate);
      expectClose(m.cuts, r.cuts, 0, 'cuts');
      expectClose(m.statistics, r.stats, 1e-10, 'stats');
    });
  }
});
