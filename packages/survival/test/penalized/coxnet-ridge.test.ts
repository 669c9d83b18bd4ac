import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coxnet } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { simulatedData } from '../fixtures/r-glmnet/load.js';

const here = dirname(fileURLToPath(import.meta.url));
// biome-ignore lint/suspicious/noExplicitAny: fixture JSON
const ref: any = JSON.parse(readFileSync(join(here, '../fixtures/r-glmnet/ridge.json'), 'utf8'));

describe('coxnet with alpha = 0 (ridge) and 0.05 matches glmnet 4.1-6 (30 simulated features, thresh 1e-12)', () => {
  const sim = simulatedData();
  const x = { data: sim.x.data.slice(0, 300 * 30), rows: 300, columns: 30 };
  it.each(ref.fits)('alpha = $alpha: lambdas 1e-7 relative, dev.ratio 1e-8, coefficients 1e-6', (fit) => {
    const ours = coxnet(x, sim.time, sim.event, { alpha: fit.alpha, nLambda: 20, thresh: 1e-12 });
    expect(ours.lambda.length).toBe(fit.lambda.length);
    fit.lambda.forEach((l: number, k: number) => {
      expect(Math.abs(ours.lambda[k] / l - 1)).toBeLessThan(1e-7);
      expect(Math.abs(ours.devRatio[k] - fit.devRatio[k])).toBeLessThan(1e-8);
      expect(ours.df[k]).toBe(fit.df[k]);
      fit.beta[k].forEach((b: number, j: number) => {
        expect(Math.abs(ours.beta.data[k * 30 + j] - b)).toBeLessThan(1e-6);
      });
    });
  });
});
