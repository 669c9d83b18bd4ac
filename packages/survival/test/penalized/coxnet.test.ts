import { isTaceError } from '@tace/core';
import { sharedDataSkipMessage } from '@tace/core/testing';
import type { CoxnetFit } from '@tace/survival';
import { coxnet, coxnetCoefficients, predictCoxnet } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { firstRows, glmnetFixture, LUNG, lungDesign, simulatedData } from '../fixtures/r-glmnet/load.js';

const sim = simulatedData();
const lung = lungDesign();

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < b.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

// biome-ignore lint/suspicious/noExplicitAny: fixture JSON
function compareWithGlmnet(fit: CoxnetFit, ref: any): void {
  // Path length: glmnet's stopping rules (deviance ratio change, > 0.99, maxit) give the same number.
  expect(fit.lambda.length).toBe(ref.lambda.length);
  // Lambda sequence to 1e-7 relative (the fixture's own printing keeps 15 digits).
  for (let l = 0; l < ref.lambda.length; l++) {
    expect(Math.abs(fit.lambda[l] / ref.lambda[l] - 1)).toBeLessThan(1e-7);
  }
  expect(maxAbsDiff(fit.devRatio, ref.devRatio)).toBeLessThan(1e-8);
  expect(Array.from(fit.df)).toEqual(ref.df);
  expect(Math.abs(fit.nullDeviance - ref.nullDev)).toBeLessThan(1e-9 * ref.nullDev);
  // Coefficients at 1st, 2nd, 5th, 10th, ... and last lambda: 1e-6 absolute (both fits at thresh 1e-12).
  ref.coefIndex.forEach((k: number, c: number) => {
    const beta = fit.beta.data.subarray(k * fit.nCols, (k + 1) * fit.nCols);
    expect(maxAbsDiff(beta, ref.coef[c])).toBeLessThan(1e-6);
  });
}

// biome-ignore lint/suspicious/noExplicitAny: fixture JSON
const fitsNamed = (prefix: string): any[] => glmnetFixture.fits.filter((f: any) => f.name.startsWith(prefix));

describe('coxnet matches glmnet 4.1-6 family = "cox" (thresh = 1e-12 on both sides)', () => {
  it.each(fitsNamed('sim alpha'))('simulated n = 300, p = 200: $name', (ref) => {
    const fit = coxnet(sim.x, sim.time, sim.event, {
      alpha: ref.alpha,
      standardize: ref.standardize,
      penaltyFactor: ref.penaltyFactor,
      lambdaMinRatio: ref.lambdaMinRatio,
      thresh: 1e-12,
    });
    compareWithGlmnet(fit, ref);
  });

  it('simulated n = 100 < p = 200: default lambda.min.ratio 1e-2 and solutions at the first 30 lambdas', () => {
    const ref = fitsNamed('sim n<p')[0];
    const x = firstRows(sim.x, 100);
    const time = sim.time.subarray(0, 100);
    const event = sim.event.subarray(0, 100);
    // lambda_max and the log-spaced sequence down to 1e-2 lambda_max (glmnet truncates its own fit
    // at lambda 72, where thresh = 1e-12 is not reached within maxit; see make-fixture.R).
    const path = coxnet(x, time, event);
    for (let l = 0; l < ref.lambda.length; l++) {
      expect(Math.abs(path.lambda[l] / ref.lambda[l] - 1)).toBeLessThan(1e-7);
    }
    expect(path.lambda[99] / path.lambda[0]).toBeCloseTo(1e-2, 12);
    const user = coxnet(x, time, event, { lambda: ref.lambda.slice(0, 30), thresh: 1e-12 });
    ref.coefIndex
      .filter((k: number) => k < 30)
      .forEach((k: number) => {
        const c = ref.coefIndex.indexOf(k);
        expect(maxAbsDiff(user.beta.data.subarray(k * 200, (k + 1) * 200), ref.coef[c])).toBeLessThan(1e-6);
      });
  });

  describe.skipIf(lung === null)(`lung, dummy-coded (${sharedDataSkipMessage(LUNG)} if skipped)`, () => {
    it.each(fitsNamed('lung'))('$name', (ref) => {
      const d = lung as NonNullable<typeof lung>;
      const fit = coxnet(d.x, d.time, d.event, {
        alpha: ref.alpha,
        standardize: ref.standardize,
        penaltyFactor: ref.penaltyFactor,
        thresh: 1e-12,
      });
      compareWithGlmnet(fit, ref);
    });
  });

  it('at the default thresh = 1e-7 the iterates track glmnet too (same algorithm, not only same optimum)', () => {
    const ref = glmnetFixture.defaultThresh;
    const fit = coxnet(sim.x, sim.time, sim.event, { lambdaMinRatio: 0.02 });
    expect(fit.lambda.length).toBe(ref.lambda.length);
    expect(maxAbsDiff(fit.devRatio, ref.devRatio)).toBeLessThan(1e-8);
    // 1e-6 absolute, although each fit is only 1e-2 away from the exact optimum at this threshold.
    ref.coefIndex.forEach((k: number, c: number) => {
      expect(maxAbsDiff(fit.beta.data.subarray(k * 200, (k + 1) * 200), ref.coef[c])).toBeLessThan(1e-6);
    });
  });

  it('predictCoxnet interpolates between path lambdas like predict(fit, s, exact = FALSE)', () => {
    const fit = coxnet(sim.x, sim.time, sim.event, { lambdaMinRatio: 0.02, thresh: 1e-12 });
    const { s, link } = glmnetFixture.predict;
    const first5 = firstRows(sim.x, 5);
    s.forEach((lambda: number, c: number) => {
      const eta = predictCoxnet(fit, first5, lambda);
      // 1e-6: coefficients agree to ~1e-8, times |x| <= 10 summed over the active set.
      expect(
        maxAbsDiff(
          eta,
          link.map((row: number[]) => row[c]),
        ),
      ).toBeLessThan(1e-6);
    });
  });
});

describe('coxnet: hand-checked behaviour', () => {
  const x = [
    [1, 0.5, 3],
    [0, 1.5, 3],
    [1, -0.2, 3],
    [0, 0.3, 3],
    [1, 2.0, 3],
    [0, -1.0, 3],
  ];
  const time = [2, 5, 1, 7, 3, 9];
  const event = [1, 1, 1, 0, 1, 1];

  it('lambda_max is the largest |score| at beta = 0 over n (one-covariate check, standardize = false)', () => {
    // Score of column 1 at beta = 0 with Breslow risk sets, by hand: sum over deaths of x_i - mean(x in R).
    const col = x.map((r) => r[0]);
    const order = [2, 0, 4, 1, 3, 5];
    let score = 0;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      if (!event[i]) continue;
      const risk = order.slice(k);
      score += col[i] - risk.reduce((s, r) => s + col[r], 0) / risk.length;
    }
    const fit = coxnet(
      x.map((r) => [r[0]]),
      time,
      event,
      { standardize: false },
    );
    expect(fit.lambda[0]).toBeCloseTo(Math.abs(score) / 6, 12);
    expect(fit.df[0]).toBe(0);
  });

  it("constant columns: 'drop' keeps them at 0 and reports them; 'error' throws", () => {
    const fit = coxnet(x, time, event);
    expect(Array.from(fit.droppedColumns)).toEqual([2]);
    for (let l = 0; l < fit.lambda.length; l++) expect(fit.beta.data[l * 3 + 2]).toBe(0);
    expect(() => coxnet(x, time, event, { constantColumns: 'error' })).toThrow(/column x3 of x is constant/);
  });

  it('bad input throws TaceError: NaN, no events, mismatched lengths, negative time', () => {
    const withNaN = x.map((r, i) => (i === 2 ? [r[0], Number.NaN, r[2]] : r));
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isTaceError(e) ? e.code : 'other';
      }
      return 'none';
    };
    expect(codeOf(() => coxnet(withNaN, time, event))).toBe('MISSING_VALUE');
    expect(codeOf(() => coxnet(x, time, [0, 0, 0, 0, 0, 0]))).toBe('EMPTY_INPUT');
    expect(codeOf(() => coxnet(x, time.slice(1), event))).toBe('LENGTH_MISMATCH');
    expect(codeOf(() => coxnet(x, [-1, 5, 1, 7, 3, 9], event))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => coxnet(x, time, event, { alpha: 2 }))).toBe('INVALID_ARGUMENT');
  });

  it('coxnetCoefficients returns path columns exactly and clamps outside the path', () => {
    const fit = coxnet(sim.x, sim.time, sim.event, { nLambda: 10, lambdaMinRatio: 0.1 });
    const p = fit.nCols;
    expect(Array.from(coxnetCoefficients(fit, fit.lambda[4]))).toEqual(
      Array.from(fit.beta.data.subarray(4 * p, 5 * p)),
    );
    expect(Array.from(coxnetCoefficients(fit, 1e-9))).toEqual(
      Array.from(fit.beta.data.subarray(9 * p, 10 * p)),
    );
    expect(Array.from(coxnetCoefficients(fit, 1e9))).toEqual(Array.from(fit.beta.data.subarray(0, p)));
  });
});
