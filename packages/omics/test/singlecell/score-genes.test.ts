import { readFileSync } from 'node:fs';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { readH5ad } from '../../src/h5ad/index.js';
import type { AnnDataMatrix } from '../../src/h5ad/types.js';
import { scoreGenes } from '../../src/singlecell/index.js';
import {
  numpyChoiceWithoutReplacement,
  numpyPermutation,
  numpyRandomState,
} from '../../src/singlecell/numpy-random.js';

interface Case {
  name: string;
  source: string;
  geneList: string[];
  params: { ctrl_size: number; n_bins: number; random_state: number; ctrl_as_ref: boolean };
  genes: string[];
  controlGenes: string[];
  scores: number[];
}
const reference = JSON.parse(
  readFileSync(new URL('../fixtures/scanpy/score_genes_reference.json', import.meta.url), 'utf8'),
) as { numpyRandom: Record<string, number[] | number>; cases: Case[] };

describe("numpyRandomState reproduces numpy's legacy MT19937 (numpy 1.24.2)", () => {
  it('np.random.RandomState(0)._bit_generator.random_raw(3)', () => {
    const rng = numpyRandomState(0);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual(
      reference.numpyRandom.seed0_first3_raw,
    );
  });
  it('np.random.seed(0); permutation(10); choice(100, 5, replace=False); random_sample()', () => {
    const rng = numpyRandomState(0);
    expect(Array.from(numpyPermutation(rng, 10))).toEqual(reference.numpyRandom.seed0_permutation10);
    expect(Array.from(numpyChoiceWithoutReplacement(rng, 100, 5))).toEqual(
      reference.numpyRandom.then_choice_100_5,
    );
    expect(rng.nextFloat()).toBe(reference.numpyRandom.then_random_sample);
  });
});

describe('scoreGenes by hand on a 3-cell x 6-gene matrix', () => {
  // Gene means: g0 1, g1 2, g2 3, g3 4, g4 5, g5 6 -> nBins 3: n_items = round(6 / 2) = 3, cut = rank // 3:
  // ranks 1..6 -> cuts 0,0,1,1,1,2. Set {g0}: bin 0 = {g0, g1}, ctrlSize 5 >= 2 so no sampling, controls {g1}.
  const X: AnnDataMatrix = {
    format: 'dense',
    shape: [3, 6],
    data: Float64Array.of(0, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 6, 2, 3, 4, 5, 6, 7),
  };
  const names = ['g0', 'g1', 'g2', 'g3', 'g4', 'g5'];
  it('score = mean(set) - mean(controls from the same bins)', () => {
    const r = scoreGenes(X, names, ['g0'], { nBins: 3, ctrlSize: 5 });
    expect(r.controlGenes).toEqual(['g1']);
    expect(Array.from(r.scores)).toEqual([-1, -1, -1]);
  });
  it('a set spanning two bins takes controls from both and drops set genes (ctrlAsRef)', () => {
    // set {g0, g3}: bins 0 and 1 -> {g0,g1} + {g2,g3,g4} minus set = {g1, g2, g4}
    const r = scoreGenes(X, names, ['g3', 'g0', 'nope'], { nBins: 3, ctrlSize: 5 });
    expect(r.genes).toEqual(['g3', 'g0']);
    expect(r.missingGenes).toEqual(['nope']);
    expect(r.controlGenes).toEqual(['g1', 'g2', 'g4']);
    // cell 0: mean(3, 0) - mean(1, 2, 4) = 1.5 - 7/3
    expect(r.scores[0]).toBeCloseTo(1.5 - 7 / 3, 14);
  });
  it('throws EMPTY_INPUT when no set gene is present', () => {
    expect(() => scoreGenes(X, names, ['x'])).toThrow(/no gene of the set/);
  });
});

const sources = {
  pbmc: sharedDataPath('singlecell/pbmc68k_reduced.h5ad'),
  wu: sharedDataPath('singlecell/wu2020_tumour_tcells_200.h5ad'),
};

describe.skipIf(sources.pbmc === null || sources.wu === null)(
  `scoreGenes equals scanpy's algorithm run with numpy/pandas ${sources.pbmc === null ? sharedDataSkipMessage('singlecell') : ''}`,
  () => {
    // Reference: test/fixtures/scanpy/score_genes_reference.py, a line-by-line port of scanpy's score_genes run
    // with numpy 1.24.2 / pandas 1.5.3 (scanpy itself not installable). Control genes must be identical
    // (same MT19937 draws, same bins); scores to 1e-12 absolute (summation order of float64 means).
    for (const c of reference.cases) {
      it(`${c.name}: ${c.source}`, async () => {
        const path = c.name.startsWith('pbmc') ? sources.pbmc! : sources.wu!;
        const adata = await readH5ad(path, { obsm: false, uns: false, raw: c.source.includes('raw') });
        const [X, names] = c.source.includes('raw.X')
          ? [adata.raw!.X, adata.raw!.var.index]
          : [adata.X!, adata.var.index];
        const r = scoreGenes(X, names, c.geneList, {
          ctrlSize: c.params.ctrl_size,
          nBins: c.params.n_bins,
          randomState: c.params.random_state,
          ctrlAsRef: c.params.ctrl_as_ref,
        });
        expect([...r.genes].sort()).toEqual([...c.genes].sort());
        expect(r.controlGenes).toEqual(c.controlGenes);
        expect(r.scores.length).toBe(c.scores.length);
        let worst = 0;
        for (let i = 0; i < c.scores.length; i++)
          worst = Math.max(worst, Math.abs(r.scores[i] - c.scores[i]));
        expect(worst).toBeLessThanOrEqual(1e-12);
      });
    }
  },
);

describe('scoreGenes on raw counts', () => {
  // 4 cells x 30 genes of small integers (counts), and the same after log1p(counts / total * 1e4)
  const genes = Array.from({ length: 30 }, (_, j) => `G${j}`);
  const counts = Float64Array.from({ length: 120 }, (_, k) => (k * 7) % 5);
  const X: AnnDataMatrix = { format: 'dense', shape: [4, 30], data: counts };
  const options = { ctrlSize: 5, nBins: 3 };

  it('warns once through onWarning, naming normalisation as the remedy, and still scores as scanpy', () => {
    const warnings: string[] = [];
    const warned = scoreGenes(X, genes, ['G1', 'G2'], { ...options, onWarning: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^scoreGenes: the matrix looks like raw counts.*normalizeTotal/);
    expect(Array.from(warned.scores)).toEqual(
      Array.from(
        scoreGenes(X, genes, ['G1', 'G2'], {
          ...options,
          onWarning: () => {},
        }).scores,
      ),
    );
  });

  it('stays quiet on log-normalised values', () => {
    const warnings: string[] = [];
    const logX: AnnDataMatrix = { ...X, data: X.data.map((v) => Math.log1p(v * 1.5)) };
    scoreGenes(logX, genes, ['G1', 'G2'], { ...options, onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
  });
});
