import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { collapseDuplicateGenes, readExpressionMatrix } from '../../src/expression/index.js';
import { readGmt } from '../../src/genesets/index.js';
import { differentialExpression, prerankedGsea } from '../../src/groups/index.js';
import { enrichmentScore } from '../../src/kernels.js';
import { readColumns } from './csv.js';

describe('enrichmentScore', () => {
  it('hand-worked: 5 genes, set at ranks 1 and 3 with weights 4 and 1', () => {
    // weights (|stat|) 4 3 1 1 0.5; set = positions 0, 2; total = 5; miss step = 1/3
    // running sum: +4/5 = 0.8, -1/3 = 0.467, +1/5 = 0.667, -1/3 = 0.333, -1/3 = 0 -> ES = 0.8 at position 0
    const w = Float64Array.from([4, 3, 1, 1, 0.5]);
    const { es, peak } = enrichmentScore(Int32Array.from([0, 2]), w, 5);
    expect(es).toBeCloseTo(0.8, 15);
    expect(peak).toBe(0);
    // set at the bottom: -1/3, -2/3, -1 then +... -> ES = -1 reached just before position 3
    const bottom = enrichmentScore(Int32Array.from([3, 4]), w, 5);
    expect(bottom.es).toBeCloseTo(-1, 15);
    expect(bottom.peak).toBe(3);
  });
});

describe('prerankedGsea', () => {
  const stats: Record<string, number> = {};
  for (let i = 0; i < 200; i++) stats[`G${i}`] = 100 - i; // G0 highest
  const sets = {
    TOP: ['G0', 'G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8', 'G9'],
    BOTTOM: ['G199', 'G198', 'G197', 'G196', 'G195', 'G194', 'G193', 'G192', 'G191', 'G190'],
    SPREAD: ['G5', 'G45', 'G85', 'G125', 'G165', 'G25', 'G65', 'G105', 'G145', 'G185'],
    ABSENT: ['NOPE'],
  };

  it('finds a set at the top (ES > 0, small p) and at the bottom (ES < 0), not an evenly spread one', () => {
    const r = prerankedGsea(stats, sets, { permutations: 2000, random: 7 });
    expect(r.sets).toEqual(['TOP', 'BOTTOM', 'SPREAD']);
    expect(r.es[0]).toBeCloseTo(1, 12); // all set genes first: the running sum reaches 1
    expect(r.pValue[0]).toBeLessThan(0.002);
    expect(r.es[1]).toBeLessThan(-0.9);
    expect(r.nes[1]).toBeLessThan(0);
    expect(r.pValue[2]).toBeGreaterThan(0.2);
    expect(r.leadingEdge[0]).toEqual(sets.TOP);
    expect(Array.from(r.size)).toEqual([10, 10, 10]);
  });

  it('is reproducible for a seed and p-values stay in (0, 1]', () => {
    const a = prerankedGsea(stats, sets, { permutations: 200, random: 3 });
    const b = prerankedGsea(stats, sets, { permutations: 200, random: 3 });
    expect(Array.from(a.pValue)).toEqual(Array.from(b.pValue));
    for (const p of a.adjustedPValue) expect(p > 0 && p <= 1).toBe(true);
  });

  it('refuses when no set has genes in the ranking', () => {
    expect(() => prerankedGsea(stats, { ABSENT: ['NOPE'] })).toThrow(/no gene set/);
  });
});

const lihcPath = sharedDataPath('tcga-lihc/expression_500_most_variable.csv');
const hallmarkPath = sharedDataPath('signatures/h.all.v7.0.symbols.gmt');
describe.skipIf(lihcPath === null || hallmarkPath === null)(
  `prerankedGsea on TCGA-LIHC (limma t, hypoxia-high vs -low) ${lihcPath === null ? sharedDataSkipMessage('tcga-lihc/expression_500_most_variable.csv') : ''}`,
  () => {
    it('gives the enrichment scores of a plain-R running sum (fgsea calcGseaStat formula) to 1e-12', () => {
      // R: stats <- sort(eBayes(lmFit(lihc, model.matrix(~ grp)))$t[, 2], decreasing = TRUE); running sum with
      // weights |t| (fixtures/r-limma/make-fixtures.R, section 3)
      const { matrix } = collapseDuplicateGenes(readExpressionMatrix(lihcPath as string));
      const g = readColumns('r-limma/lihc_groups.csv');
      const de = differentialExpression(matrix, g, { id: 'sample', group: 'group' });
      const stats = Object.fromEntries(de.genes.map((gene, i) => [gene, de.moderatedT[i]]));
      const gsea = prerankedGsea(stats, readGmt(hallmarkPath as string), { permutations: 200, random: 1 });
      const ref = readColumns('r-limma/lihc_gsea_es.csv');
      expect(gsea.sets).toEqual(ref.set);
      expect(Array.from(gsea.size)).toEqual(ref.size.map(Number));
      gsea.es.forEach((es, k) => {
        expect(Math.abs(es - Number(ref.es[k]))).toBeLessThan(1e-12);
      });
    });
  },
);
