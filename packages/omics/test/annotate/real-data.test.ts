import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { afterAll, describe, expect, test } from 'vitest';
import { annotateH5ad } from '../../src/annotate/annotate-h5ad.js';
import { columnLabels } from '../../src/h5ad/column-labels.js';
import { readH5adObs } from '../../src/h5ad/read-h5ad.js';

const file = sharedDataPath('singlecell/wu2020_tumour_tcells_200.h5ad');
const dir = mkdtempSync(join(tmpdir(), 'tace-annotate-real-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Wu et al. 2020 tumour T cells (200 cells x 3000 genes, raw counts in X), with the authors' clusters
// (`cluster_orig`: 4.x CD4, 8.x CD8). The bundled markers must put CD4 T / CD8 T labels on the right lineage.
describe.skipIf(file === null)(
  `annotateH5ad on real tumour T cells${file === null ? ` (${sharedDataSkipMessage('singlecell/wu2020_tumour_tcells_200.h5ad')})` : ''}`,
  () => {
    test('cells labelled CD4 T / CD8 T sit mostly in the authors\u2019 CD4 / CD8 clusters', async () => {
      const out = join(dir, 'wu.h5ad');
      const r = await annotateH5ad(file as string, out, { umap: false });
      const authors = columnLabels((await readH5adObs(file as string)).columns.cluster_orig);
      const count = (label: string, prefix: string) =>
        r.annotation.cellType.filter((t, i) => t === label && String(authors[i]).startsWith(prefix)).length;
      const cd4 = r.annotation.cellType.filter((t) => t === 'CD4 T').length;
      const cd8 = r.annotation.cellType.filter((t) => t === 'CD8 T').length;
      // Measured: 59 CD4 T (50 in 4.x), 33 CD8 T (26 in 8.x), 108 unassigned (no type clear enough).
      console.log(
        `wu2020: CD4 T ${count('CD4 T', '4.')}/${cd4} in 4.x, CD8 T ${count('CD8 T', '8.')}/${cd8} in 8.x`,
      );
      expect(cd4).toBeGreaterThan(20);
      expect(cd8).toBeGreaterThan(20);
      expect(count('CD4 T', '4.') / cd4).toBeGreaterThanOrEqual(0.75);
      expect(count('CD8 T', '8.') / cd8).toBeGreaterThanOrEqual(0.75);
      // No liver parenchymal or stromal label on T cells.
      expect(new Set(r.annotation.cellType)).toEqual(new Set(['CD4 T', 'CD8 T', 'unassigned']));
    });
  },
);
