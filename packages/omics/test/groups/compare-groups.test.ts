import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseDuplicateGenes, readExpressionMatrix } from '../../src/expression/index.js';
import { readGmt } from '../../src/genesets/index.js';
import { compareGroups, comparisonTable } from '../../src/groups/index.js';
import { cliffsDelta, compareGroups as compareGroupsByLabel, resolveGroups } from '../../src/kernels.js';
import { type GeneSetScores, scoreGeneSets, scoresTable, setScores } from '../../src/scoring/index.js';
import { maxRelativeError, numbers, readColumns } from './csv.js';

function scoresOf(values: number[][], samples: string[]): GeneSetScores {
  // values[set][sample] -> column-major
  const nSets = values.length;
  const flat = new Float64Array(nSets * samples.length);
  values.forEach((row, k) => {
    row.forEach((v, s) => {
      flat[s * nSets + k] = v;
    });
  });
  return {
    rows: nSets,
    columns: samples.length,
    data: flat,
    sets: values.map((_, k) => `S${k}`),
    samples,
    coverage: [],
    method: 'zscore',
    warnings: [],
  };
}

describe('cliffsDelta', () => {
  it('is 1 when every x exceeds every y, -1 in reverse, 0 for identical samples; counts ties as 0', () => {
    expect(cliffsDelta([3, 4], [1, 2])).toBe(1);
    expect(cliffsDelta([1, 2], [3, 4])).toBe(-1);
    expect(cliffsDelta([1, 2, 3], [1, 2, 3])).toBe(0);
    // pairs: (2,1)+ (2,2)0 (2,3)- ; (3,1)+ (3,2)+ (3,3)0 -> (3 - 1) / 6
    expect(cliffsDelta([2, 3], [1, 2, 3])).toBeCloseTo(2 / 6, 15);
  });

  it('equals the O(n m) definition (property)', () => {
    const arr = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(arr, arr, (x, y) => {
        let d = 0;
        for (const a of x) for (const b of y) d += Math.sign(a - b);
        expect(cliffsDelta(x, y)).toBeCloseTo(d / (x.length * y.length), 12);
      }),
    );
  });
});

describe('resolveGroups', () => {
  it('joins patient-level labels to TCGA sample barcodes and leaves unlabelled samples out', () => {
    const r = resolveGroups(['TCGA-AB-0001-01', 'TCGA-AB-0002-01', 'TCGA-AB-0003-11', 'X', 'Y'], {
      'TCGA-AB-0001': 'high',
      'TCGA-AB-0002': 'low',
      'TCGA-AB-0003': 'high',
      X: 'low',
    });
    expect(Array.from(r.membership)).toEqual([1, 0, 1, 0, -1]);
    expect([r.target, r.reference]).toEqual(['high', 'low']);
  });

  it('refuses a single label or a group of one', () => {
    expect(() => resolveGroups(['a', 'b'], { a: 'high', b: 'high' })).toThrow(/two distinct/);
    expect(() => resolveGroups(['a', 'b', 'c'], { a: 'high', b: 'low', c: 'low' })).toThrow(/at least 2/);
  });
});

describe('compareGroups', () => {
  it('hand-worked: two sets, 3 vs 3 samples (exact Wilcoxon as R: W = 9, p = 0.1)', () => {
    const samples = ['a', 'b', 'c', 'd', 'e', 'f'];
    const scores = scoresOf(
      [
        [5, 6, 7, 1, 2, 3],
        [1, 1, 2, 2, 3, 3],
      ],
      samples,
    );
    const cmp = compareGroupsByLabel(scores, {
      a: 'high',
      b: 'high',
      c: 'high',
      d: 'low',
      e: 'low',
      f: 'low',
    });
    expect(cmp.statistic[0]).toBe(9);
    expect(cmp.pValue[0]).toBeCloseTo(0.1, 12); // wilcox.test(c(5,6,7), c(1,2,3))$p.value
    expect(cmp.medianDifference[0]).toBe(4);
    expect(cmp.cliffsDelta[0]).toBe(1);
    expect(cmp.medianDifference[1]).toBe(-2); // median(1, 1, 2) - median(2, 3, 3)
    expect(cmp.adjustedPValue[0]).toBeGreaterThanOrEqual(cmp.pValue[0]);
  });
});

const lihcPath = sharedDataPath('tcga-lihc/expression_500_most_variable.csv');
const hallmarkPath = sharedDataPath('signatures/h.all.v7.0.symbols.gmt');
describe.skipIf(lihcPath === null || hallmarkPath === null)(
  `worked example: TCGA-LIHC tumours split at the median ssGSEA hypoxia score ${lihcPath === null ? sharedDataSkipMessage('tcga-lihc/expression_500_most_variable.csv') : ''}`,
  () => {
    // R: scores from gsva(lihc, hallmark, method = "ssgsea", min.sz = 3); grp <- hyp > median(hyp);
    // per set wilcox.test(high, low), p.adjust(BH), medians, Cliff's delta (fixtures/r-limma/make-fixtures.R).
    it('reproduces the groups and every Hallmark comparison (p, BH, medians, delta) to 1e-9', () => {
      const { matrix } = collapseDuplicateGenes(readExpressionMatrix(lihcPath as string));
      const scores = scoreGeneSets(matrix, readGmt(hallmarkPath as string), { method: 'ssgsea', minSize: 3 });
      const hypoxia = setScores(scores, 'HALLMARK_HYPOXIA');
      const sorted = Float64Array.from(hypoxia).sort();
      const med = (sorted[168] + sorted[169]) / 2;
      const groups = Object.fromEntries(scores.samples.map((s, i) => [s, hypoxia[i] > med ? 'high' : 'low']));
      const ref = readColumns('r-limma/lihc_groups.csv');
      expect(ref.sample.map((s) => groups[s])).toEqual(ref.group);

      const cmp = compareGroups(
        scores,
        { sample: Object.keys(groups), group: Object.values(groups) },
        { id: 'sample', group: 'group' },
      );
      const r = readColumns('r-limma/lihc_compare.csv');
      expect(cmp.sets).toEqual(r.set);
      expect(maxRelativeError(cmp.statistic, numbers(r.W))).toBe(0);
      expect(maxRelativeError(cmp.pValue, numbers(r.p))).toBeLessThan(1e-9);
      expect(maxRelativeError(cmp.adjustedPValue, numbers(r.adjP))).toBeLessThan(1e-9);
      expect(maxRelativeError(cmp.medianDifference, numbers(r.medianDifference))).toBeLessThan(1e-9);
      expect(maxRelativeError(cmp.cliffsDelta, numbers(r.cliffsDelta))).toBeLessThan(1e-12);

      // The biology of the worked example, as R reports it: hypoxia itself separates completely (delta = 1,
      // BH p = 1.78e-55); among the paper's pathways, on these 492 most-variable genes:
      const at = (set: string) => cmp.sets.indexOf(set);
      expect(cmp.cliffsDelta[at('HALLMARK_HYPOXIA')]).toBe(1);
      expect(cmp.adjustedPValue[at('HALLMARK_HYPOXIA')]).toBeCloseTo(1.7769185609150323e-55, 66);
      for (const set of ['HALLMARK_GLYCOLYSIS', 'HALLMARK_EPITHELIAL_MESENCHYMAL_TRANSITION']) {
        const i = r.set.indexOf(set);
        expect(cmp.adjustedPValue[at(set)]).toBeCloseTo(Number(r.adjP[i]), 12);
        expect(Math.sign(cmp.medianDifference[at(set)])).toBe(Math.sign(Number(r.medianDifference[i])));
      }
    });
  },
);

describe('scoresTable / comparisonTable', () => {
  it('give one row per sample / per set', () => {
    const scores = scoresOf(
      [
        [5, 6, 1, 2],
        [1, 2, 3, 4],
      ],
      ['a', 'b', 'c', 'd'],
    );
    const t = scoresTable(scores);
    expect(t.sample).toEqual(['a', 'b', 'c', 'd']);
    expect(Array.from(t.S1 as Float64Array)).toEqual([1, 2, 3, 4]);
    const groups = { id: ['a', 'b', 'c', 'd'], risk: ['high', 'high', 'low', 'low'] };
    const c = comparisonTable(compareGroups(scores, groups, { id: 'id', group: 'risk' }));
    expect(c.set).toEqual(['S0', 'S1']);
    expect(c.target).toEqual(['high', 'high']);
    expect(Array.from(c.medianDifference as Float64Array)).toEqual([4, -2]);
  });
});
