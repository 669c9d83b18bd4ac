import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTable, writeTable } from '@tace/core';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
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

const folder = fuzzFolder('tables');
afterAll(folder.dispose);

const seedTable = {
  id: ['P001', 'P002', 'P "3"', 'P,4', null, 'P006'],
  time: Float64Array.from([5.5, 12, Number.NaN, 30.25, 1e-300, 7]),
  event: Float64Array.from([1, 0, 1, 1, 0, 1]),
  site: ['A', 'B', 'A', null, 'C', 'B\nline'],
};

const HOSTILE_TEXT_LINES = [
  'id,time,event,site,extra,extra2',
  'only-one-field',
  '"unterminated,1,2,3',
  ',,,',
  '1e999999,NaN,-Infinity,"',
  'id,id,id,id',
  '\u0000\u0000\u0000',
  '"a""b",2,3,"c\r\nd"',
];

function seedFile(name: string): { path: string; bytes: Uint8Array } {
  const path = join(folder.dir, name);
  writeTable(seedTable, path);
  return { path, bytes: new Uint8Array(readFileSync(path)) };
}

async function fuzzText(
  ext: 'csv' | 'tsv',
  seed: Uint8Array,
  runs: number,
  label: string,
): Promise<FuzzOutcome[]> {
  const text = new TextDecoder().decode(seed);
  const lines = text.split('\n').length;
  const outcomes: FuzzOutcome[] = [];
  let n = 0;
  await fc.assert(
    fc.asyncProperty(textMutation(lines, text.length, HOSTILE_TEXT_LINES), async (m) => {
      const path = join(folder.dir, `${label}-${n++}.${ext}`);
      outcomes.push(await readMutated(path, new TextEncoder().encode(applyTextMutation(text, m)), readTable));
    }),
    { seed: FUZZ_SEED, numRuns: runs },
  );
  return outcomes;
}

describe('readTable on CSV/TSV: mutated text ends in a table or a TaceError naming the file', () => {
  const c = READER_CASES.csv;
  it(`${c.truncations} truncations and ${c.mutations} mutations of a CSV/TSV seed`, async () => {
    const csv = seedFile('seed.csv');
    const tsv = seedFile('seed.tsv');
    // The intact seed round-trips.
    expect(readTable(csv.path).id).toEqual(seedTable.id);
    const outcomes: FuzzOutcome[] = [];
    const lineEnds = [...new TextDecoder().decode(csv.bytes).matchAll(/\n/g)].map((m) => m.index!);
    for (const at of cutPoints(csv.bytes.length, lineEnds, c.truncations)) {
      outcomes.push(await readMutated(join(folder.dir, `cut-${at}.csv`), csv.bytes.slice(0, at), readTable));
    }
    outcomes.push(...(await fuzzText('csv', csv.bytes, c.mutations / 2, 'csv')));
    outcomes.push(...(await fuzzText('tsv', tsv.bytes, c.mutations / 2, 'tsv')));
    expect(outcomes).toHaveLength(c.truncations + c.mutations);
    console.log('csv/tsv', tally(outcomes));
  });

  const lung = sharedDataPath('survival/lung.csv');
  it.skipIf(lung === null)(
    `${c.shared} mutations of lung.csv${lung === null ? ` (${sharedDataSkipMessage('survival/lung.csv')})` : ''}`,
    async () => {
      const outcomes = await fuzzText('csv', new Uint8Array(readFileSync(lung!)), c.shared, 'lung');
      expect(outcomes).toHaveLength(c.shared);
      console.log('lung.csv', tally(outcomes));
    },
  );
});

for (const format of ['arrow', 'parquet'] as const) {
  describe(`readTable on ${format}: mutated bytes end in a table or a TaceError naming the file`, () => {
    const c = READER_CASES[format];
    it(`${c.truncations} truncations and ${c.mutations} mutations`, async () => {
      const seed = seedFile(`seed.${format}`);
      expect(readTable(seed.path).event).toEqual(seedTable.event);
      const outcomes: FuzzOutcome[] = [];
      const n = seed.bytes.length;
      // Arrow file: magic (6) + padding (8), footer length before the trailing magic; Parquet: PAR1 + footer.
      for (const at of cutPoints(n, [6, 8, n - 10, n - 6, n - 4], c.truncations)) {
        const path = join(folder.dir, `cut-${at}.${format}`);
        outcomes.push(await readMutated(path, seed.bytes.slice(0, at), readTable));
      }
      let k = 0;
      const fields = [
        { offset: n - 10, type: 'int32' as const },
        { offset: n - 8, type: 'int32' as const },
        { offset: 8, type: 'int32' as const },
        { offset: 12, type: 'int32' as const },
      ];
      await fc.assert(
        fc.asyncProperty(binaryMutation(n, fields), async (m) => {
          const path = join(folder.dir, `m-${k++}.${format}`);
          outcomes.push(await readMutated(path, applyBinaryMutation(seed.bytes, m), readTable));
        }),
        { seed: FUZZ_SEED, numRuns: c.mutations },
      );
      expect(outcomes).toHaveLength(c.truncations + c.mutations);
      console.log(format, tally(outcomes));
    });
  });
}
