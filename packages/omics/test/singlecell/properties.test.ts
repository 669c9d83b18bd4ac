import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnDataMatrix } from '../../src/h5ad/types.js';
import { toCsr } from '../../src/kernels.js';
import { aucell, normalizeTotal, ucell } from '../../src/singlecell/index.js';

const matrices = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 3, max: 12 }) })
  .chain(({ rows, cols }) =>
    fc
      .array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })), {
        minLength: rows * cols,
        maxLength: rows * cols,
      })
      .map(
        (values): AnnDataMatrix => ({
          format: 'dense',
          shape: [rows, cols],
          data: Float64Array.from(values),
        }),
      ),
  );

describe('single-cell properties (fast-check)', () => {
  it('AUCell and UCell scores lie in [0, 1] and do not depend on dense vs CSR storage', () => {
    fc.assert(
      fc.property(matrices, (X) => {
        const names = Array.from({ length: X.shape[1] }, (_, j) => `g${j}`);
        const sets = { s: names.filter((_, j) => j % 3 === 0) };
        const options = { aucMaxRank: 3 };
        const a = aucell(X, names, sets, { ...options, random: 2 }).scores.s;
        const b = aucell(toCsr(X), names, sets, { ...options, random: 2 }).scores.s;
        const u = ucell(X, names, sets, { maxRank: 4 }).scores.s;
        expect(Array.from(a)).toEqual(Array.from(b));
        for (const v of [...a, ...u]) expect(v >= 0 && v <= 1 + 1e-12).toBe(true);
      }),
    );
  });
  it('normalizeTotal without log1p makes every non-empty cell sum to targetSum (1e-9 relative)', () => {
    fc.assert(
      fc.property(matrices, (X) => {
        const out = normalizeTotal(X, { targetSum: 100, log1p: false, onWarning: () => {} });
        const [r, c] = X.shape;
        for (let i = 0; i < r; i++) {
          let before = 0;
          let after = 0;
          for (let j = 0; j < c; j++) {
            before += X.data[i * c + j];
            after += out.data[i * c + j];
          }
          expect(Math.abs(after - (before > 0 ? 100 : 0))).toBeLessThanOrEqual(1e-9 * 100);
        }
      }),
    );
  });
});
