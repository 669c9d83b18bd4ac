import { describe, expect, it } from 'vitest';
import { expressionMatrix } from '../../src/expression/index.js';
import {
  immuneCellImmunity,
  immuneCellSets,
  immuneCellTypes,
  immunePanel,
} from '../../src/tme/immune-cells.js';
import { readReference, simulatedExpression } from './reference.js';

describe('immuneCellTypes (Charoentong 2017, 28 cell types, GSVA 1.46 ssgsea)', () => {
  it('has 28 sets and 782 metagenes, 15 adaptive and 13 innate', () => {
    const sets = immuneCellSets();
    expect(Object.keys(sets)).toHaveLength(28);
    expect(Object.values(sets).reduce((n, g) => n + g.length, 0)).toBe(782);
    const immunity = Object.values(immuneCellImmunity());
    expect(immunity.filter((i) => i === 'Adaptive')).toHaveLength(15);
  });

  it('equals GSVA ssgsea to 1e-10 absolute on the simulated matrix', () => {
    const ours = immuneCellTypes(simulatedExpression());
    const ref = readReference('sim_immune28_ssgsea.csv');
    expect(ours.sets).toEqual(ref.genes);
    let worst = 0;
    for (let i = 0; i < ref.data.length; i++) worst = Math.max(worst, Math.abs(ours.data[i] - ref.data[i]));
    expect(worst).toBeLessThan(1e-10);
  });
});

describe('immunePanel', () => {
  it('reports checkpoint genes as given and CYT = sqrt((GZMA + 0.01) (PRF1 + 0.01)); absent genes warned', () => {
    const m = expressionMatrix(['PDCD1', 'GZMA', 'PRF1'], ['A', 'B'], [5, 3, 12, 0, 1, 4]);
    const p = immunePanel(m);
    expect(p.features).toEqual(['PDCD1', 'CYT']);
    expect(p.data[0]).toBe(5);
    expect(p.data[1]).toBeCloseTo(Math.sqrt(3.01 * 12.01), 12);
    expect(p.data[3]).toBeCloseTo(Math.sqrt(1.01 * 4.01), 12);
    expect(p.warnings[0]).toMatch(/CD274/);
    const logged = immunePanel(expressionMatrix(['GZMA', 'PRF1'], ['A'], [2, 3]), { logged: true });
    expect(logged.data[0]).toBeCloseTo(Math.sqrt(3.01 * 7.01), 12);
  });
});
