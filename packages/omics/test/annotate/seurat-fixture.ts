import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, strFromU8 } from 'fflate';
import type { SparseMatrix } from '../../src/h5ad/types.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'seurat-annotate');
const text = (name: string): string => readFileSync(join(dir, name), 'utf8');
const gz = (name: string): string => strFromU8(gunzipSync(readFileSync(join(dir, name))));
const lines = (s: string): string[] => s.split('\n').filter((l) => l.length > 0);

/** The Seurat fixture of `make.R`: counts (cells x genes CSR) and Seurat's results. */
export interface SeuratFixture {
  genes: string[];
  counts: SparseMatrix;
  hvf: { mean: Float64Array; variance: Float64Array; standardized: Float64Array };
  hvg: string[];
  stdev: Float64Array;
  stdevExact: Float64Array;
  totalVariance: number;
  loadingGenes: string[];
  /** Column-major (genes x PCs), Seurat's (irlba). */
  loadings: Float64Array;
  /** Column-major (genes x PCs), exact (prcomp on the same scaled matrix). */
  loadingsExact: Float64Array;
  /** SNN triplets, 0-based. */
  snn: { i: Int32Array; j: Int32Array; x: Float64Array };
  clusters: Int32Array;
}

let cached: SeuratFixture | undefined;

export function seuratFixture(): SeuratFixture {
  if (cached !== undefined) return cached;
  const genes = lines(text('genes.txt'));
  const rows = lines(gz('counts.txt.gz')).map((l) => l.split(' ').map(Number));
  const nGenes = rows.length;
  const nCells = rows[0].length;
  const indptr = new Float64Array(nCells + 1);
  const indices: number[] = [];
  const data: number[] = [];
  for (let c = 0; c < nCells; c++) {
    for (let g = 0; g < nGenes; g++)
      if (rows[g][c] !== 0) {
        indices.push(g);
        data.push(rows[g][c]);
      }
    indptr[c + 1] = indices.length;
  }
  const hvfRows = lines(text('hvf.tsv'))
    .slice(1)
    .map((l) => l.split('\t'));
  const col = (k: number) => Float64Array.from(hvfRows, (r) => Number(r[k]));
  const loadRows = lines(gz('pca_loadings.tsv.gz'))
    .slice(1)
    .map((l) => l.split('\t'));
  const readLoadings = (name: string): Float64Array => {
    const rows = lines(gz(name))
      .slice(1)
      .map((l) => l.split('\t'));
    const nPcs = rows[0].length - 1;
    const out = new Float64Array(rows.length * nPcs);
    rows.forEach((r, g) => {
      if (r[0] !== loadRows[g][0]) throw new Error(`${name}: gene ${g} is ${r[0]}`);
      for (let k = 0; k < nPcs; k++) out[g + k * rows.length] = Number(r[k + 1]);
    });
    return out;
  };
  const snnRows = lines(gz('snn.tsv.gz'))
    .slice(1)
    .map((l) => l.split('\t'));
  cached = {
    genes,
    counts: {
      format: 'csr',
      shape: [nCells, nGenes],
      indptr,
      indices: Int32Array.from(indices),
      data: Float64Array.from(data),
    },
    hvf: { mean: col(1), variance: col(2), standardized: col(3) },
    hvg: lines(text('hvg.txt')),
    stdev: Float64Array.from(lines(text('pca_stdev.txt')), Number),
    stdevExact: Float64Array.from(lines(text('pca_stdev_exact.txt')), Number),
    totalVariance: Number(text('pca_total_variance.txt')),
    loadingGenes: loadRows.map((r) => r[0]),
    loadings: readLoadings('pca_loadings.tsv.gz'),
    loadingsExact: readLoadings('pca_loadings_exact.tsv.gz'),
    snn: {
      i: Int32Array.from(snnRows, (r) => Number(r[0])),
      j: Int32Array.from(snnRows, (r) => Number(r[1])),
      x: Float64Array.from(snnRows, (r) => Number(r[2])),
    },
    clusters: Int32Array.from(lines(text('clusters.txt')), Number),
  };
  return cached;
}
