// One-off: writes fixtures/anndata/written_by_tace.h5ad for check_written.py (python anndata read-back).
// Run from the repository root: npx tsx packages/omics/test/h5ad/make-written-fixture.ts
import { writeH5ad } from '../../src/h5ad/index.js';
import { fixtureDir } from './expected.js';
import { writtenContent } from './written-content.js';

await writeH5ad(`${fixtureDir}written_by_tace.h5ad`, writtenContent());
