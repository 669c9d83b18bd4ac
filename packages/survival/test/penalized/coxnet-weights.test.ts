import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coxnet, cvCoxnet } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { simulatedData } from '../fixtures/r-glmnet/load.js';

const here = dirname(fileURLToPath(import.meta.url));
// biome-ignore lint/suspicious/noExplicitAny: fixture JSON
const ref: any = JSON.parse(readFileSync(join(here, '../fixtures/r-glmnet/weights.json'), 'utf8'));

describe('coxnet / cvCoxnet with observation weights match glmnet 4.1-6 (40 simulated features, 5 zero weights)', () => {
  const sim = simulatedData();
  const x = { data: sim.x.data.slice(0, 300 * 40), rows: 300, columns: 40 };

  it('path (thresh 1e-12): lambdas 1e-7 relative, dev.ratio 1e-8, null deviance, coefficients 1e-6', () => {
    const fit = coxnet(x, sim.time, sim.event, { weights: ref.weights, nLambda: 30, thresh: 1e-12 });
    expect(fit.lambda.length).toBe(ref.fit.lambda.length);
    expect(Math.abs(fit.nullDeviance / ref.fit.nullDev - 1)).toBeLessThan(1e-12);
    ref.fit.lambda.forEach((l: number, k: number) => {
      expect(Math.abs(fit.lambda[k] / l - 1)).toBeLessThan(1e-7);
      expect(Math.abs(fit.devRatio[k] - ref.fit.devRatio[k])).toBeLessThan(1e-8);
      expect(fit.df[k]).toBe(ref.fit.df[k]);
      ref.fit.beta[k].forEach((b: number, j: number) => {
        expect(Math.abs(fit.beta.data[k * 40 + j] - b)).toBeLessThan(1e-6);
      });
    });
  });

  it('5-fold CV (thresh 1e-7 on both sides): cvm 1e-6, cvsd 1e-5 relative, same lambda.min and lambda.1se', async () => {
    const cv = await cvCoxnet(x, sim.time, sim.event, {
      weights: ref.weights,
      foldId: ref.foldid.map((k: number) => k - 1),
      nLambda: 30,
      parallel: false,
    });
    expect(cv.lambda.length).toBe(ref.cv.lambda.length);
    ref.cv.cvm.forEach((m: number, k: number) => {
      expect(Math.abs(cv.cvm[k] / m - 1)).toBeLessThan(1e-6);
      expect(Math.abs(cv.cvsd[k] / ref.cv.cvsd[k] - 1)).toBeLessThan(1e-5);
    });
    expect(Math.abs(cv.lambdaMin / ref.cv.lambdaMin - 1)).toBeLessThan(1e-7);
    expect(Math.abs(cv.lambda1se / ref.cv.lambda1se - 1)).toBeLessThan(1e-7);
  });

  it('integer weights equal replicated subjects (Breslow ties: same objective; thresh 1e-14, agreement to 1e-6 as both converge)', () => {
    const rows = 60;
    const small = {
      data: sim.x.data.slice(0, 300 * 3).filter((_, t) => t % 300 < rows),
      rows: rows,
      columns: 3,
    };
    const w = Array.from({ length: rows }, (_, i) => 1 + (i % 3));
    const weighted = coxnet(small, sim.time.subarray(0, rows), sim.event.subarray(0, rows), {
      weights: w,
      nLambda: 10,
      thresh: 1e-14,
    });
    const index = w.flatMap((k, i) => Array.from({ length: k }, () => i));
    const copies = {
      data: Float64Array.from(
        { length: index.length * 3 },
        (_, t) => small.data[Math.floor(t / index.length) * rows + index[t % index.length]],
      ),
      rows: index.length,
      columns: 3,
    };
    const replicated = coxnet(
      copies,
      index.map((i) => sim.time[i]),
      index.map((i) => sim.event[i]),
      { nLambda: 10, lambdaMinRatio: 1e-4, thresh: 1e-14 },
    );
    expect(replicated.lambda.length).toBe(weighted.lambda.length);
    for (let k = 0; k < weighted.beta.data.length; k++) {
      expect(Math.abs(weighted.beta.data[k] - replicated.beta.data[k])).toBeLessThan(1e-6);
    }
  });
});
