import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { readH5ad } from '../../src/h5ad/index.js';
import { aucell, normalizeTotal, scoreGenes, scoreH5ad, ucell } from '../../src/singlecell/index.js';

const wu = sharedDataPath('singlecell/wu2020_tumour_tcells_200.h5ad');
const synthetic = new URL('../fixtures/anndata/synthetic_csr.h5ad', import.meta.url).pathname;
const sets = {
  cytotoxic: [
    'GZMA',
    'GZMB',
    'GZMH',
    'GZMK',
    'PRF1',
    'NKG7',
    'GNLY',
    'CST7',
    'CTSW',
    'KLRD1',
    'CCL5',
    'IFNG',
  ],
  exhaustion: ['PDCD1', 'HAVCR2', 'LAG3', 'CTLA4', 'TIGIT', 'TOX', 'ENTPD1', 'LAYN', 'CXCL13'],
};

describe.skipIf(wu === null)(
  `scoreH5ad in chunks equals scoring the whole matrix ${wu === null ? sharedDataSkipMessage('singlecell') : ''}`,
  () => {
    it('scoreGenes: identical control genes and scores (two passes, chunks of 37 cells)', async () => {
      const adata = await readH5ad(wu!, { uns: false, obsm: false });
      const chunked = await scoreH5ad(wu!, sets, { chunkSize: 37 });
      for (const [name, genes] of Object.entries(sets)) {
        const whole = scoreGenes(adata.X!, adata.var.index, genes);
        expect(Array.from(chunked.scores[name])).toEqual(Array.from(whole.scores));
      }
    });
    it('aucell and ucell: identical scores (one pass)', async () => {
      const adata = await readH5ad(wu!, { uns: false, obsm: false });
      const a = await scoreH5ad(wu!, sets, { method: 'aucell', chunkSize: 50, random: 3 });
      const u = await scoreH5ad(wu!, sets, { method: 'ucell', chunkSize: 50 });
      const wholeA = aucell(adata.X!, adata.var.index, sets, { random: 3 });
      const wholeU = ucell(adata.X!, adata.var.index, sets);
      for (const name of Object.keys(sets)) {
        expect(Array.from(a.scores[name])).toEqual(Array.from(wholeA.scores[name]));
        expect(Array.from(u.scores[name])).toEqual(Array.from(wholeU.scores[name]));
      }
    });
  },
);

describe('scoreH5ad with normalisation of raw counts', () => {
  it('equals normalizeTotal + log1p then scoreGenes on the whole matrix', async () => {
    const adata = await readH5ad(synthetic, { raw: false });
    const logX = normalizeTotal(adata.X!);
    const s = { t: ['CD8A', 'GZMB', 'PRF1'] };
    const whole = scoreGenes(logX, adata.var.index, s.t, { nBins: 3, ctrlSize: 2 });
    const chunked = await scoreH5ad(synthetic, s, {
      normalize: true,
      chunkSize: 5,
      scoreGenes: { nBins: 3, ctrlSize: 2 },
    });
    for (let i = 0; i < 12; i++) expect(chunked.scores.t[i]).toBeCloseTo(whole.scores[i], 12);
  });

  it('gives the same scores with two worker threads (one share of the cells each)', async () => {
    const s = { t: ['CD8A', 'GZMB', 'PRF1'], m: ['MT-ND1', 'CD8A'] };
    const options = { normalize: true, chunkSize: 5, scoreGenes: { nBins: 3, ctrlSize: 2 } };
    const one = await scoreH5ad(synthetic, s, options);
    const two = await scoreH5ad(synthetic, s, { ...options, threads: 2 });
    expect(two.nObs).toBe(one.nObs);
    for (const name of Object.keys(s))
      for (let i = 0; i < one.nObs; i++) expect(two.scores[name][i]).toBeCloseTo(one.scores[name][i], 12);
  }, 60_000);
});

describe('scoreH5ad on a CSC file (rows gathered from columns)', () => {
  it('gives bit for bit the scores of normalizeTotal + scoreGenes on the whole matrix', async () => {
    const aligned = new URL('../fixtures/anndata/aligned.h5ad', import.meta.url).pathname;
    const adata = await readH5ad(aligned, { raw: false });
    expect(adata.X!.format).toBe('csc');
    const logX = normalizeTotal(adata.X!);
    const options = { nBins: 3, ctrlSize: 3 };
    const genes = ['G1', 'G4', 'G7'];
    const whole = scoreGenes(logX, adata.var.index, genes, options);
    const chunked = await scoreH5ad(
      aligned,
      { s: genes },
      { normalize: true, chunkSize: 4, scoreGenes: options },
    );
    expect(Array.from(chunked.scores.s)).toEqual(Array.from(whole.scores));
  });
});
