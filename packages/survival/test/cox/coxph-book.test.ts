import { baselineHazard, coxph, coxResiduals, coxSurvivalCurves } from '@tace/survival';
import { describe, expect, it } from 'vitest';
import { expectClose, expectTaceError } from '../fixtures/r-survival/helpers.js';

// Therneau & Grambsch, appendix E (R survival tests/book1.R and book2.R): data set 1, closed-form answers.
// The row with a missing status is dropped (missing: 'omit'), as R's na.omit.
const test1 = { time: [9, 3, 1, 1, 6, 6, 8], status: [1, null, 1, 0, 1, 1, 0], x: [0, 2, 1, 1, 1, 0, 0] };
const used = [0, 2, 3, 4, 5, 6]; // input rows kept
// residuals of R's book answers are in time order (times 1,1,6,6,8,9): input rows 2,3,4,5,6,0
const timeOrder = [2, 3, 4, 5, 6, 0];
const toInputOrder = (byTime: number[]) => used.map((row) => byTime[timeOrder.indexOf(row)]);

describe('coxph: book1 (Breslow ties), closed form', () => {
  const byHand = (beta: number) => {
    const r = Math.exp(beta);
    const loglik = 2 * beta - (Math.log(3 * r + 3) + 2 * Math.log(r + 3));
    const imat = r / (r + 1) ** 2 + (6 * r) / (r + 3) ** 2;
    const haz = [1 / (3 * r + 3), 2 / (r + 3), 0, 1];
    const cum = haz.map((_, i) => haz.slice(0, i + 1).reduce((a, b) => a + b, 0));
    const ties = [0, 0, 1, 1, 2, 3];
    const wt = [r, r, r, 1, 1, 1];
    const status = [1, 0, 1, 1, 0, 1];
    const mart = status.map((s, i) => s - wt[i] * cum[ties[i]]);
    const a = 3 * (r + 1) ** 2;
    const b = (r + 3) ** 2;
    const score = [
      (2 * r + 3) / a,
      -r / a,
      -r / a + (3 * (3 - r)) / b,
      r / a - (r * (r + 1)) / b,
      r / a + (2 * r) / b,
      r / a + (2 * r) / b,
    ];
    const scho = [1 / (r + 1), 1 - r / (3 + r), 0 - r / (3 + r), 0];
    const xbar = [r / (r + 1), r / (r + 3), 0, 0];
    const partial = (v: number[]) => v.map((_, i) => v.slice(0, i + 1).reduce((a, b) => a + b, 0));
    const varG = partial([1 / (3 * r + 3) ** 2, 2 / (r + 3) ** 2, 0, 1]);
    const varD = partial(haz.map((h, i) => (0 - xbar[i]) * h));
    const varHaz = varG.map((g, i) => g + varD[i] ** 2 / imat);
    return { loglik, imat, cum, mart, score, scho, varHaz };
  };
  const fit = coxph(
    test1,
    { time: 'time', event: 'status', covariates: ['x'] },
    { ties: 'breslow', eps: 1e-8, missing: 'omit' },
  );

  it('estimates beta = 1.4752849 (book1.R) and the closed-form loglik and variance (1e-10)', () => {
    expect(Math.round(fit.coefficients[0] * 1e7) / 1e7).toBe(1.4752849);
    const truth = byHand(fit.coefficients[0]);
    expectClose([fit.loglik[1]], [truth.loglik], 1e-10, 'loglik');
    expectClose([fit.naiveVariance.data[0]], [1 / truth.imat], 1e-10, 'var');
    expectClose([fit.loglik[0]], [byHand(0).loglik], 1e-12, 'loglik at 0');
    expect(fit.omitted).toBe(1);
  });

  it('gives the closed-form martingale, score and Schoenfeld residuals (1e-10)', () => {
    const truth = byHand(fit.coefficients[0]);
    expectClose(coxResiduals(fit, 'martingale').values, toInputOrder(truth.mart), 1e-10, 'martingale');
    expectClose(coxResiduals(fit, 'score').values, toInputOrder(truth.score), 1e-10, 'score');
    expectClose(coxResiduals(fit, 'schoenfeld').values, truth.scho, 1e-10, 'schoenfeld');
  });

  it('gives the closed-form baseline survival for x = 0 and its variance (1e-10)', () => {
    const truth = byHand(fit.coefficients[0]);
    const curve = coxSurvivalCurves(fit, { x: [0] }).curves[0];
    expectClose(curve.time, [1, 6, 8, 9], 0);
    expectClose(curve.cumHazard, truth.cum, 1e-10, 'cumulative hazard at x = 0');
    expectClose(
      Array.from(curve.stdErr, (s) => s * s),
      truth.varHaz,
      1e-10,
      'variance of the cumulative hazard (book1.R sfit$std.err^2)',
    );
    // x is 0/1/2 so R does not centre it: the centred baseline is the x = 0 baseline
    expectClose(baselineHazard(fit).cumHazard, truth.cum, 1e-10, 'basehaz');
  });
});

describe('coxph: book2 (Efron ties), closed form', () => {
  const byHand = (beta: number) => {
    const r = Math.exp(beta);
    const loglik = 2 * beta - (Math.log(3 * r + 3) + Math.log((r + 5) / 2) + Math.log(r + 3));
    const tfun = (v: number) => v - v * v;
    const imat = tfun(r / (r + 1)) + tfun(r / (r + 5)) + tfun(r / (r + 3));
    const a = r + 1;
    const b = r + 3;
    const d = r + 5;
    const score = [
      (2 * r + 3) / (3 * a ** 2),
      -r / (3 * a ** 2),
      (675 + r * (1305 + r * (756 + r * (-4 + r * (-79 - 13 * r))))) / (3 * (a * b * d) ** 2),
      r * (1 / (3 * a ** 2) - a / (2 * b ** 2) - b / (2 * d ** 2)),
      (2 * r * (177 + r * (282 + r * (182 + r * (50 + 5 * r))))) / (3 * (a * b * d) ** 2),
      (2 * r * (177 + r * (282 + r * (182 + r * (50 + 5 * r))))) / (3 * (a * b * d) ** 2),
    ];
    // weights matrix of book2.R: time 1, 6, 6 (second death, Efron 1/2), 9
    const wt = [
      [r, 0, 0, 0],
      [r, 0, 0, 0],
      [r, r, r / 2, 0],
      [1, 1, 1 / 2, 0],
      [1, 1, 1, 0],
      [1, 1, 1, 1],
    ];
    const colSum = [0, 1, 2, 3].map((j) => wt.reduce((s, row) => s + row[j], 0));
    const haz = colSum.map((c) => 1 / c);
    const xs = [1, 1, 1, 0, 0, 0];
    const xbar = [0, 1, 2, 3].map((j) => wt.reduce((s, row, i) => s + row[j] * xs[i], 0) / colSum[j]);
    const status = [1, 0, 1, 1, 0, 1];
    const mart = status.map((s, i) => s - wt[i].reduce((acc, w, j) => acc + w * haz[j], 0));
    const dmean = (xbar[1] + xbar[2]) / 2;
    const scho = [1 / (r + 1), 1 - dmean, 0 - dmean, 0];
    return { loglik, imat, score, mart, scho };
  };
  const fit = coxph(
    test1,
    { time: 'time', event: 'status', covariates: ['x'] },
    { eps: 1e-8, missing: 'omit' },
  );

  it('estimates the closed-form beta (book2.R) and its loglik and variance (1e-8)', () => {
    const trueBeta = Math.log(Math.cos(Math.acos((45 / 23) * Math.sqrt(3 / 23)) / 3) * 2 * Math.sqrt(23 / 3));
    expectClose(fit.coefficients, [trueBeta], 1e-8, 'beta');
    const truth = byHand(trueBeta);
    expectClose([fit.loglik[1]], [truth.loglik], 1e-10, 'loglik');
    expectClose([fit.naiveVariance.data[0]], [1 / truth.imat], 1e-7, 'var');
    expectClose([fit.loglik[0]], [byHand(0).loglik], 1e-12, 'loglik at 0');
  });

  it('gives the closed-form Efron martingale, score and Schoenfeld residuals (1e-7)', () => {
    const truth = byHand(fit.coefficients[0]);
    expectClose(coxResiduals(fit, 'martingale').values, toInputOrder(truth.mart), 1e-10, 'martingale');
    expectClose(coxResiduals(fit, 'score').values, toInputOrder(truth.score), 1e-10, 'score');
    expectClose(coxResiduals(fit, 'schoenfeld').values, truth.scho, 1e-10, 'schoenfeld');
  });
});

describe('coxph: bad input gives a TaceError naming the column', () => {
  const base = { time: [1, 2, 3, 4, 5, 6], dead: [1, 0, 1, 1, 0, 1], age: [50, 60, 55, 70, 65, 62] };
  it("with singular: 'error', rejects a constant covariate (R singular.ok = FALSE)", () => {
    expectTaceError(
      () =>
        coxph(
          { ...base, c: [1, 1, 1, 1, 1, 1] },
          { time: 'time', event: 'dead', covariates: ['age', 'c'] },
          { singular: 'error' },
        ),
      'INVALID_ARGUMENT',
      /'c'/,
    );
  });
  it("with singular: 'error', rejects collinear covariates, naming the redundant one", () => {
    const age2 = base.age.map((a) => 2 * a + 1);
    expectTaceError(
      () =>
        coxph(
          { ...base, age2 },
          { time: 'time', event: 'dead', covariates: ['age', 'age2'] },
          { singular: 'error' },
        ),
      'SINGULAR_MATRIX',
      /age2/,
    );
  });
  it('by default reports a constant or collinear covariate as NA with a warning, the rest as without it', () => {
    const age2 = base.age.map((a) => 2 * a + 1);
    const alone = coxph(base, { time: 'time', event: 'dead', covariates: ['age'] });
    const fit = coxph(
      { ...base, age2, c: [1, 1, 1, 1, 1, 1] },
      { time: 'time', event: 'dead', covariates: ['age', 'age2', 'c'] },
    );
    expect(fit.aliased).toEqual([false, true, true]);
    expect(Number.isNaN(fit.coefficients[1]) && Number.isNaN(fit.coefficients[2])).toBe(true);
    expect(fit.coefficients[0]).toBeCloseTo(alone.coefficients[0], 12);
    expect(fit.loglik[1]).toBeCloseTo(alone.loglik[1], 12);
    expect(fit.likelihoodRatioTest.df).toBe(1);
    expect(fit.warnings[0]).toMatch(/singular; variable age2, c/);
  });
  it('rejects zero events, negative times, events not 0/1 and a strata column with one level', () => {
    expectTaceError(
      () =>
        coxph({ ...base, dead: [0, 0, 0, 0, 0, 0] }, { time: 'time', event: 'dead', covariates: ['age'] }),
      'EMPTY_INPUT',
      /dead/,
    );
    expectTaceError(
      () =>
        coxph({ ...base, time: [1, -2, 3, 4, 5, 6] }, { time: 'time', event: 'dead', covariates: ['age'] }),
      'INVALID_ARGUMENT',
      /time/,
    );
    expectTaceError(
      () =>
        coxph({ ...base, dead: [1, 2, 1, 2, 1, 2] }, { time: 'time', event: 'dead', covariates: ['age'] }),
      'INVALID_ARGUMENT',
      /dead/,
    );
    expectTaceError(
      () =>
        coxph(
          { ...base, s: ['a', 'a', 'a', 'a', 'a', 'a'] },
          { time: 'time', event: 'dead', covariates: ['age'], strata: 's' },
        ),
      'INVALID_ARGUMENT',
      /'s'/,
    );
  });
  it("reports missing values under 'error' and counts them under 'omit'", () => {
    const withNa = { ...base, age: [50, null, 55, 70, 65, 62] };
    expectTaceError(
      () => coxph(withNa, { time: 'time', event: 'dead', covariates: ['age'] }),
      'MISSING_VALUE',
      /age/,
    );
    const fit = coxph(withNa, { time: 'time', event: 'dead', covariates: ['age'] }, { missing: 'omit' });
    expect(fit.omitted).toBe(1);
    expect(fit.missingByColumn.age).toBe(1);
  });
  it('expands a categorical covariate to treatment contrasts with the first level as reference', () => {
    const fit = coxph(
      { ...base, g: ['b', 'a', 'c', 'a', 'b', 'c'] },
      { time: 'time', event: 'dead', covariates: ['g'] },
    );
    expect(fit.names).toEqual(['gb', 'gc']);
  });
});
