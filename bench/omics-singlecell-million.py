"""Writes a synthetic single-cell count matrix as a gzip-compressed .h5ad, block by block (bounded memory).

Used by bench/omics-singlecell-million.mjs:
    python3 bench/omics-singlecell-million.py OUT.h5ad GENES.json CELLS [SETS.json]

Layout as anndata 0.8 writes it (`adata.write_h5ad(path, compression="gzip")`): X a `csr_matrix` group
(data float32, indices int32, indptr int64, gzip level 4, chunks chosen by h5py's own rule for the final
size), obs and var `dataframe` groups (`_index` string-array, categorical columns with codes/categories),
empty obsm/obsp/varm/varp/layers/uns `dict` groups. Only h5py and numpy are needed; python anndata, when
installed, opens the result at the end as a check (backed mode, without loading X).

Counts: each cell draws a library size (log-normal, median 1,500 UMIs) and its UMIs from a power-law gene
distribution (so about 1,000 detected genes per cell, counts from 1 to ~100), with cell-type markers
up-weighted per cell type and, when SETS.json is given, the hypoxia set up-weighted in the "high" patients.
40 patients (P01..P40, the first 20 "high"), 8 cell types. Seeded: the same file every time.
"""
import json
import sys
import time

import h5py
import numpy as np
from h5py._hl.filters import guess_chunk

out, genes_path, n_cells = sys.argv[1], sys.argv[2], int(sys.argv[3])
sets = json.load(open(sys.argv[4])) if len(sys.argv) > 4 else {}
genes = json.load(open(genes_path))
n_genes = len(genes)
BLOCK = 5000
MEDIAN_UMIS = 1500
rng = np.random.default_rng(20261205)

position = {g: j for j, g in enumerate(genes)}
weights = 1.0 / (rng.permutation(n_genes) + 20.0)  # power law over a random gene order
cell_types = ['Hepatocyte', 'Malignant', 'CD8 T', 'CD4 T', 'NK', 'Macrophage', 'Endothelial', 'Fibroblast']
type_share = np.array([0.25, 0.2, 0.12, 0.1, 0.05, 0.13, 0.08, 0.07])
n_patients = 40
patients = [f'P{i + 1:02d}' for i in range(n_patients)]
hypoxia = [position[g] for g in sets.get('HALLMARK_HYPOXIA', []) if g in position]
markers = rng.choice(n_genes, size=(len(cell_types), 50), replace=False)


def cdf_of(cell_type, high):
    w = weights.copy()
    w[markers[cell_type]] *= 20.0
    if high and hypoxia:
        w[hypoxia] *= 1.5
    c = np.cumsum(w)
    return c / c[-1]


cdfs = {(t, h): cdf_of(t, h) for t in range(len(cell_types)) for h in (False, True)}
patient_of = rng.integers(0, n_patients, n_cells).astype(np.int8)
type_of = rng.choice(len(cell_types), size=n_cells, p=type_share).astype(np.int8)
high_of = patient_of < n_patients // 2


def attrs(node, encoding, version):
    node.attrs['encoding-type'] = encoding
    node.attrs['encoding-version'] = version


STR = h5py.string_dtype()


def string_array(group, name, values):
    ds = group.create_dataset(name, data=np.array(values, dtype=object), dtype=STR)
    attrs(ds, 'string-array', '0.2.0')


def categorical(group, name, codes, categories):
    g = group.create_group(name)
    attrs(g, 'categorical', '0.2.0')
    g.attrs['ordered'] = np.bool_(False)
    g.create_dataset('codes', data=codes)
    string_array(g, 'categories', categories)


def dataframe(f, name, index, columns):
    g = f.create_group(name)
    attrs(g, 'dataframe', '0.2.0')
    g.attrs['_index'] = '_index'
    g.attrs['column-order'] = np.array(list(columns), dtype=object) if columns else np.array([], dtype='float64')
    string_array(g, '_index', index)
    for col, (codes, categories) in columns.items():
        categorical(g, col, codes, categories)


t0 = time.perf_counter()
with h5py.File(out, 'w') as f:
    attrs(f, 'anndata', '0.1.0')
    dataframe(f, 'obs', [f'cell{i:07d}' for i in range(n_cells)],
              {'patient': (patient_of, patients), 'cell_type': (type_of, cell_types)})
    dataframe(f, 'var', genes, {})
    for name in ('obsm', 'obsp', 'varm', 'varp', 'layers', 'uns'):
        attrs(f.create_group(name), 'dict', '0.1.0')
    X = f.create_group('X')
    attrs(X, 'csr_matrix', '0.1.0')
    X.attrs['shape'] = np.array([n_cells, n_genes], dtype=np.int64)
    expected = n_cells * 1000  # h5py's chunk rule applied to about the final size, as anndata's write gets it
    gz = dict(compression='gzip', compression_opts=4, maxshape=(None,))
    data = X.create_dataset('data', shape=(0,), dtype=np.float32, chunks=guess_chunk((expected,), None, 4), **gz)
    indices = X.create_dataset('indices', shape=(0,), dtype=np.int32, chunks=guess_chunk((expected,), None, 4), **gz)
    indptr = np.zeros(n_cells + 1, dtype=np.int64)
    nnz = 0
    for start in range(0, n_cells, BLOCK):
        end = min(n_cells, start + BLOCK)
        lib = np.maximum(1, np.rint(np.exp(rng.normal(np.log(MEDIAN_UMIS), 0.5, end - start)))).astype(np.int64)
        keys = []
        for (t, h), cdf in cdfs.items():
            cells = np.nonzero((type_of[start:end] == t) & (high_of[start:end] == h))[0]
            if cells.size == 0:
                continue
            owner = np.repeat(cells, lib[cells])
            keys.append(owner * n_genes + np.searchsorted(cdf, rng.random(owner.size), side='right'))
        cell_gene, counts = np.unique(np.concatenate(keys), return_counts=True)
        rows = cell_gene // n_genes
        indptr[start + 1:end + 1] = nnz + np.cumsum(np.bincount(rows, minlength=end - start))
        k = cell_gene.size
        data.resize((nnz + k,))
        indices.resize((nnz + k,))
        data[nnz:nnz + k] = counts.astype(np.float32)
        indices[nnz:nnz + k] = (cell_gene % n_genes).astype(np.int32)
        nnz += k
        if (start // BLOCK) % 20 == 0:
            print(f'{end} cells, {nnz} non-zeros, {time.perf_counter() - t0:.0f} s', file=sys.stderr, flush=True)
    X.create_dataset('indptr', data=indptr, compression='gzip', compression_opts=4)
seconds = time.perf_counter() - t0

try:
    import anndata  # noqa: E402

    a = anndata.read_h5ad(out, backed='r')
    check = {'anndata': anndata.__version__, 'shape': list(a.shape), 'obs': list(a.obs.columns)}
    a.file.close()
except ImportError:
    check = None
print(json.dumps({'cells': n_cells, 'genes': n_genes, 'nnz': int(nnz), 'seconds': seconds, 'anndataCheck': check}))
