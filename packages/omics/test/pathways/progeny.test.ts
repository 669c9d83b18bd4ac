import { describe, expect, it } from 'vitest';
import { expressionMatrix } from '../../src/expression/index.js';
import { PROGENY_PATHWAYS, progeny, progenyModel } from '../../src/pathways/progeny.js';
import { lihcExpression, lihcPath, maxError, readReference, simulatedExpression } from '../tme/reference.js';

describe('progeny (R progeny 1.20 progeny(), fixtures of test/fixtures/r-tme)', () => {
  const expr = simulatedExpression();

  it('equals R without scaling, top 100 and top 500, to 1e-10 relative (simulated 3000 x 16)', () => {
    expect(
      maxError(progeny(expr, { scale: false }), readReference('sim_progeny_unscaled.csv'), true),
    ).toBeLessThan(1e-10);
    expect(
      maxError(progeny(expr, { scale: false, top: 500 }), readReference('sim_progeny_top500.csv'), true),
    ).toBeLessThan(1e-10);
  });

  it('equals R with scaling to 1e-9 relative', () => {
    const scores = progeny(expr);
    expect(scores.features).toEqual(PROGENY_PATHWAYS);
    expect(maxError(scores, readReference('sim_progeny_scaled.csv'), true)).toBeLessThan(1e-9);
  });

  it.skipIf(lihcPath === null)(
    'equals R on the TCGA-LIHC subset (shared data), both scalings, 1e-9 relative',
    () => {
      const lihc = lihcExpression();
      expect(
        maxError(progeny(lihc, { scale: false }), readReference('lihc_progeny_unscaled.csv'), true),
      ).toBeLessThan(1e-9);
      expect(maxError(progeny(lihc), readReference('lihc_progeny_scaled.csv'), true)).toBeLessThan(1e-9);
    },
  );

  it('model: 100 genes per pathway at top 100, ranks kept with ties, hand-worked product', () => {
    const model = progenyModel(100);
    for (const p of PROGENY_PATHWAYS)
      expect(model.filter((r) => r.pathway === p).length).toBeGreaterThanOrEqual(100);
    const hypoxia = model.filter((r) => r.pathway === 'Hypoxia').slice(0, 2);
    const m = expressionMatrix(
      hypoxia.map((r) => r.gene),
      ['A', 'B'],
      [1, 2, 3, 4],
    );
    const scores = progeny(m, { scale: false });
    const k = PROGENY_PATHWAYS.indexOf('Hypoxia');
    expect(scores.data[k]).toBeCloseTo(hypoxia[0].weight + 2 * hypoxia[1].weight, 12);
    expect(scores.genesUsed[k]).toBe(2);
    expect(() => progeny(m, { top: 0 })).toThrow(/top/);
    expect(() => progeny(expressionMatrix(['NOPE'], ['A'], [1]))).toThrow(/no PROGENy model gene/);
  });
});
