import { cumulativeIncidence as cumulativeIncidenceTable } from '@tace/survival';
import { cumulativeIncidence, kaplanMeier } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { loadJsonFixture } from '../fixtures/load-json.js';
import { expectClose, expectTaceError } from '../fixtures/r-survival/helpers.js';

describe('cumulativeIncidence: hand-worked cases', () => {
  it('with one cause it is 1 - Kaplan-Meier', () => {
    const time = [1, 2, 2, 3, 5, 6, 8];
    const status = [1, 0, 1, 1, 0, 1, 0];
    const ci = cumulativeIncidence(time, status);
    const km = kaplanMeier(time, status).curves[0];
    const atEvents = Array.from(km.time)
      .map((t, k) => [t, 1 - km.survival[k], km.nEvent[k]] as const)
      .filter(([, , d]) => d > 0);
    expectClose(
      ci.curves[0].time,
      atEvents.map(([t]) => t),
      0,
      'time',
    );
    expectClose(
      ci.curves[0].estimate,
      atEvents.map(([, f]) => f),
      1e-15,
      'estimate',
    );
  });

  it('the cause-specific curves add up to 1 - KM of any failure', () => {
    const time = [1, 2, 3, 4, 5, 6, 7, 8];
    const status = ['relapse', 'death', 'relapse', 'none', 'death', 'relapse', 'none', 'death'];
    const ci = cumulativeIncidence(time, status, { censorCode: 'none', times: [7.5] });
    expect(ci.causes).toEqual(['death', 'relapse']);
    const total = ci.curves[0].atTimes.estimate[0] + ci.curves[1].atTimes.estimate[0];
    const km = kaplanMeier(
      time,
      status.map((s) => (s === 'none' ? 0 : 1)),
      { times: [7.5] },
    );
    expect(total).toBeCloseTo(1 - km.curves[0].atTimes.survival[0], 15);
  });

  it('rejects data without failures, naming status', () => {
    expectTaceError(() => cumulativeIncidence([1, 2], [0, 0]), 'EMPTY_INPUT', /status/);
  });
});

const fixture = loadJsonFixture('r-cmprsk', 'cmprsk');

describe(`cumulativeIncidence matches cmprsk::cuminc (cmprsk ${fixture.versions.cmprsk})`, () => {
  for (const c of fixture.cuminc) {
    const d = c.strata || c.label.startsWith('whole') ? fixture.data.sim2 : fixture.data.sim1;
    it(`${c.label}: curves, variances, timepoints and Gray's test (1e-10)`, () => {
      const r = cumulativeIncidenceTable(
        d,
        { time: 'time', status: 'status', group: 'group', strata: c.strata ? 'centre' : undefined },
        { rho: c.rho, times: c.times },
      );
      expect(r.curves.map((k) => `${k.group} ${k.cause}`)).toEqual(c.names);
      r.curves.forEach((k, i) => {
        const ref = c.curves[c.names[i]];
        expectClose(k.time, ref.time, 1e-12, `${c.names[i]} time`);
        expectClose(k.estimate, ref.est, 1e-10, `${c.names[i]} estimate`);
        expectClose(k.variance, ref.var, 1e-10, `${c.names[i]} variance`);
        expectClose(
          k.atTimes.estimate,
          c.atEst.map((col: number[]) => col[i]),
          1e-10,
          'timepoints est',
        );
        expectClose(
          k.atTimes.variance,
          c.atVar.map((col: number[]) => col[i]),
          1e-10,
          'timepoints var',
        );
      });
      expectClose(
        r.tests.map((t) => t.statistic),
        c.testStat,
        1e-10,
        'Gray statistic',
      );
      expectClose(
        r.tests.map((t) => t.pValue),
        c.testP,
        1e-10,
        'Gray p',
      );
      expect(r.tests.map((t) => t.df)).toEqual(c.testDf);
    });
  }
});
