// Writes the two biology fixtures of the figure examples (committed; rerun only to change them):
//   node examples/figures/data/make-data.mjs        (from the repository root, after `pnpm run build`)
// - expression.csv / samples.csv: seeded synthetic bulk expression (@tace/synthetic, log2 scale), 48 tumours
//   in two risk groups, hypoxia and proliferation programs up and an immune program down in high risk.
// - pbmc68k.csv: scanpy's pbmc68k_reduced (700 PBMCs, BSD-3): cell type label, UMAP coordinates (obsm
//   X_umap) and the log-normalised expression (raw.X) of 14 marker genes. Needs ../shared/data.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, randomNormal } from '@tace/core';
import { sharedDataPath } from '@tace/core/testing';
import { readH5ad } from '@tace/omics';
import { syntheticExpression } from '@tace/synthetic';

const here = dirname(fileURLToPath(import.meta.url));

// Bulk expression: 24 high-risk (aggressiveness ~ N(1, 0.5)) and 24 low-risk (N(-1, 0.5)) tumours.
const rng = createRng(20);
const samples = Array.from({ length: 48 }, (_, i) => {
  const high = i % 2 === 0;
  return {
    id: `T${String(i + 1).padStart(2, '0')}`,
    group: high ? 'High risk' : 'Low risk',
    aggressiveness: randomNormal(rng, high ? 1 : -1, 0.5),
  };
});
const programs = [
  {
    genes: ['VEGFA', 'CA9', 'SLC2A1', 'PGK1', 'LDHA', 'ENO1', 'BNIP3', 'ADM', 'NDRG1', 'P4HA1'],
    effect: 0.9,
  },
  { genes: ['MKI67', 'TOP2A', 'CCNB1', 'BIRC5', 'CDK1', 'AURKA'], effect: 0.6 },
  { genes: ['CD8A', 'GZMB', 'PRF1', 'CXCL9', 'CXCL10', 'IFNG', 'CD274', 'LAG3'], effect: -0.7 },
];
const bulk = syntheticExpression(samples, { seed: 20, programs, background: 300, digits: 3 });
const lines = [['gene', ...bulk.samples].join(',')];
for (let g = 0; g < bulk.rows; g++) {
  const row = [bulk.genes[g]];
  for (let s = 0; s < bulk.columns; s++) row.push(bulk.data[g + s * bulk.rows]);
  lines.push(row.join(','));
}
writeFileSync(join(here, 'expression.csv'), `${lines.join('\n')}\n`);
writeFileSync(
  join(here, 'samples.csv'),
  `sample,group\n${samples.map((s) => `${s.id},${s.group}`).join('\n')}\n`,
);

// pbmc68k_reduced: labels, UMAP and 14 markers.
const path = sharedDataPath('singlecell/pbmc68k_reduced.h5ad');
if (path === null) {
  console.log('pbmc68k.csv kept: ../shared/data/singlecell/pbmc68k_reduced.h5ad is absent');
} else {
  const a = await readH5ad(path, { raw: true, obsm: true });
  const markers = [
    'CD3E',
    'IL7R',
    'CCR7',
    'CD8A',
    'NKG7',
    'GNLY',
    'MS4A1',
    'CD79A',
    'CD14',
    'LYZ',
    'S100A8',
    'FCGR3A',
    'FCER1A',
    'HLA-DRA',
  ];
  const genes = a.raw.var.index;
  const X = a.raw.X; // CSR cells x genes
  const label = a.obs.columns.bulk_labels;
  const umap = a.obsm.X_umap;
  const out = [['cell', 'cell_type', 'umap1', 'umap2', ...markers].join(',')];
  for (let c = 0; c < a.shape[0]; c++) {
    const values = new Map();
    for (let k = X.indptr[c]; k < X.indptr[c + 1]; k++) values.set(genes[X.indices[k]], X.data[k]);
    out.push(
      [
        a.obs.index[c],
        `"${label.categories[label.codes[c]]}"`,
        umap.data[c * 2].toFixed(4),
        umap.data[c * 2 + 1].toFixed(4),
        ...markers.map((g) => (values.get(g) ?? 0).toFixed(3)),
      ].join(','),
    );
  }
  writeFileSync(join(here, 'pbmc68k.csv'), `${out.join('\n')}\n`);
}
console.log(
  `wrote ${here}/expression.csv (${bulk.rows} genes x ${bulk.columns} samples), samples.csv, pbmc68k.csv`,
);
