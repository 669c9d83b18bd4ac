import { sharedDataSkipMessage } from '@tace/core/testing';
import { kaplanMeier } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import {
  expectClose,
  expectTaceError,
  loadFixture,
  readCsv,
  survivalDataPath,
} from '../fixtures/r-survival/helpers.js';

describe('kaplanMeier: hand-worked cases', () => {
  it('computes the product-limit estimate and Greenwood variance of a small sample', () => {
    // times 1,2+,3,3,4: S(1)=4/5, S(3)=4/5*1/3, S(4)=0
    const km = kaplanMeier([1, 2, 3, 3, 4], [1, 0, 1, 1, 1]);
    const c = km.curves[0];
    expectClose(c.time, [1, 2, 3, 4], 0, 'time');
    expectClose(c.nRisk, [5, 4, 3, 1], 0, 'nRisk');
    expectClose(c.survival, [0.8, 0.8, 0.8 / 3, 0], 1e-15, 'survival');
    // Greenwood on the log scale: sqrt(1/(5*4)), then + 2/(3*1)
    expectClose(
      c.stdErrLog.subarray(0, 3),
      [Math.sqrt(0.05), Math.sqrt(0.05), Math.sqrt(0.05 + 2 / 3)],
      1e-15,
    );
    expect(c.stdErrLog[3]).toBe(Number.POSITIVE_INFINITY);
    expect(c.median).toBe(3);
  });

  it('accepts boolean events and gives the midpoint median on a flat stretch at 0.5', () => {
    const km = kaplanMeier([1, 2, 3, 4], [true, true, false, true]);
    // S = 0.75, 0.5, 0.5, 0: flat at 0.5 from t=2 to the next jump at 4
    expect(km.curves[0].median).toBe(3);
  });

  it('rejects negative times, events not 0/1 and mismatched lengths, naming the array', () => {
    expectTaceError(() => kaplanMeier([1, -2], [1, 1]), undefined, /^time$/);
    expectTaceError(() => kaplanMeier([1, 2], [1, 2]), undefined, /^event$/);
    expectTaceError(() => kaplanMeier([1, 2], [1]), undefined, /^event$/);
    expectTaceError(() => kaplanMeier([1, Number.NaN], [1, 1]), undefined, /^time$/);
    expectTaceError(() => kaplanMeier([1, 2], [1, 1], { confLevel: 95 }), undefined, /^confLevel$/);
  });

  it("drops and counts missing rows under missing: 'omit'", () => {
    const km = kaplanMeier([1, Number.NaN, 3], [1, 1, null], { missing: 'omit' });
    expect(km.omitted).toBe(2);
    expect(km.curves[0].n).toBe(1);
  });
});

const fixture = loadFixture('kaplan-meier');
const data = {
  lung: survivalDataPath('lung'),
  aml: survivalDataPath('aml'),
  veteran: survivalDataPath('veteran'),
  ovarian: survivalDataPath('ovarian'),
};
const missingData = Object.values(data).some((p) => p === null);

describe.skipIf(missingData)(
  `kaplanMeier matches R survfit (${missingData ? sharedDataSkipMessage('survival') : 'shared data'})`,
  () => {
    const lung = readCsv(data.lung!);
    const aml = readCsv(data.aml!);
    const veteran = readCsv(data.veteran!);
    const ovarian = readCsv(data.ovarian!);
    const status = (s: (number | string | null)[]) => s.map((v) => (v as number) - 1);
    // the calls, in fixture order (see make-fixtures.R)
    const runs = [
      () => kaplanMeier(lung.time as number[], status(lung.status), { times: [100, 365, 1000] }),
      () =>
        kaplanMeier(lung.time as number[], status(lung.status), {
          group: lung.sex as number[],
          confType: 'log-log',
          times: [100, 365],
        }),
      () =>
        kaplanMeier(aml.time as number[], aml.status as number[], {
          group: aml.x as string[],
          confType: 'plain',
          times: [10, 30],
        }),
      () =>
        kaplanMeier(aml.time as number[], aml.status as number[], {
          group: aml.x as string[],
          times: [10, 30],
        }),
      () =>
        kaplanMeier(veteran.time as number[], veteran.status as number[], {
          group: veteran.trt as number[],
          times: [30, 90, 180],
        }),
      () =>
        kaplanMeier(ovarian.futime as number[], ovarian.fustat as number[], {
          confType: 'log-log',
          confLevel: 0.9,
          times: [200, 500],
        }),
    ];
    fixture.cases.forEach((rcase, index) => {
      it(`${rcase.label}: ${rcase.call} (curve, SE, CI, quantiles, summary at times; tol 1e-8)`, () => {
        const km = runs[index]();
        const tol = 1e-8;
        const pick = (key: string) => km.curves.flatMap((c) => Array.from(c[key as 'time']));
        expectClose(pick('time'), rcase.time, 0, 'time');
        expectClose(pick('nRisk'), rcase.nRisk, 0, 'nRisk');
        expectClose(pick('nEvent'), rcase.nEvent, 0, 'nEvent');
        expectClose(pick('nCensor'), rcase.nCensor, 0, 'nCensor');
        expectClose(pick('survival'), rcase.surv, tol, 'surv');
        expectClose(pick('stdErrLog'), rcase.stdErrLog, tol, 'std.err');
        expectClose(pick('lower'), rcase.lower, tol, 'lower');
        expectClose(pick('upper'), rcase.upper, tol, 'upper');
        km.curves.forEach((c, g) => {
          expectClose(c.quantiles.estimate, rcase.quantile[g], tol, `quantile ${c.group}`);
          expectClose(c.quantiles.lower, rcase.quantileLower[g], tol, `quantile lower ${c.group}`);
          expectClose(c.quantiles.upper, rcase.quantileUpper[g], tol, `quantile upper ${c.group}`);
          expectClose(
            [c.median, c.medianLower, c.medianUpper],
            [rcase.quantile[g][1], rcase.quantileLower[g][1], rcase.quantileUpper[g][1]],
            tol,
            'median',
          );
        });
        const at = (key: string) => km.curves.flatMap((c) => Array.from(c.atTimes[key as 'time']));
        expectClose(at('survival'), rcase.atSurv, tol, 'summary surv');
        expectClose(at('stdErr'), rcase.atStdErr, tol, 'summary std.err');
        expectClose(at('lower'), rcase.atLower, tol, 'summary lower');
        expectClose(at('upper'), rcase.atUpper, tol, 'summary upper');
        expectClose(at('nRisk'), rcase.atNRisk, 0, 'summary n.risk');
      });
    });
  },
);
