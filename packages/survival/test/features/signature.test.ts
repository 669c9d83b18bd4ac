import { applySignature, signatureFromCoxnet } from '@tace/survival';
import { applyZScore, coxnet, fitZScore, predictCoxnet } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { simulatedData } from '../fixtures/r-glmnet/load.js';

describe('signature (rad-score)', () => {
  const sim = simulatedData();
  const names = Array.from({ length: 200 }, (_, j) => `original_f${j + 1}`);
  const x = { ...sim.x, columnNames: names };
  const z = fitZScore(x);
  const xz = applyZScore(z, x);
  const fit = coxnet(xz, sim.time, sim.event, { nLambda: 20, lambdaMinRatio: 0.2 });
  const lambda = fit.lambda[10];

  it('holds the non-zero features and applies to raw features exactly as predictCoxnet on z-scores', () => {
    const sig = signatureFromCoxnet(fit, lambda, { name: 'rad_score', zScore: z });
    expect(sig.features.length).toBe(fit.df[10]);
    const table = Object.fromEntries(names.map((nm, j) => [nm, sim.x.data.subarray(j * 300, (j + 1) * 300)]));
    const score = applySignature(sig, table);
    const eta = predictCoxnet(fit, xz, lambda);
    for (let i = 0; i < 300; i++) expect(score[i]).toBeCloseTo(eta[i], 10);
    expect(sig.formula.startsWith('rad_score = ')).toBe(true);
    expect(sig.formula).toContain(`(${sig.features[0]} - `);
  });

  it('formula text by hand, and missing values / columns are TaceErrors', () => {
    const small = coxnet(
      { data: x.data.slice(0, 300 * 3), rows: 300, columns: 3, columnNames: names.slice(0, 3) },
      sim.time,
      sim.event,
      {
        lambda: [0.001],
      },
    );
    const sig = signatureFromCoxnet(small, 0.001, { digits: 3 });
    const [b1, b2, b3] = sig.coefficients;
    const term = (c: number, f: string, first: boolean) =>
      `${first ? (c < 0 ? '-' : '') : c < 0 ? ' - ' : ' + '}${Math.abs(c).toPrecision(3)} * ${f}`;
    expect(sig.formula).toBe(
      `rad_score = ${term(b1, 'original_f1', true)}${term(b2, 'original_f2', false)}${term(b3, 'original_f3', false)}`,
    );
    expect(() => applySignature(sig, { original_f1: [1], original_f2: [null], original_f3: [1] })).toThrow(
      /column 'original_f2' has no numeric value at row 1/,
    );
    expect(() => applySignature(sig, { original_f1: [1] })).toThrow(/no column named 'original_f2'/);
  });
});
