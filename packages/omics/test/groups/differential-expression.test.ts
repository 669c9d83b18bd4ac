import { join } from 'node:path';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { collapseDuplicateGenes, readExpressionMatrix } from '../../src/expression/index.js';
import { differentialExpression } from '../../src/groups/index.js';
import {
  differentialExpression as differentialExpressionByLabel,
  digamma,
  trigamma,
  trigammaInverse,
} from '../../src/kernels.js';
import { fixturesDir, maxRelativeError, numbers, readColumns } from './csv.js';

// Expected values: limma 3.54.1 / R 4.2.2, fixtures/r-limma/make-fixtures.R:
//   eBayes(lmFit(x, model.matrix(~ group))) and t.test(high, low) per gene.

describe('polygamma functions', () => {
  it('digamma(1) = -Euler gamma, trigamma(1) = pi^2 / 6, trigammaInverse inverts trigamma (1e-12)', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 14);
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 14);
    expect(digamma(0.5)).toBeCloseTo(-1.9635100260214235, 14);
    for (const y of [0.3, 1, 2.7, 15, 400]) expect(trigammaInverse(trigamma(y)) / y).toBeCloseTo(1, 7);
  });
});

describe('differentialExpression matches limma and t.test on the simulated matrix (S13-S24 high vs S01-S12 low)', () => {
  const expr = readExpressionMatrix(join(fixturesDir, 'r-gsva', 'sim_expr.csv'));
  const groups = Object.fromEntries(expr.samples.map((s, i) => [s, i < 12 ? 'low' : 'high']));
  const de = differentialExpressionByLabel(expr, groups);

  it('moderated t and p to 1e-10 relative; s2.prior and df.prior to 1e-10', () => {
    const ref = readColumns('r-limma/sim_limma.csv');
    const prior = readColumns('r-limma/sim_limma_prior.csv');
    expect(de.genes).toEqual(ref.gene);
    expect(maxRelativeError(de.logFC, numbers(ref.logFC))).toBeLessThan(1e-10);
    expect(
      maxRelativeError([de.s2Prior, de.dfPrior], numbers([prior.s2prior[0], prior.dfprior[0]])),
    ).toBeLessThan(1e-10);
    expect(maxRelativeError(de.moderatedT, numbers(ref.t))).toBeLessThan(1e-10);
    expect(maxRelativeError(de.moderatedPValue, numbers(ref.p))).toBeLessThan(1e-10);
    expect(maxRelativeError(de.moderatedAdjustedPValue, numbers(ref.adjP))).toBeLessThan(1e-10);
    expect(maxRelativeError(de.dfTotal, numbers(ref.dfTotal))).toBeLessThan(1e-12);
  });

  it('Welch t, df and p to 1e-10 relative (constant gene G081: NaN, R refuses it)', () => {
    const ref = readColumns('r-limma/sim_welch.csv');
    const rows = ref.gene.map((g) => de.genes.indexOf(g));
    expect(
      maxRelativeError(
        rows.map((i) => de.welchT[i]),
        numbers(ref.t),
      ),
    ).toBeLessThan(1e-10);
    expect(
      maxRelativeError(
        rows.map((i) => de.welchDf[i]),
        numbers(ref.df),
      ),
    ).toBeLessThan(1e-10);
    expect(
      maxRelativeError(
        rows.map((i) => de.welchPValue[i]),
        numbers(ref.p),
      ),
    ).toBeLessThan(1e-10);
    expect(de.welchT[de.genes.indexOf('G081')]).toBeNaN();
  });
});

const lihcPath = sharedDataPath('tcga-lihc/expression_500_most_variable.csv');
describe.skipIf(lihcPath === null)(
  `differentialExpression on TCGA-LIHC, hypoxia-high vs -low ${lihcPath === null ? sharedDataSkipMessage('tcga-lihc/expression_500_most_variable.csv') : ''}`,
  () => {
    it('matches limma (t, p, BH) to 1e-10 relative', () => {
      const { matrix } = collapseDuplicateGenes(readExpressionMatrix(lihcPath as string));
      const g = readColumns('r-limma/lihc_groups.csv');
      const de = differentialExpression(matrix, g, { id: 'sample', group: 'group' });
      const ref = readColumns('r-limma/lihc_limma.csv');
      expect(de.genes).toEqual(ref.gene);
      expect(de.nTarget + de.nReference).toBe(338);
      expect(maxRelativeError(de.moderatedT, numbers(ref.t))).toBeLessThan(1e-10);
      expect(maxRelativeError(de.moderatedPValue, numbers(ref.p))).toBeLessThan(1e-10);
      expect(maxRelativeError(de.moderatedAdjustedPValue, numbers(ref.adjP))).toBeLessThan(1e-10);
    });
  },
);
