import { createRng } from '@tace/core';
import { describe, expect, it } from 'vitest';
import type { AnnDataMatrix } from '../../src/h5ad/types.js';
import { toCsr } from '../../src/kernels.js';
import { aucell, moduleScore, ucell } from '../../src/singlecell/index.js';

const genes = Array.from({ length: 10 }, (_, j) => `g${j}`);
// One cell, gene g_k has expression 10 - k, so its rank (1 = highest) is k + 1.
const oneCell: AnnDataMatrix = {
  format: 'dense',
  shape: [1, 10],
  data: Float64Array.from(genes, (_, k) => 10 - k),
};

describe('aucell follows AUCell .AUC.geneSet_norm', () => {
  it('hand-worked: ranks 2, 5, 8 with aucMaxRank 6 give (4 + 1) / (5 + 4 + 3) = 5/12', () => {
    const r = aucell(oneCell, genes, { s: ['g1', 'g4', 'g7', 'absent'] }, { aucMaxRank: 6 });
    expect(r.scores.s[0]).toBeCloseTo(5 / 12, 15);
    expect(r.missingGenes.s).toEqual(['absent']);
  });
  it('is 1 when the set holds the top-ranked genes and 0 when none is within aucMaxRank', () => {
    expect(aucell(oneCell, genes, { s: ['g0', 'g1'] }, { aucMaxRank: 6 }).scores.s[0]).toBe(1);
    expect(aucell(oneCell, genes, { s: ['g8', 'g9'] }, { aucMaxRank: 6 }).scores.s[0]).toBe(0);
  });
  it('equals a brute-force full-sort implementation on random data, for dense and CSR input', () => {
    const rng = createRng(3);
    const nCells = 20;
    const nGenes = 60;
    const data = Float64Array.from({ length: nCells * nGenes }, () =>
      rng.nextFloat() < 0.3 ? 0 : rng.nextFloat() * 5,
    );
    // Ties among zeros are broken at random; with 70% non-zeros, rank T = 8 is never reached by a zero.
    const X: AnnDataMatrix = { format: 'dense', shape: [nCells, nGenes], data };
    const set = ['g1', 'g5', 'g9', 'g13', 'g21', 'g34', 'g55'];
    const names = Array.from({ length: nGenes }, (_, j) => `g${j}`);
    const T = 8;
    const brute = (i: number): number => {
      const row = Array.from(data.subarray(i * nGenes, (i + 1) * nGenes));
      const order = row.map((v, j) => [v, j] as const).sort((a, b) => b[0] - a[0]);
      const rank = new Map(order.map(([, j], r) => [j, r + 1]));
      const ranks = set.map((g) => rank.get(names.indexOf(g))!).filter((r) => r < T);
      const area = ranks.reduce((a, r) => a + (T - r), 0);
      let max = 0;
      for (let k = 1; k <= Math.min(set.length, T - 1); k++) max += T - k;
      return area / max;
    };
    for (const m of [X, toCsr(X)]) {
      const r = aucell(m, names, { s: set }, { aucMaxRank: T });
      for (let i = 0; i < nCells; i++) expect(r.scores.s[i], `cell ${i}`).toBeCloseTo(brute(i), 14);
    }
  });
});

describe('ucell follows UCell u_stat', () => {
  it('hand-worked: ranks 2, 5, 8 (-> maxRank + 1 = 7) with maxRank 6 give 1 - (14 - 6) / 18', () => {
    expect(ucell(oneCell, genes, { s: ['g1', 'g4', 'g7'] }, { maxRank: 6 }).scores.s[0]).toBeCloseTo(
      1 - 8 / 18,
      15,
    );
  });
  it('hand-worked with tied zeros: values [5, 0, 3, 0, 0, 1], set {g1, g2}: ranks 5 (average of 4..6) and 2', () => {
    const X: AnnDataMatrix = {
      format: 'csr',
      shape: [1, 6],
      indptr: Float64Array.of(0, 3),
      indices: Int32Array.of(0, 2, 5),
      data: Float64Array.of(5, 3, 1),
    };
    const r = ucell(X, genes.slice(0, 6), { s: ['g1', 'g2'] }, { maxRank: 10 });
    expect(r.scores.s[0]).toBeCloseTo(1 - (7 - 3) / 20, 15);
  });
  it('is 0 when no gene of the set ranks within maxRank', () => {
    expect(ucell(oneCell, genes, { s: ['g8', 'g9'] }, { maxRank: 5 }).scores.s[0]).toBe(0);
  });
});

describe('moduleScore (Seurat AddModuleScore)', () => {
  it('with one bin and ctrl >= genes, controls are all genes: score = mean(set) - mean(all)', () => {
    const r = moduleScore(oneCell, genes, { s: ['g0', 'g1'] }, { nBins: 1, ctrl: 100 });
    expect(r.scores.s[0]).toBeCloseTo(9.5 - 5.5, 14);
  });
  it('is reproducible for a seed and draws controls from the set genes own bins', () => {
    const rng = createRng(5);
    const X: AnnDataMatrix = {
      format: 'dense',
      shape: [30, 40],
      data: Float64Array.from({ length: 1200 }, () => rng.nextFloat()),
    };
    const names = Array.from({ length: 40 }, (_, j) => `g${j}`);
    const a = moduleScore(X, names, { s: ['g1', 'g2', 'g3'] }, { nBins: 4, ctrl: 3, random: 9 });
    const b = moduleScore(X, names, { s: ['g1', 'g2', 'g3'] }, { nBins: 4, ctrl: 3, random: 9 });
    expect(Array.from(a.scores.s)).toEqual(Array.from(b.scores.s));
  });
});
