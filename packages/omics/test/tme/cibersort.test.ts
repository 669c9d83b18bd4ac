import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExpressionMatrix } from '../../src/expression/index.js';
import { cibersortLike } from '../../src/tme/cibersort.js';
import { til10Signature } from '../../src/tme/quantiseq.js';
import { readReference, simulatedExpression, tmeFixtureDir } from './reference.js';

describe('cibersortLike (CIBERSORT 1.04 CoreAlg; nu-SVR checked against R e1071 1.7-13 / libsvm)', () => {
  const expr = simulatedExpression();
  const til10 = til10Signature();
  const signature = { genes: til10.genes, cellTypes: til10.cellTypes, values: til10.values };

  it('equals the R reference (make-cibersort.R) to 2e-3 absolute in fractions, correlation and RMSE', () => {
    const mixture = readExpressionMatrix(join(tmeFixtureDir, 'sim_cibersort_mixture.csv'), {
      orientation: 'genes-in-rows',
    });
    const result = cibersortLike(mixture, signature);
    const ref = readReference('sim_cibersort_til10.csv');
    let worst = 0;
    for (let s = 0; s < ref.columns; s++) {
      for (let k = 0; k < 10; k++) {
        worst = Math.max(worst, Math.abs(result.fractions.data[k + s * 10] - ref.data[k + s * ref.rows]));
      }
      worst = Math.max(worst, Math.abs(result.correlation[s] - ref.data[10 + s * ref.rows]));
      worst = Math.max(worst, Math.abs(result.rmse[s] - ref.data[11 + s * ref.rows]));
    }
    console.log(`cibersortLike vs e1071: max abs difference ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(2e-3); // libsvm stops at a KKT tolerance of 1e-3; its shrinking path is not replicated
  });

  it('gives a permutation p-value in [0, 1), reproducible with the seed', () => {
    const a = cibersortLike(expr, signature, { permutations: 3, seed: 7 });
    const b = cibersortLike(expr, signature, { permutations: 3, seed: 7 });
    expect(Array.from(a.pValue)).toEqual(Array.from(b.pValue));
    for (const p of a.pValue) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(1);
    }
  }, 120_000);
});
