import { join } from 'node:path';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import {
  collapseDuplicateGenes,
  type ExpressionMatrix,
  readExpressionMatrix,
} from '../../src/expression/index.js';
import { readGmt } from '../../src/genesets/index.js';
import { type ScoreGeneSetsOptions, scoreGeneSets } from '../../src/scoring/index.js';
import { fixtureText, gsvaFixtureDir, maxAbsDifference, readReferenceScores } from './fixtures.js';

// Expected values: GSVA 1.46.0 on R 4.2.2 (see fixtures/r-gsva/versions.txt), written by
// fixtures/r-gsva/make-fixtures.R, e.g. gsva(expr, sets, method = "ssgsea", verbose = FALSE).
const TOLERANCE = 1e-8;

describe('scoreGeneSets matches GSVA 1.46 on the seeded simulated matrix (300 genes x 24 samples)', () => {
  const expr = readExpressionMatrix(join(gsvaFixtureDir, 'sim_expr.csv'));
  const counts = readExpressionMatrix(join(gsvaFixtureDir, 'sim_counts.csv'));
  const sets = readGmt(join(gsvaFixtureDir, 'sim_sets.gmt'));
  const cases: [string, string, ScoreGeneSetsOptions, boolean?][] = [
    ['gsva(method = "ssgsea")', 'sim_ssgsea.csv', { method: 'ssgsea' }],
    [
      'gsva(method = "ssgsea", ssgsea.norm = FALSE)',
      'sim_ssgsea_nonorm.csv',
      { method: 'ssgsea', normalize: false },
    ],
    [
      'gsva(method = "ssgsea", tau = 1, ssgsea.norm = FALSE)',
      'sim_ssgsea_tau1.csv',
      { method: 'ssgsea', tau: 1, normalize: false },
    ],
    ['gsva(method = "gsva")', 'sim_gsva.csv', { method: 'gsva' }],
    [
      'gsva(method = "gsva", mx.diff = FALSE)',
      'sim_gsva_maxdiff_false.csv',
      { method: 'gsva', maxDiff: false },
    ],
    [
      'gsva(method = "gsva", abs.ranking = TRUE)',
      'sim_gsva_absrank.csv',
      { method: 'gsva', absRanking: true },
    ],
    ['gsva(method = "gsva", tau = 0.5)', 'sim_gsva_tau05.csv', { method: 'gsva', tau: 0.5 }],
    [
      'gsva(method = "gsva", min.sz = 5, max.sz = 30)',
      'sim_gsva_minmax.csv',
      { method: 'gsva', minSize: 5, maxSize: 30 },
    ],
    ['gsva(method = "gsva", kcdf = "none")', 'sim_gsva_ecdf.csv', { method: 'gsva', kcdf: 'none' }],
    ['gsva(method = "zscore")', 'sim_zscore.csv', { method: 'zscore' }],
  ];
  for (const [call, file, options, alignSign] of cases) {
    it(`${call} to ${TOLERANCE}`, () => {
      const ours = scoreGeneSets(expr, sets, options);
      expect(maxAbsDifference(ours, readReferenceScores(file), alignSign)).toBeLessThan(TOLERANCE);
    });
  }

  it(`gsva(method = "plage") to ${TOLERANCE} up to sign; a one-gene set is z / |z|, not GSVA's 1s`, () => {
    const ours = scoreGeneSets(expr, sets, { method: 'plage' });
    expect(maxAbsDifference(ours, readReferenceScores('sim_plage.csv'), true, ['SINGLE'])).toBeLessThan(
      TOLERANCE,
    );
    // GSVA 1.46 returns 1 in every sample for a one-gene set (R drops the 1 x n matrix to a vector before
    // svd()); the first right singular vector of a 1 x n matrix is z / |z|.
    const z = scoreGeneSets(expr, { SINGLE: sets.SINGLE }, { method: 'zscore' }).data;
    const norm = Math.hypot(...z);
    const single = ours.data.filter((_, i) => i % ours.sets.length === ours.sets.indexOf('SINGLE'));
    single.forEach((v, s) => {
      expect(v).toBeCloseTo(z[s] / norm, 12);
    });
  });

  it(`gsva(counts, method = "gsva", kcdf = "Poisson") to ${TOLERANCE}`, () => {
    const ours = scoreGeneSets(counts, sets, { method: 'gsva', kcdf: 'poisson' });
    expect(maxAbsDifference(ours, readReferenceScores('sim_gsva_poisson.csv'))).toBeLessThan(TOLERANCE);
  });

  it('reports coverage: missing genes, the constant gene dropped by gsva but kept by ssgsea', () => {
    const gsva = scoreGeneSets(expr, sets, { method: 'gsva' });
    const up = gsva.coverage.find((c) => c.set === 'UP_BLOCK');
    expect(up?.size).toBe(31);
    expect(up?.found).toHaveLength(25);
    expect(up?.missing).toEqual(['G500', 'G501', 'G502', 'G503', 'G504', 'G505']);
    const withConst = gsva.coverage.find((c) => c.set === 'WITH_CONST');
    expect(withConst?.constant).toEqual(['G081']);
    expect(gsva.warnings[0]).toMatch(/1 genes with constant expression/);
    const ssgsea = scoreGeneSets(expr, sets, { method: 'ssgsea' });
    expect(ssgsea.coverage.find((c) => c.set === 'WITH_CONST')?.found).toContain('G081');
  });
});

const lihcPath = sharedDataPath('tcga-lihc/expression_500_most_variable.csv');
const hallmarkPath = sharedDataPath('signatures/h.all.v7.0.symbols.gmt');
describe.skipIf(lihcPath === null || hallmarkPath === null)(
  `scoreGeneSets matches GSVA 1.46 on TCGA-LIHC (492 genes x 338 tumours) with Hallmark v7.0, min.sz = 3 ${
    lihcPath === null ? sharedDataSkipMessage('tcga-lihc/expression_500_most_variable.csv') : ''
  }`,
  () => {
    const raw = lihcPath === null ? null : readExpressionMatrix(lihcPath);
    const { matrix: expr, duplicated } =
      raw === null ? { matrix: raw, duplicated: [] } : collapseDuplicateGenes(raw, 'max-mean');
    const sets = hallmarkPath === null ? {} : readGmt(hallmarkPath);

    it('resolves the duplicated symbols as the R script does (max mean, first on ties)', () => {
      expect(duplicated.map((d) => d.gene).sort()).toEqual(['CTAG1B', 'MAGEA2', 'SSX2', 'UGT2A1', 'XAGE1D']);
      expect(expr?.genes).toEqual(fixtureText('lihc_expr_dedup_genes.txt').trim().split('\n'));
    });

    const cases: [string, string, ScoreGeneSetsOptions, boolean?][] = [
      ['ssgsea', 'lihc_ssgsea.csv', { method: 'ssgsea' }],
      ['ssgsea, ssgsea.norm = FALSE', 'lihc_ssgsea_nonorm.csv', { method: 'ssgsea', normalize: false }],
      ['gsva', 'lihc_gsva.csv', { method: 'gsva' }],
      ['zscore', 'lihc_zscore.csv', { method: 'zscore' }],
      ['plage (up to sign)', 'lihc_plage.csv', { method: 'plage' }, true],
    ];
    for (const [call, file, options, alignSign] of cases) {
      it(`gsva(method = ${call}, min.sz = 3) to ${TOLERANCE}`, () => {
        const ours = scoreGeneSets(expr as ExpressionMatrix, sets, { ...options, minSize: 3 });
        expect(maxAbsDifference(ours, readReferenceScores(file), alignSign)).toBeLessThan(TOLERANCE);
      });
    }
  },
);
