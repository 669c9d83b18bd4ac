import { rmst as rmstTable } from '@tace/survival';
import { rmst } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { loadJsonFixture } from '../fixtures/load-json.js';
import { expectClose, expectTaceError } from '../fixtures/r-survival/helpers.js';

describe('rmst: hand-worked cases', () => {
  it('without censoring and tau past the last time, RMST is the mean survival time', () => {
    const r = rmst([1, 2, 3, 6], [1, 1, 1, 1], { tau: 6 });
    expect(r.groups[0].rmst).toBeCloseTo(3, 14);
    expect(r.groups[0].rmtl).toBeCloseTo(3, 14);
  });

  it('is the area under the step function up to tau', () => {
    // S = 1 on [0, 2), 0.5 on [2, 4): area to tau = 3 is 2 + 0.5
    const r = rmst([2, 4, 4, 5], [1, 0, 0, 0], { tau: 3 });
    expect(r.groups[0].rmst).toBeCloseTo(2 + 0.75, 14);
    // one event: variance (area after t = 2)^2 d / (n (n - d)) = 0.75^2 / 12
    expect(r.groups[0].stdErr).toBeCloseTo(Math.sqrt(0.75 ** 2 / 12), 14);
  });

  it('rejects tau beyond the follow-up allowed by survRM2 and names tau', () => {
    expectTaceError(
      () => rmst([1, 2, 3, 4], [1, 0, 1, 0], { group: [0, 0, 1, 1], tau: 3 }),
      'INVALID_ARGUMENT',
      /tau/,
    );
  });

  it('the table level equals the array level', () => {
    const table = { t: [1, 2, 3, 4, 5, 6], d: [1, 0, 1, 1, 0, 1], g: ['a', 'b', 'a', 'b', 'a', 'b'] };
    const a = rmstTable(table, { time: 't', event: 'd', group: 'g' }, { tau: 4 });
    const b = rmst(table.t, table.d, { group: table.g, tau: 4 });
    expect(a.groups).toEqual(b.groups);
    expect(a.contrasts).toEqual(b.contrasts);
  });
});

const fixture = loadJsonFixture('r-rmst', 'rmst');

describe(`rmst matches survRM2::rmst2 (${fixture.versions.survRM2}, ${fixture.versions.R})`, () => {
  for (const c of fixture.cases) {
    it(`${c.label}: per-arm RMST, SE, CIs, RMTL and the three contrasts (1e-10)`, () => {
      const r = rmst(c.time, c.status, {
        group: c.arm,
        tau: c.tau === 'default' ? undefined : c.tau,
        confLevel: c.confLevel,
      });
      expect(r.tau).toBeCloseTo(c.tauUsed, 12);
      expect(r.groups.map((g) => g.group)).toEqual(['0', '1']);
      for (const [g, ref] of [
        [r.groups[0], c.arm0],
        [r.groups[1], c.arm1],
      ]) {
        expectClose(
          [g.rmst, g.stdErr, g.lower, g.upper, g.rmtl, g.rmtlLower, g.rmtlUpper],
          [ref.rmst, ref.se, ref.lower, ref.upper, ref.rmtl, ref.rmtlLower, ref.rmtlUpper],
          1e-10,
          'arm',
        );
      }
      expect(r.contrasts.map((k) => k.measure)).toEqual(['RMST difference', 'RMST ratio', 'RMTL ratio']);
      r.contrasts.forEach((k, i) => {
        expectClose([k.estimate, k.lower, k.upper, k.pValue], c.unadjusted[i], 1e-10, k.measure);
      });
    });
  }
});
