import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTaceError } from '@tace/core';
import type { IccType } from '@tace/survival';
import { featureIcc, icc } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
// biome-ignore lint/suspicious/noExplicitAny: fixture JSON
const fixture: any = JSON.parse(readFileSync(join(here, '../fixtures/r-icc/icc.json'), 'utf8'));

describe('icc matches psych::ICC(x, lmer = FALSE) 2.2.9', () => {
  for (const ref of fixture.cases) {
    it.each(ref.type.map((t: string, r: number) => [t, r]))(
      `${ref.name}: %s with its CI to 1e-9`,
      (type, r) => {
        const out = icc(ref.x, { type: type as IccType, confLevel: 1 - ref.alpha });
        expect(Math.abs(out.value - ref.ICC[r])).toBeLessThan(1e-12);
        expect(Math.abs(out.f - ref.F[r])).toBeLessThan(1e-9);
        expect([out.df1, out.df2]).toEqual([ref.df1[r], ref.df2[r]]);
        expect(Math.abs(out.pValue - ref.p[r])).toBeLessThan(1e-9);
        expect(Math.abs(out.lower - ref.lower[r])).toBeLessThan(1e-9);
        expect(Math.abs(out.upper - ref.upper[r])).toBeLessThan(1e-9);
      },
    );
  }
});

describe('icc: hand-checked', () => {
  it('Shrout & Fleiss (1979) Table 4: ICC(1,1) = .17, ICC(2,1) = .29, ICC(3,1) = .71', () => {
    const sf = fixture.cases[0].x;
    expect(icc(sf, { type: 'ICC1' }).value).toBeCloseTo(0.17, 2);
    expect(icc(sf, { type: 'ICC2' }).value).toBeCloseTo(0.29, 2);
    expect(icc(sf, { type: 'ICC3' }).value).toBeCloseTo(0.71, 2);
    expect(icc(sf, { type: 'ICC3' }).agreement).toBe('moderate');
  });
  it('identical raters give ICC = 1 ("excellent"); NaN and a single rater are TaceErrors', () => {
    const same = [1, 4, 2, 8, 5].map((v) => [v, v, v]);
    expect(icc(same, { type: 'ICC2' }).value).toBeCloseTo(1, 12);
    expect(icc(same).agreement).toBe('excellent');
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isTaceError(e) ? e.code : 'other';
      }
      return 'none';
    };
    expect(
      code(() =>
        icc([
          [1, Number.NaN],
          [2, 3],
        ]),
      ),
    ).toBe('MISSING_VALUE');
    expect(code(() => icc([[1], [2], [3]]))).toBe('INVALID_ARGUMENT');
  });
});

describe('featureIcc', () => {
  it('is icc() of each feature across sessions (Shrout-Fleiss judges as 4 sessions of one feature)', () => {
    const sf: number[][] = fixture.cases[0].x;
    const sessions = [0, 1, 2, 3].map((k) => sf.map((row) => [row[k], 2 * row[k] + 1]));
    const out = featureIcc(sessions, { type: 'ICC3' });
    expect(out.value[0]).toBeCloseTo(fixture.cases[0].ICC[2], 12);
    expect(out.lower[0]).toBeCloseTo(fixture.cases[0].lower[2], 9);
    // ICC3 is invariant to a common linear rescaling of the feature.
    expect(out.value[1]).toBeCloseTo(out.value[0], 12);
    expect(() => featureIcc([sessions[0]])).toThrow(/at least 2 sessions/);
  });
});
