import { readFileSync } from 'node:fs';
import { isTaceError } from '@tace/core';
import { coxnet, coxph } from '@tace/survival';
import { coxDeviance, predictCoxnet } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';

// The deep arm ends at embeddings; the Cox head on them is fitted with @tace/survival (`coxph` unpenalised,
// `coxnet` with alpha = 0 and lambda = l2 / n for the ridge head: glmnet's objective -loglik / n +
// lambda / 2 ||beta||^2 is the ridge-penalised Breslow likelihood of R's `ridge(theta = l2)` divided by n).
// Expected values: fixtures/cox-head/make-fixture.R (R 4.2.2, survival 3.5.3) on survival::ovarian.
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/cox-head/expected.json', import.meta.url), 'utf8'),
);
const rows: number[][] = fixture.age.map((age: number, i: number) => [
  age,
  fixture.ecog_ps[i],
  fixture.rx[i],
]);
const features = ['age', 'ecog_ps', 'rx'];
const n = rows.length;

/** The embedding table of the head: one column per embedding value plus time and event. */
function headTable(x: number[][], time: number[], event: number[]): Record<string, number[]> {
  const table: Record<string, number[]> = { futime: time, fustat: event };
  x[0].forEach((_, j) => {
    table[features[j] ?? `dl_${j}`] = x.map((r) => r[j]);
  });
  return table;
}
const table = headTable(rows, fixture.futime, fixture.fustat);
const columns = { time: 'futime', event: 'fustat' };

/** Ridge Cox head (Breslow) with penalty l2 / 2 ||beta||^2, as R `ridge(theta = l2, scale = FALSE)`. */
function ridgeHead(t: Record<string, number[]>, l2: number, standardize: boolean): Float64Array {
  const cols = Object.keys(t).filter((c) => c !== 'futime' && c !== 'fustat');
  const fit = coxnet(
    t,
    { ...columns, features: cols },
    { alpha: 0, lambda: [l2 / t.futime.length], standardize, thresh: 1e-20, maxIter: 1e7 },
  );
  return fit.beta.data.slice(0, cols.length);
}

/** Breslow log partial likelihood at any coefficients, from glmnet's deviance and coxph's null loglik. */
function coxHeadLogLik(x: number[][], time: number[], event: number[], beta: ArrayLike<number>): number {
  const deviance = coxDeviance(time, event);
  const eta = x.map((r) => r.reduce((s, v, j) => s + v * beta[j], 0));
  const null0 = coxph(headTable(x, time, event), { ...columns, covariates: features }, { ties: 'breslow' })
    .loglik[0];
  return null0 + (deviance(new Float64Array(x.length)) - deviance(eta)) / 2;
}

describe('the Cox head on embeddings, fitted by @tace/survival, on ovarian', () => {
  it('matches coxph(Surv(futime, fustat) ~ age + ecog.ps + rx, ties = "breslow") to 1e-7', () => {
    const head = coxph(
      table,
      { ...columns, covariates: features },
      { ties: 'breslow', eps: 1e-12, maxIter: 100 },
    );
    expect(head.converged).toBe(true);
    head.coefficients.forEach((b, j) => {
      expect(b).toBeCloseTo(fixture.breslow.coef[j], 7);
    });
    expect(head.loglik[0]).toBeCloseTo(fixture.breslow.loglik[0], 9);
    expect(head.loglik[1]).toBeCloseTo(fixture.breslow.loglik[1], 9);
  });

  it.each([
    ['ridge1', 1],
    ['ridge10', 10],
  ])('matches coxph(~ ridge(age, ecog.ps, rx, theta, scale = FALSE)) (%s) to 1e-7', (key, theta) => {
    const coefficients = ridgeHead(table, theta, false);
    coefficients.forEach((b, j) => {
      expect(b).toBeCloseTo(fixture[key].coef[j], 7);
    });
    expect(coxHeadLogLik(rows, fixture.futime, fixture.fustat, coefficients)).toBeCloseTo(
      fixture[key].loglik[1],
      7,
    );
  });

  it('with standardize equals the unstandardised fit on columns scaled to unit population SD', () => {
    const sd = [0, 1, 2].map((j) => {
      const col = rows.map((r) => r[j]);
      const mean = col.reduce((a, b) => a + b, 0) / col.length;
      return Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length);
    });
    const scaled = rows.map((r) => r.map((v, j) => v / sd[j]));
    const a = ridgeHead(table, 2, true);
    const b = ridgeHead(headTable(scaled, fixture.futime, fixture.fustat), 2, false);
    a.forEach((beta, j) => {
      expect(beta).toBeCloseTo(b[j] / sd[j], 9);
    });
  });

  it('the Breslow log-likelihood of any coefficients gives coxph loglik at beta = 0 and at the Breslow estimate (1e-9)', () => {
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

  it('the head predicts x beta', () => {
    const fit = coxnet(table, { ...columns, features }, { alpha: 0, lambda: [0], standardize: false });
    const eta = predictCoxnet(fit, rows.slice(0, 2), 0);
    const b = fit.beta.data;
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
    const cox = (t: Record<string, number[]>, covariates: string[]) =>
      coxph(t, { ...columns, covariates }, { ties: 'breslow' });
    expect(catchCode(() => cox({ ...table, fustat: new Array(n).fill(0) }, features))).toBe('EMPTY_INPUT');
    const withNaN = rows.map((r, i) => (i === 3 ? [Number.NaN, 1, 1] : r));
    // 0.1's fitCoxHead said INVALID_ARGUMENT; coxph names the missing value (MISSING_VALUE, policy 'error').
    expect(catchCode(() => cox(headTable(withNaN, fixture.futime, fixture.fustat), features))).toBe(
      'MISSING_VALUE',
    );
    const collinear = { ...table, twice: rows.map((r) => 2 * r[0]) };
    // coxph reports an aliased column as NA by default, as R; singular: 'error' (R singular.ok = FALSE) throws
    expect(cox(collinear, ['age', 'twice']).aliased).toEqual([false, true]);
    expect(
      catchCode(() =>
        coxph(
          collinear,
          { ...columns, covariates: ['age', 'twice'] },
          { ties: 'breslow', singular: 'error' },
        ),
      ),
    ).toBe('SINGULAR_MATRIX');
    expect(catchCode(() => cox({ ...table, futime: fixture.futime.slice(1) }, features))).toBe(
      'LENGTH_MISMATCH',
    );
  });
});
