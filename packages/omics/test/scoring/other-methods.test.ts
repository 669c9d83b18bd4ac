import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expressionMatrix, readExpressionMatrix } from '../../src/expression/index.js';
import { readGmt } from '../../src/genesets/index.js';
import { scoreGeneSets, scoreGeneSetsParallel, setScores } from '../../src/scoring/index.js';
import { gsvaFixtureDir } from './fixtures.js';

// 4 genes x 3 samples, column-major: sample a = [1, 2, 3, 4], b = [4, 3, 2, 1], c = [2, 2, 8, 1]
const m = expressionMatrix(['G1', 'G2', 'G3', 'G4'], ['a', 'b', 'c'], [1, 2, 3, 4, 4, 3, 2, 1, 2, 2, 8, 1]);

describe("scoreGeneSets method 'singscore' (Foroutan 2018, up-set, centred)", () => {
  it('hand-worked: ranks with ties at their minimum, mean rank scaled to [-0.5, 0.5]', () => {
    // set {G3, G4}: k = 2, N = 4; bounds (k+1)/2 = 1.5, (2N-k+1)/2 = 3.5
    // a: ranks 3, 4 -> mean 3.5 -> 0.5; b: ranks 2, 1 -> 1.5 -> -0.5;
    // c: values 2, 2, 8, 1 -> ranks (min ties) 2, 2, 4, 1 -> set ranks 4, 1 -> 2.5 -> 0
    const s = scoreGeneSets(m, { S: ['G3', 'G4'] }, { method: 'singscore' });
    expect(Array.from(s.data)).toEqual([0.5, -0.5, 0]);
  });

  it('stays in [-0.5, 0.5] without ties (property; tied minimum ranks can go below, as in singscore)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 12, maxLength: 12 }),
        (v) => {
          const x = expressionMatrix(['G1', 'G2', 'G3', 'G4'], ['a', 'b', 'c'], v);
          for (const score of scoreGeneSets(x, { S: ['G1', 'G3'] }, { method: 'singscore' }).data) {
            expect(score).toBeGreaterThanOrEqual(-0.5 - 1e-12);
            expect(score).toBeLessThanOrEqual(0.5 + 1e-12);
          }
        },
      ),
    );
  });
});

describe("scoreGeneSets method 'buffa' (median-sign sum, Bhandari 2019 / cBioPortal)", () => {
  it('hand-worked: +1 above the gene median across samples, -1 otherwise', () => {
    // medians across samples: G1 median(1, 4, 2) = 2; G2 median(2, 3, 2) = 2; G3 median(3, 2, 8) = 3
    // a: G1 1 -> -1, G2 2 -> -1, G3 3 -> -1 = -3; b: +1 +1 -1 = 1; c: -1 -1 +1 = -1
    const s = scoreGeneSets(m, { B: ['G1', 'G2', 'G3'] }, { method: 'buffa' });
    expect(Array.from(s.data)).toEqual([-3, 1, -1]);
  });
});

describe("scoreGeneSets method 'cyt' (geometric mean, Rooney 2015)", () => {
  it('hand-worked: sqrt((x1 + 0.01)(x2 + 0.01)), offset configurable', () => {
    const s = scoreGeneSets(m, { CYT: ['G1', 'G4'] }, { method: 'cyt' });
    expect(s.data[0]).toBeCloseTo(Math.sqrt(1.01 * 4.01), 14);
    expect(scoreGeneSets(m, { CYT: ['G1', 'G4'] }, { method: 'cyt', offset: 0 }).data[2]).toBeCloseTo(
      Math.sqrt(2),
      14,
    );
    expect(s.warnings.some((w) => /log-transformed/.test(w))).toBe(true); // small values look logged
  });
});

describe('scoreGeneSets validation and result shape', () => {
  it('rejects duplicated genes, missing values and unknown methods with remedies', () => {
    const dup = expressionMatrix(['G1', 'G1'], ['a', 'b'], [1, 2, 3, 4]);
    expect(() => scoreGeneSets(dup, { S: ['G1'] }, { method: 'zscore' })).toThrow(/collapseDuplicateGenes/);
    const na = expressionMatrix(['G1', 'G2'], ['a', 'b'], [1, Number.NaN, 3, 4]);
    expect(() => scoreGeneSets(na, { S: ['G1'] })).toThrow(/G2 in a is missing/);
    expect(() => scoreGeneSets(m, { S: ['G1'] }, { method: 'gsea' as never })).toThrow(
      /method must be one of/,
    );
    expect(() => scoreGeneSets(m, { S: ['NOPE'] })).toThrow(/no gene set has enough genes/);
  });

  it('returns the same keys for every method, and setScores reads one set', () => {
    const keys = new Set<string>();
    for (const method of ['gsva', 'ssgsea', 'zscore', 'plage', 'singscore', 'buffa', 'cyt'] as const) {
      const s = scoreGeneSets(m, { S: ['G1', 'G2'], T: ['G3'] }, { method });
      keys.add(Object.keys(s).sort().join(','));
      expect(setScores(s, 'T')).toHaveLength(3);
    }
    expect(keys.size).toBe(1);
  });

  it('drops sets outside minSize..maxSize but reports them in the coverage', () => {
    const s = scoreGeneSets(m, { S: ['G1', 'G2', 'X'], T: ['G3'] }, { method: 'zscore', minSize: 2 });
    expect(s.sets).toEqual(['S']);
    expect(s.coverage.map((c) => [c.set, c.scored, c.found.length, c.missing])).toEqual([
      ['S', true, 2, ['X']],
      ['T', false, 1, []],
    ]);
    expect(() => setScores(s, 'T')).toThrow(/not scored/);
  });
});

describe('scoreGeneSetsParallel', () => {
  it('gives the same scores as scoreGeneSets for ssgsea, gsva and singscore on 2 threads', async () => {
    const expr = readExpressionMatrix(join(gsvaFixtureDir, 'sim_expr.csv'));
    const sets = readGmt(join(gsvaFixtureDir, 'sim_sets.gmt'));
    for (const method of ['ssgsea', 'gsva', 'singscore', 'zscore'] as const) {
      const one = scoreGeneSets(expr, sets, { method });
      const par = await scoreGeneSetsParallel(expr, sets, { method, threads: 2, blockSize: 5 });
      expect(Array.from(par.data)).toEqual(Array.from(one.data));
      expect(par.coverage).toEqual(one.coverage);
    }
  }, 600_000);
});

describe('rank-based methods depend on within-sample ranks only', () => {
  it('ssgsea (ssgsea.norm = FALSE) and singscore are unchanged by a monotone transform of the data (property)', () => {
    const sets = { S: ['G1', 'G3'], T: ['G2', 'G4', 'G5'] };
    const genes = ['G1', 'G2', 'G3', 'G4', 'G5', 'G6'];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 18, maxLength: 18 }), (v) => {
        const x = expressionMatrix(genes, ['a', 'b', 'c'], v);
        const y = expressionMatrix(
          genes,
          ['a', 'b', 'c'],
          v.map((u) => Math.exp(u / 10) + 3),
        );
        for (const method of ['ssgsea', 'singscore'] as const) {
          const sx = scoreGeneSets(x, sets, { method, normalize: false }).data;
          const sy = scoreGeneSets(y, sets, { method, normalize: false }).data;
          sx.forEach((s, i) => {
            expect(sy[i]).toBeCloseTo(s, 12);
          });
        }
      }),
    );
  });
});
