import {
  compareTimeDependentAuc as compareTable,
  timeDependentAucInference as inferenceTable,
} from '@tace/survival';
import { compareTimeDependentAuc, timeDependentAuc, timeDependentAucInference } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { loadJsonFixture } from '../fixtures/load-json.js';
import { expectClose, expectTaceError } from '../fixtures/r-survival/helpers.js';

describe('timeDependentAucInference: hand-worked cases and properties', () => {
  it('equals timeDependentAuc when no evaluation time is an event time', () => {
    const time = [1, 2, 3, 4, 5, 6, 7, 8];
    const event = [1, 0, 1, 1, 0, 1, 1, 0];
    const marker = [0.9, 0.1, 0.7, 0.4, 0.3, 0.6, 0.2, 0.1];
    const a = timeDependentAucInference(time, event, marker, { times: [3.5, 6.5] });
    const b = timeDependentAuc(time, event, marker, { times: [3.5, 6.5] });
    expectClose(a.auc, b.auc, 1e-14, 'AUC');
  });

  it('influence values average to zero and the SE is their sd / sqrt(n)', () => {
    const time = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const event = [1, 0, 1, 1, 0, 1, 1, 0, 1, 0];
    const marker = [5, 1, 4, 3, 3, 2, 1, 2, 0, 1];
    const r = timeDependentAucInference(time, event, marker, { times: [5.5] });
    let mean = 0;
    for (const v of r.influence.data) mean += v / 10;
    expect(Math.abs(mean)).toBeLessThan(1e-12);
    expect(r.upper[0] - r.auc[0]).toBeCloseTo(1.959963984540054 * r.stdErr[0], 12);
  });

  it('a marker compared with itself has difference 0 and standard error 0', () => {
    const time = [1, 2, 3, 4, 5, 6];
    const event = [1, 1, 0, 1, 0, 1];
    const m = [6, 5, 4, 3, 2, 1];
    const r = compareTimeDependentAuc(time, event, m, m, { times: [3.5] });
    expect(r.difference[0]).toBe(0);
    expect(r.stdErr[0]).toBe(0);
  });

  it('rejects a marker of the wrong length, naming it', () => {
    expectTaceError(
      () => timeDependentAucInference([1, 2], [1, 0], [0.5], { times: [1.5] }),
      'LENGTH_MISMATCH',
      /marker/,
    );
  });

  it('the table level equals the array level', () => {
    const table = {
      t: [1, 2, 3, 4, 5, 6, 7, 8],
      d: [1, 0, 1, 1, 0, 1, 1, 0],
      a: [8, 1, 6, 5, 2, 4, 3, 1],
      b: [1, 2, 3, 4, 5, 6, 7, 8],
    };
    const x = inferenceTable(table, { time: 't', event: 'd', marker: 'a' }, { times: [4.5] });
    expect(Array.from(x.stdErr)).toEqual(
      Array.from(timeDependentAucInference(table.t, table.d, table.a, { times: [4.5] }).stdErr),
    );
    const y = compareTable(table, { time: 't', event: 'd', markers: ['a', 'b'] }, { times: [4.5] });
    expect(Array.from(y.pValue)).toEqual(
      Array.from(compareTimeDependentAuc(table.t, table.d, table.a, table.b, { times: [4.5] }).pValue),
    );
  });
});

const fixture = loadJsonFixture('r-timeroc', 'timeroc');

describe(`AUC inference matches timeROC (${fixture.versions.timeROC}, pec ${fixture.versions.pec})`, () => {
  for (const c of fixture.cases) {
    const times = c.times as number[] | number;
    const t = typeof times === 'number' ? [times] : times;
    describe(c.label, () => {
      it('AUC, iid SE, 95% CI, cases and controls = timeROC(iid = TRUE) (1e-8)', () => {
        const r = timeDependentAucInference(c.time, c.status, c.marker1, { times: t });
        expectClose(r.auc, c.auc1, 1e-8, 'AUC');
        expectClose(r.stdErr, c.se1, 1e-8, 'SE');
        expectClose(r.lower, c.ci1.lower, 1e-8, 'lower');
        expectClose(r.upper, c.ci1.upper, 1e-8, 'upper');
        expectClose(r.cases, c.cases, 0, 'cases');
        expectClose(r.controls, c.controls, 0, 'controls');
      });
      it('influence values = inference$mat_iid_rep_1 (subjects in input order, 1e-8)', () => {
        const r = timeDependentAucInference(c.time, c.status, c.marker1, { times: t });
        const n = r.influence.rows;
        t.forEach((_, k) => {
          expectClose(r.influence.data.subarray(k * n, (k + 1) * n), c.iid1[k], 1e-8, `iid at ${t[k]}`);
        });
      });
      it('second marker (with ties) and compare(x, y) p-values (1e-8)', () => {
        const r = compareTimeDependentAuc(c.time, c.status, c.marker1, c.marker2, { times: t });
        expectClose(r.auc[1], c.auc2, 1e-8, 'AUC 2');
        expectClose(
          timeDependentAucInference(c.time, c.status, c.marker2, { times: t }).stdErr,
          c.se2,
          1e-8,
          'SE 2',
        );
        expectClose(r.pValue, c.pCompare, 1e-8, 'p');
      });
    });
  }
});
