import { sharedDataSkipMessage } from '@tace/core/testing';
import { concordance } from '@tace/survival/kernels';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expectClose,
  expectTaceError,
  loadFixture,
  readCsv,
  survivalDataPath,
} from '../fixtures/r-survival/helpers.js';

/** O(n^2) Harrell's C by definition, for the property test. */
function naiveHarrell(time: number[], event: number[], risk: number[]): number {
  let conc = 0;
  let disc = 0;
  let tied = 0;
  for (let i = 0; i < time.length; i++) {
    if (event[i] !== 1) continue;
    for (let j = 0; j < time.length; j++) {
      if (time[j] > time[i] || (time[j] === time[i] && event[j] === 0)) {
        if (risk[i] > risk[j]) conc++;
        else if (risk[i] < risk[j]) disc++;
        else tied++;
      }
    }
  }
  return (conc + tied / 2) / (conc + disc + tied);
}

describe('concordance: definition', () => {
  it('is 1 for a perfectly ordered risk and 0 when reversed', () => {
    const time = [1, 2, 3, 4, 5];
    const event = [1, 1, 1, 1, 1];
    expect(concordance(time, event, [5, 4, 3, 2, 1]).concordance).toBe(1);
    expect(concordance(time, event, [1, 2, 3, 4, 5]).concordance).toBe(0);
  });

  it('counts a censored subject at an event time as still at risk, and risk ties as 1/2', () => {
    const c = concordance([1, 1, 2], [1, 0, 1], [2, 2, 1]);
    // pairs: (0 vs 1): tied risk; (0 vs 2): concordant; (2 vs -): none
    expect([c.concordant, c.discordant, c.tiedRisk]).toEqual([1, 0, 1]);
    expect(c.concordance).toBe(0.75);
  });

  it('matches the O(n^2) definition on random data (property, 1e-12)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 1, max: 8 }),
            fc.integer({ min: 0, max: 1 }),
            fc.integer({ min: 0, max: 4 }),
          ),
          {
            minLength: 3,
            maxLength: 40,
          },
        ),
        (rows) => {
          const time = rows.map((r) => r[0]);
          const event = rows.map((r) => r[1]);
          const risk = rows.map((r) => r[2]);
          const expected = naiveHarrell(time, event, risk);
          if (!Number.isFinite(expected)) return;
          expect(Math.abs(concordance(time, event, risk).concordance - expected)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 200, seed: 42 },
    );
  });

  it('counts pairs as the O(n^2) definition with strata, case weights and many risk ranks (property)', () => {
    // enough distinct risks that the ranks split into several blocks (the walk's within/over-block sums)
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 1, max: 30 }),
            fc.integer({ min: 0, max: 1 }),
            fc.integer({ min: 0, max: 60 }),
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 1, max: 4 }),
          ),
          { minLength: 3, maxLength: 150 },
        ),
        (rows) => {
          const [time, event, risk, stratum, weight] = [0, 1, 2, 3, 4].map((k) => rows.map((r) => r[k]));
          const w = weight.map((v) => v / 2);
          const expected = [0, 0, 0];
          for (let i = 0; i < rows.length; i++) {
            if (event[i] !== 1) continue;
            for (let j = 0; j < rows.length; j++) {
              if (stratum[j] !== stratum[i]) continue;
              if (!(time[j] > time[i] || (time[j] === time[i] && event[j] === 0))) continue;
              const k = risk[i] > risk[j] ? 0 : risk[i] < risk[j] ? 1 : 2;
              expected[k] += w[i] * w[j];
            }
          }
          if (expected[0] + expected[1] + expected[2] === 0) return;
          const c = concordance(time, event, risk, { strata: stratum, weights: w });
          expect([c.concordant, c.discordant, c.tiedRisk]).toEqual(expected);
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });

  it('rejects bad input with a TaceError', () => {
    expectTaceError(() => concordance([1, 2], [1, 1], [1]), 'LENGTH_MISMATCH', /risk/);
    expectTaceError(() => concordance([1, 2], [0, 0], [1, 2]), 'EMPTY_INPUT');
    expectTaceError(
      () => concordance([1, 2], [1, 1], [1, 2], { method: 'x' as 'uno' }),
      'INVALID_ARGUMENT',
      /method/,
    );
  });
});

const fixture = loadFixture('concordance');
const paths = ['lung', 'veteran', 'ovarian'].map(survivalDataPath);
const missingData = paths.some((p) => p === null);

describe.skipIf(missingData)(
  `concordance matches R survival::concordance (${missingData ? sharedDataSkipMessage('survival') : 'shared data'})`,
  () => {
    const [lung, veteran, ovarian] = paths.map((p) => readCsv(p!));
    const lungDead = lung.status.map((s) => (s as number) - 1);
    const vt = veteran.time as number[];
    const vs = veteran.status as number[];
    const vk = veteran.karno as number[];
    const runs = [
      () => concordance(lung.time as number[], lungDead, lung.age as number[]),
      () => concordance(vt, vs, vk),
      () => concordance(vt, vs, vk, { method: 'uno' }),
      () => concordance(vt, vs, vk, { method: 'uno', tau: 200 }),
      () => concordance(vt, vs, vk, { strata: veteran.trt as number[] }),
      () => concordance(vt, vs, vk, { weights: vt.map((_, i) => (i % 3) + 1) }),
      () => {
        const keep = Array.from(lung.inst, (v, i) => (Number.isNaN(v as number) ? -1 : i)).filter(
          (i) => i >= 0,
        );
        return concordance(
          keep.map((i) => lung.time[i] as number),
          keep.map((i) => lungDead[i]),
          keep.map((i) => lung.age[i] as number),
          { cluster: keep.map((i) => lung.inst[i] as number) },
        );
      },
      () =>
        concordance(ovarian.futime as number[], ovarian.fustat as number[], ovarian.age as number[], {
          method: 'uno',
        }),
    ];
    // R's `reverse = TRUE` swaps the concordant/discordant values under the same labels: count[0] is our concordant
    fixture.cases.forEach(
      (
        r: { label: string; call: string; count: number[]; concordance: number; stdErr: number },
        i: number,
      ) => {
        it(`${r.label}: ${r.call} (counts, C, std err to 1e-8)`, () => {
          const c = runs[i]();
          expectClose(
            [c.concordant, c.discordant, c.tiedRisk, c.tiedTime, c.tiedBoth],
            r.count,
            1e-8,
            'counts',
          );
          expectClose([c.concordance], [r.concordance], 1e-8, 'C');
          expectClose([c.stdErr], [r.stdErr], 1e-8, 'std err');
        });
      },
    );
  },
);
