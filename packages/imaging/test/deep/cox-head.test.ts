import { readFileSync } from 'node:fs';
import { isTaceError } from '@tace/core';
import { coxHeadLogLik, fitCoxHead, predictCoxHead } from '@tace/imaging';
import { describe, expect, it } from 'vitest';

// Expected values: fixtures/cox-head/make-fixture.R (R 4.2.2, survival 3.5.3) on survival::ovarian.
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/cox-head/expected.json', import.meta.url), 'utf8'),
);
const rows: number[][] = fixture.age.map((age: number, i: number) => [
  age,
  fixture.ecog_ps[i],
  fixture.rx[i],
]);

describe('fitCoxHead(embeddings, time, event) on ovarian', () => {
  it('matches coxph(Surv(futime, fustat) ~ age + ecog.ps + rx, ties = "breslow") to 1e-7', () => {
    const head = fitCoxHead(rows, fixture.futime, fixture.fustat, {
      l2: 0,
      standardize: false,
      tolerance: 1e-12,
    });
    expect(head.converged).toBe(true);
    head.coefficients.forEach((b, j) => {
      expect(b).toBeCloseTo(fixture.breslow.coef[j], 7);
    });
    expect(head.logLikNull).toBeCloseTo(fixture.breslow.loglik[0], 9);
    expect(head.logLik).toBeCloseTo(fixture.breslow.loglik[1], 9);
  });

  it.each([
    ['ridge1', 1],
    ['ridge10', 10],
  ])('matches coxph(~ ridge(age, ecog.ps, rx, theta, scale = FALSE)) (%s) to 1e-7', (key, theta) => {
    const head = fitCoxHead(rows, fixture.futime, fixture.fustat, {
      l2: theta,
      standardize: false,
      tolerance: 1e-12,
    });
    head.coefficients.forEach((b, j) => {
      expect(b).toBeCloseTo(fixture[key].coef[j], 7);
    });
    expect(head.logLik).toBeCloseTo(fixture[key].loglik[1], 7);
  });

  it('with standardize equals the unstandardised fit on columns scaled to unit population SD', () => {
    const sd = [0, 1, 2].map((j) => {
      const col = rows.map((r) => r[j]);
      const mean = col.reduce((a, b) => a + b, 0) / col.length;
      return Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length);
    });
    const scaled = rows.map((r) => r.map((v, j) => v / sd[j]));
    const a = fitCoxHead(rows, fixture.futime, fixture.fustat, { l2: 2 });
    const b = fitCoxHead(scaled, fixture.futime, fixture.fustat, { l2: 2, standardize: false });
    a.coefficients.forEach((beta, j) => {
      expect(beta).toBeCloseTo(b.coefficients[j] / sd[j], 9);
    });
  });

  it('coxHeadLogLik gives coxph loglik at beta = 0 and at the Breslow estimate (1e-9)', () => {
    expect(coxHeadLogLik(rows, fixture.futime, fixture.fustat, [0, 0, 0])).toBeCloseTo(
      fixture.breslow.loglik[0],
      9,
    );
    expect(coxHeadLogLik(rows, fixture.futime, fixture.fustat, fixture.breslow.coef)).toBeCloseTo(
      fixture.breslow.loglik[1],
      9,
    );
    expect(coxHeadLogLik(rows, fixture.futime, fixture.fustat, fixture.ridge10.coef)).toBeCloseTo(
      fixture.ridge10.loglik[1],
      9,
    );
  });

  it('predictCoxHead returns x beta', () => {
    const head = fitCoxHead(rows, fixture.futime, fixture.fustat, { l2: 0, standardize: false });
    const eta = predictCoxHead(head, rows.slice(0, 2));
    const b = head.coefficients;
    expect(eta[0]).toBeCloseTo(rows[0][0] * b[0] + rows[0][1] * b[1] + rows[0][2] * b[2], 12);
  });

  it('rejects no events, NaN embeddings and collinear columns without penalty', () => {
    const catchCode = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (error) {
        return isTaceError(error) ? error.code : 'not a TaceError';
      }
      return undefined;
    };
    expect(catchCode(() => fitCoxHead(rows, fixture.futime, new Array(rows.length).fill(0)))).toBe(
      'EMPTY_INPUT',
    );
    const withNaN = rows.map((r, i) => (i === 3 ? [Number.NaN, 1, 1] : r));
    expect(catchCode(() => fitCoxHead(withNaN, fixture.futime, fixture.fustat))).toBe('INVALID_ARGUMENT');
    const collinear = rows.map((r) => [r[0], 2 * r[0]]);
    expect(
      catchCode(() => fitCoxHead(collinear, fixture.futime, fixture.fustat, { l2: 0, standardize: false })),
    ).toBe('SINGULAR_MATRIX');
    expect(catchCode(() => fitCoxHead(rows, fixture.futime.slice(1), fixture.fustat))).toBe(
      'LENGTH_MISMATCH',
    );
  });
});
