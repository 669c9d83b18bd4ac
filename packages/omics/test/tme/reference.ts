import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDataPath } from '@tace/core/testing';
import { expect } from 'vitest';
import { collapseDuplicateGenes, readExpressionMatrix } from '../../src/expression/index.js';
import type { ExpressionMatrix } from '../../src/expression/types.js';
import type { FeatureScores } from '../../src/tme/types.js';

/** Fixtures written by test/fixtures/r-tme/make-fixtures.R (R code and versions named there). */
export const tmeFixtureDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'r-tme');

/** A reference table of the fixture folder: features in rows, samples in columns. */
export function readReference(file: string): ExpressionMatrix {
  return readExpressionMatrix(join(tmeFixtureDir, file), { orientation: 'genes-in-rows' });
}

/** The simulated 3000-gene x 16-sample log2 matrix of the fixtures. */
export function simulatedExpression(): ExpressionMatrix {
  return readExpressionMatrix(join(tmeFixtureDir, 'sim_expr.csv'), { orientation: 'genes-in-rows' });
}

export const lihcPath = sharedDataPath('tcga-lihc/expression_500_most_variable.csv');

/** The TCGA-LIHC subset, read in place, duplicated symbols collapsed by max-mean as the fixture script. */
export function lihcExpression(): ExpressionMatrix {
  return collapseDuplicateGenes(
    readExpressionMatrix(lihcPath as string, { orientation: 'genes-in-rows' }),
    'max-mean',
  ).matrix;
}

/**
 * Largest error of our scores against R's, after checking feature and sample names: relative
 * |ours - ref| / |ref| (`relative`) or absolute. NaN in the reference must be NaN in ours.
 */
export function maxError(ours: FeatureScores, reference: ExpressionMatrix, relative: boolean): number {
  expect(ours.samples).toEqual(reference.samples);
  let worst = 0;
  reference.genes.forEach((feature, r) => {
    const k = ours.features.indexOf(feature);
    expect(k, feature).toBeGreaterThanOrEqual(0);
    for (let s = 0; s < reference.samples.length; s++) {
      const ref = reference.data[r + s * reference.rows];
      const got = ours.data[k + s * ours.rows];
      if (Number.isNaN(ref)) {
        expect(got).toBeNaN();
        continue;
      }
      const error = Math.abs(got - ref) / (relative && ref !== 0 ? Math.abs(ref) : 1);
      worst = Math.max(worst, error);
    }
  });
  return worst;
}
