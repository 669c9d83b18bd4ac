import { createRng, randomNormal } from '@tace/core';
import { coxnet } from '@tace/survival/kernels';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** Naive O(n^2) Breslow score (1/n) dl/dbeta_j, written independently of the kernels. */
function breslowScore(rows: number[][], time: number[], event: number[], beta: Float64Array): number[] {
  const n = rows.length;
  const p = beta.length;
  const eta = rows.map((r) => r.reduce((s, v, j) => s + v * beta[j], 0));
  const score = new Array(p).fill(0);
  for (let i = 0; i < n; i++) {
    if (!event[i]) continue;
    let s0 = 0;
    const s1 = new Array(p).fill(0);
    for (let k = 0; k < n; k++) {
      if (time[k] < time[i]) continue;
      const r = Math.exp(eta[k]);
      s0 += r;
      for (let j = 0; j < p; j++) s1[j] += r * rows[k][j];
    }
    for (let j = 0; j < p; j++) score[j] += rows[i][j] - s1[j] / s0;
  }
  return score.map((s) => s / n);
}

describe('coxnet: properties', () => {
  it('the KKT conditions of the elastic-net Cox objective hold at every lambda (random data, ties)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(1, 0.5), (seed, alpha) => {
        const rng = createRng(seed);
        const n = 40;
        const p = 6;
        const rows = Array.from({ length: n }, () => Array.from({ length: p }, () => randomNormal(rng)));
        const time = rows.map((r) => Math.ceil(10 * Math.exp(-0.7 * r[0] + 0.3 * randomNormal(rng))));
        const event = rows.map(() => (rng.nextFloat() < 0.75 ? 1 : 0));
        event[0] = 1;
        const fit = coxnet(rows, time, event, { alpha, standardize: false, thresh: 1e-14, nLambda: 12 });
        for (let l = 0; l < fit.lambda.length; l++) {
          const beta = fit.beta.data.subarray(l * p, (l + 1) * p);
          const score = breslowScore(rows, time, event, beta);
          const lambda = fit.lambda[l];
          for (let j = 0; j < p; j++) {
            if (beta[j] === 0) {
              expect(Math.abs(score[j])).toBeLessThanOrEqual(lambda * alpha + 1e-6);
            } else {
              const penalty = lambda * (alpha * Math.sign(beta[j]) + (1 - alpha) * beta[j]);
              expect(Math.abs(score[j] - penalty)).toBeLessThan(1e-6);
            }
          }
        }
      }),
      { numRuns: 15 },
    );
  });

  it('penaltyFactor Infinity excludes a column: same path as without it', () => {
    const rng = createRng(11);
    const rows = Array.from({ length: 50 }, () => Array.from({ length: 4 }, () => randomNormal(rng)));
    const time = rows.map((r) => Math.exp(-r[0] + 0.5 * randomNormal(rng)));
    const event = rows.map(() => (rng.nextFloat() < 0.7 ? 1 : 0));
    const excluded = coxnet(rows, time, event, {
      penaltyFactor: [1, 1, Number.POSITIVE_INFINITY, 1],
      nLambda: 10,
    });
    const dropped = coxnet(
      rows.map((r) => [r[0], r[1], r[3]]),
      time,
      event,
      { penaltyFactor: [4 / 3, 4 / 3, 4 / 3], nLambda: 10 },
    );
    // glmnet rescales penalty factors over all p columns (the excluded one counting as 1), hence 4/3.
    expect(excluded.lambda.length).toBe(dropped.lambda.length);
    for (let l = 0; l < dropped.lambda.length; l++) {
      expect(excluded.beta.data[l * 4 + 2]).toBe(0);
      expect(excluded.beta.data[l * 4]).toBeCloseTo(dropped.beta.data[l * 3], 10);
      expect(excluded.beta.data[l * 4 + 3]).toBeCloseTo(dropped.beta.data[l * 3 + 2], 10);
    }
  });
});

describe('coxnet: time unit', () => {
  it('the fit does not depend on the time unit, also with censoring tied to events (days vs years)', () => {
    const rng = createRng(23);
    const rows = Array.from({ length: 60 }, () => Array.from({ length: 3 }, () => randomNormal(rng)));
    const days = rows.map((r) => 300 + Math.round(100 * Math.exp(-r[0] + 0.3 * randomNormal(rng))));
    const event = rows.map((_, i) => (i % 3 === 0 ? 0 : 1));
    days[0] = days[1]; // a censored time equal to an event time
    const inDays = coxnet(rows, days, event, { nLambda: 8 });
    const inYears = coxnet(
      rows,
      days.map((d) => d / 365.25),
      event,
      { nLambda: 8 },
    );
    expect(Array.from(inYears.lambda)).toEqual(Array.from(inDays.lambda));
    expect(Array.from(inYears.beta)).toEqual(Array.from(inDays.beta));
  });
});
