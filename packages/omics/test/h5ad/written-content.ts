import type { H5adContent } from '../../src/h5ad/index.js';

/**
 * The content written by writeH5ad in the tests and in `fixtures/anndata/written_by_tace.h5ad`, which
 * `fixtures/anndata/check_written.py` reads back with python anndata 0.8 (log: `check_written.log`).
 */
export function writtenContent(): H5adContent {
  const cells = ['c0', 'c1', 'c2', 'c3', 'c4'];
  return {
    obs: {
      index: cells,
      columnOrder: ['hypoxia', 'cell_type', 'patient', 'n_genes', 'is_cd8'],
      columns: {
        hypoxia: {
          kind: 'numeric',
          dtype: 'float64',
          values: Float64Array.of(0.5, -0.25, Number.NaN, 1e-3, 2),
        },
        cell_type: {
          kind: 'categorical',
          codes: Int32Array.of(0, 1, -1, 0, 1),
          categories: ['CD8 T', 'B'],
          ordered: false,
        },
        patient: { kind: 'string', values: ['P1', 'P1', 'P2', 'P3', 'Pé'] },
        n_genes: { kind: 'numeric', dtype: 'int32', values: Int32Array.of(10, 20, 30, 40, 50) },
        is_cd8: { kind: 'boolean', values: Uint8Array.of(1, 0, 0, 1, 0) },
      },
    },
    var: {
      index: ['CD8A', 'VEGFA', 'MT-CO1'],
      columnOrder: ['mean'],
      columns: { mean: { kind: 'numeric', dtype: 'float32', values: Float32Array.of(1.5, 0.25, 3) } },
    },
    X: {
      format: 'csr',
      shape: [5, 3],
      indptr: Float64Array.of(0, 1, 3, 3, 4, 6),
      indices: Int32Array.of(0, 0, 2, 1, 0, 1),
      data: Float32Array.of(1, 2, 3, 4, 5, 6),
    },
  };
}
