import { describe, expect, it } from 'vitest';
import { expressionMatrix } from '../../src/expression/index.js';
import { estimateCommonGenes, estimateGeneSets, estimateScores } from '../../src/tme/estimate.js';
import { mcpCounter, mcpCounterMarkers } from '../../src/tme/mcpcounter.js';
import { quantiseq, til10Signature } from '../../src/tme/quantiseq.js';
import { lihcExpression, lihcPath, maxError, readReference, simulatedExpression } from './reference.js';

const expr = simulatedExpression();

describe('mcpCounter (MCPcounter.estimate, HUGO_symbols, ebecht/MCPcounter b6eac73)', () => {
  it('equals R to 1e-12 relative on the simulated matrix and on the TCGA-LIHC subset', () => {
    expect(maxError(mcpCounter(expr), readReference('sim_mcpcounter.csv'), true)).toBeLessThan(1e-12);
    if (lihcPath !== null) {
      const ours = mcpCounter(lihcExpression());
      expect(maxError(ours, readReference('lihc_mcpcounter.csv'), true)).toBeLessThan(1e-12);
      expect(ours.warnings.length).toBeGreaterThan(0); // populations without markers among 500 genes: NaN rows
    }
  });

  it('has the 10 populations and 111 markers; a hand-worked mean', () => {
    const markers = mcpCounterMarkers();
    expect(markers).toHaveLength(10);
    expect(markers.reduce((n, m) => n + m.genes.length, 0)).toBe(111);
    const m = expressionMatrix(['CD8B', 'X'], ['A'], [3, 100]);
    const scores = mcpCounter(m);
    expect(scores.data[scores.features.indexOf('CD8 T cells')]).toBe(3);
    expect(scores.data[scores.features.indexOf('Fibroblasts')]).toBeNaN();
  });
});

describe('estimateScores (R estimate 1.0.13: filterCommonGenes + estimateScore, affymetrix purity)', () => {
  it('equals R to 1e-10 relative with the common-gene filter and without (simulated, with ties)', () => {
    expect(maxError(estimateScores(expr), readReference('sim_estimate.csv'), true)).toBeLessThan(1e-10);
    expect(
      maxError(
        estimateScores(expr, { filterCommonGenes: false }),
        readReference('sim_estimate_unfiltered.csv'),
        true,
      ),
    ).toBeLessThan(1e-10);
  });

  it('ships the two 141-gene signatures and 10,412 common genes; purity is cos(a + b * score)', () => {
    const sets = estimateGeneSets();
    expect(sets.StromalSignature).toHaveLength(141);
    expect(sets.ImmuneSignature).toHaveLength(141);
    expect(estimateCommonGenes()).toHaveLength(10412);
    const s = estimateScores(expr);
    expect(s.data[3]).toBeCloseTo(Math.cos(0.6049872018 + 0.0001467884 * s.data[2]), 14);
    expect(() => estimateScores(expressionMatrix(['A', 'A'], ['S'], [1, 2]))).toThrow(/several rows/);
  });
});

describe('quantiseq (icbi-lab/quanTIseq 039eb16, lsei via quadprog in R)', () => {
  it('equals R to 1e-8 absolute, with and without the tumour option (simulated)', () => {
    expect(maxError(quantiseq(expr), readReference('sim_quantiseq.csv'), false)).toBeLessThan(1e-8);
    expect(
      maxError(quantiseq(expr, { tumor: true }), readReference('sim_quantiseq_tumor.csv'), false),
    ).toBeLessThan(1e-8);
  });

  it('equals R to 1e-8 absolute on linear (TPM-like) input, where the low-Treg correction applies', () => {
    const linear = { ...expr, data: expr.data.map((v) => Math.round(2 ** v * 1e4) / 1e4) };
    expect(maxError(quantiseq(linear), readReference('sim_quantiseq_linear.csv'), false)).toBeLessThan(1e-8);
    expect(
      maxError(quantiseq(linear, { tumor: true }), readReference('sim_quantiseq_linear_tumor.csv'), false),
    ).toBeLessThan(1e-8);
  });

  it('returns fractions summing to 1 over 10 cell types and Other', () => {
    const f = quantiseq(expr);
    expect(f.features).toEqual([...til10Signature().cellTypes, 'Other']);
    for (let s = 0; s < f.columns; s++) {
      let total = 0;
      for (let k = 0; k < f.rows; k++) {
        expect(f.data[k + s * f.rows]).toBeGreaterThanOrEqual(0);
        total += f.data[k + s * f.rows];
      }
      expect(total).toBeCloseTo(1, 12);
    }
  });
});
