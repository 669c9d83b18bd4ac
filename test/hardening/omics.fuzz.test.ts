import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { type H5adContent, readGmt, readH5ad, writeGmt, writeH5ad } from '@tace/omics';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FUZZ_SEED, READER_CASES } from './cases.js';
import {
  applyBinaryMutation,
  applyTextMutation,
  binaryMutation,
  cutPoints,
  type FuzzOutcome,
  fuzzFolder,
  readMutated,
  tally,
  textMutation,
} from './fuzz-harness.js';

const folder = fuzzFolder('omics');
afterAll(folder.dispose);

function content(): H5adContent {
  return {
    obs: {
      index: ['c0', 'c1', 'c2', 'c3'],
      columnOrder: ['score', 'cell_type', 'patient'],
      columns: {
        score: { kind: 'numeric', dtype: 'float64', values: Float64Array.of(0.5, -0.25, Number.NaN, 2) },
        cell_type: {
          kind: 'categorical',
          codes: Int32Array.of(0, 1, -1, 0),
          categories: ['T', 'B'],
          ordered: false,
        },
        patient: { kind: 'string', values: ['P1', 'P1', 'P2', 'P3'] },
      },
    },
    var: { index: ['CD8A', 'VEGFA', 'GZMB'], columnOrder: [], columns: {} },
    X: {
      format: 'csr',
      shape: [4, 3],
      indptr: Float64Array.of(0, 1, 3, 3, 4),
      indices: Int32Array.of(0, 0, 2, 1),
      data: Float32Array.of(1, 2, 3, 4),
    },
  };
}

async function fuzzH5(
  label: string,
  seed: Uint8Array,
  truncations: number,
  runs: number,
): Promise<FuzzOutcome[]> {
  const outcomes: FuzzOutcome[] = [];
  // HDF5 superblock (0-8 signature, 8-96), object headers and B-trees in the first KiBs, data at the end.
  const cuts =
    truncations > 0 ? cutPoints(seed.length, [8, 96, 512, 2048, seed.length - 64], truncations) : [];
  for (const at of cuts) {
    outcomes.push(
      await readMutated(join(folder.dir, `${label}-cut-${at}.h5ad`), seed.slice(0, at), readH5ad),
    );
  }
  const fields = [8, 12, 16, 24, 32, 40].map((offset) => ({ offset, type: 'int32' as const }));
  let k = 0;
  await fc.assert(
    fc.asyncProperty(binaryMutation(seed.length, fields), async (m) => {
      const path = join(folder.dir, `${label}-m-${k++}.h5ad`);
      outcomes.push(await readMutated(path, applyBinaryMutation(seed, m), readH5ad));
    }),
    { seed: FUZZ_SEED, numRuns: runs },
  );
  return outcomes;
}

describe('readH5ad: mutated HDF5 bytes end in AnnData or a TaceError naming the file', () => {
  const c = READER_CASES.h5ad;
  it(`${c.truncations} truncations and ${c.mutations} mutations of a file written by writeH5ad`, async () => {
    const path = join(folder.dir, 'seed.h5ad');
    await writeH5ad(path, content());
    expect((await readH5ad(path)).obs.index).toEqual(['c0', 'c1', 'c2', 'c3']);
    const outcomes = await fuzzH5('w', new Uint8Array(readFileSync(path)), c.truncations, c.mutations);
    expect(outcomes).toHaveLength(c.truncations + c.mutations);
    console.log('h5ad', tally(outcomes));
  });

  const pbmc = sharedDataPath('singlecell/wu2020_tumour_tcells_200.h5ad');
  it.skipIf(pbmc === null)(
    `${c.shared} mutations of a real scanpy file${pbmc === null ? ` (${sharedDataSkipMessage('singlecell/wu2020_tumour_tcells_200.h5ad')})` : ''}`,
    async () => {
      const outcomes = await fuzzH5('wu', new Uint8Array(readFileSync(pbmc!)), 0, c.shared);
      expect(outcomes).toHaveLength(c.shared);
      console.log('h5ad wu2020', tally(outcomes));
    },
  );
});

const HOSTILE_GMT = [
  'ONLY_NAME',
  'NAME\tdesc',
  'HALLMARK_DUP\tx\tA\tB',
  '\t\t\t',
  'SET\tdesc\t\t\tGENE',
  'SET\u0000\td\tA',
];

async function fuzzGmt(label: string, text: string, runs: number): Promise<FuzzOutcome[]> {
  const outcomes: FuzzOutcome[] = [];
  let k = 0;
  await fc.assert(
    fc.asyncProperty(textMutation(text.split('\n').length, text.length, HOSTILE_GMT), async (m) => {
      const path = join(folder.dir, `${label}-${k++}.gmt`);
      outcomes.push(await readMutated(path, new TextEncoder().encode(applyTextMutation(text, m)), readGmt));
    }),
    { seed: FUZZ_SEED, numRuns: runs },
  );
  return outcomes;
}

describe('readGmt: mutated text ends in gene sets or a TaceError naming the file', () => {
  const c = READER_CASES.gmt;
  it(`${c.truncations} truncations and ${c.mutations} mutations`, async () => {
    const path = join(folder.dir, 'seed.gmt');
    writeGmt(path, { HYPOXIA: ['VEGFA', 'CA9', 'PGK1'], CD8: ['CD8A'], EMPTYISH: ['X1', 'X2'] });
    const text = readFileSync(path, 'utf8');
    const outcomes: FuzzOutcome[] = [];
    const lineEnds = [...text.matchAll(/[\t\n]/g)].map((m) => m.index!);
    for (const at of cutPoints(text.length, lineEnds, c.truncations)) {
      outcomes.push(
        await readMutated(
          join(folder.dir, `cut-${at}.gmt`),
          new TextEncoder().encode(text.slice(0, at)),
          readGmt,
        ),
      );
    }
    outcomes.push(...(await fuzzGmt('w', text, c.mutations)));
    expect(outcomes).toHaveLength(c.truncations + c.mutations);
    console.log('gmt', tally(outcomes));
  });

  const hallmark = sharedDataPath('signatures/h.all.v7.0.symbols.gmt');
  it.skipIf(hallmark === null)(
    `${c.shared} mutations of the MSigDB Hallmark GMT${hallmark === null ? ` (${sharedDataSkipMessage('signatures/h.all.v7.0.symbols.gmt')})` : ''}`,
    async () => {
      const outcomes = await fuzzGmt('hallmark', readFileSync(hallmark!, 'utf8'), c.shared);
      expect(outcomes).toHaveLength(c.shared);
      console.log('gmt hallmark', tally(outcomes));
    },
  );
});
