import { wilcoxonRankSum } from '@tace/core';
import { describe, expect, it } from 'vitest';
import { compareBiology } from '../../src/biology/by-risk-group.js';
import { progeny } from '../../src/pathways/progeny.js';
import { simulatedExpression } from '../tme/reference.js';

describe('compareBiology (one call: analyses x features by risk group)', () => {
  const expr = simulatedExpression();
  const groups = {
    sample: expr.samples,
    risk: expr.samples.map((_, i) => (i % 2 === 0 ? 'high' : 'low')),
  };

  it('returns one tidy row per analysis x feature with Wilcoxon p and BH within the analysis', () => {
    const bio = compareBiology(
      expr,
      groups,
      { id: 'sample', group: 'risk' },
      { geneSets: { A: expr.genes.slice(0, 30) } },
    );
    expect(bio.target).toBe('high');
    expect(bio.reference).toBe('low');
    const analyses = [...new Set(bio.rows.map((r) => r.analysis))];
    expect(analyses).toEqual([
      'estimate',
      'mcpcounter',
      'quantiseq',
      'progeny',
      'immune-cells',
      'immune-panel',
      'gene-sets',
    ]);
    expect(bio.rows.filter((r) => r.analysis === 'progeny')).toHaveLength(14);
    expect(bio.table.feature).toHaveLength(bio.rows.length);
    // a row against a direct computation
    const scores = progeny(expr);
    const k = scores.features.indexOf('Hypoxia');
    const x = expr.samples.map((_, s) => scores.data[k + s * 14]);
    const row = bio.rows.find((r) => r.analysis === 'progeny' && r.feature === 'Hypoxia');
    expect(row?.pValue).toBeCloseTo(
      wilcoxonRankSum(
        x.filter((_, i) => i % 2 === 0),
        x.filter((_, i) => i % 2 === 1),
      ).pValue,
      14,
    );
    expect(row?.nTarget).toBe(8);
    for (const r of bio.rows)
      if (!Number.isNaN(r.pValue)) expect(r.adjustedPValue).toBeGreaterThanOrEqual(r.pValue);
    expect(bio.sampleGroups[0]).toEqual({ sample: 'S01', group: 'high' });
  });

  it('lists an analysis that cannot run in skipped instead of failing', () => {
    const bio = compareBiology(
      expr,
      groups,
      { id: 'sample', group: 'risk' },
      { analyses: ['mcpcounter', 'cancersea'] },
    );
    expect(bio.skipped).toEqual([{ analysis: 'cancersea', reason: expect.stringMatching(/CancerSEA/) }]);
    expect(Object.keys(bio.scores)).toEqual(['mcpcounter']);
  });
});
