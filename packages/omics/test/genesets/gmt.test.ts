import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isTaceError } from '@tace/core';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatGmt, parseGmt, parseGmtEntries, readGmt, writeGmt } from '../../src/genesets/index.js';

describe('parseGmt', () => {
  it('reads name, description and genes; skips blanks, comments, empty fields and repeats', () => {
    const text = '# comment\r\nA\tdesc a\tTP53\tMYC\t\tTP53\n\nB\t\tGZMA\n';
    expect(parseGmtEntries(text)).toEqual([
      { name: 'A', description: 'desc a', genes: ['TP53', 'MYC'] },
      { name: 'B', description: '', genes: ['GZMA'] },
    ]);
    expect(parseGmt(text)).toEqual({ A: ['TP53', 'MYC'], B: ['GZMA'] });
  });

  it('rejects a line without a description field and a repeated set name, naming the line', () => {
    expect(() => parseGmt('A\n')).toThrow(/line 1/);
    try {
      parseGmt('A\td\tX\nA\td\tY\n');
      expect.unreachable();
    } catch (error) {
      expect(isTaceError(error, 'PARSE_ERROR')).toBe(true);
      expect(String(error)).toMatch(/line 2/);
    }
  });
});

describe('formatGmt / writeGmt', () => {
  it("writes 'NA' as the default description, as GSEABase toGmt", () => {
    expect(formatGmt({ CYT: ['GZMA', 'PRF1'] })).toBe('CYT\tNA\tGZMA\tPRF1\n');
    expect(formatGmt({ CYT: ['GZMA'] }, { descriptions: { CYT: 'Rooney 2015' } })).toBe(
      'CYT\tRooney 2015\tGZMA\n',
    );
  });

  it('rejects tabs inside fields', () => {
    expect(() => formatGmt({ 'A\tB': ['X'] })).toThrow(/tab/);
  });

  it('round-trips through a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gmt-'));
    try {
      const sets = { A: ['X', 'Y'], B: ['Z'] };
      writeGmt(join(dir, 's.gmt'), sets);
      expect(readGmt(join(dir, 's.gmt'))).toEqual(sets);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('parseGmt(formatGmt(sets)) returns the sets (property)', () => {
    const gene = fc.stringMatching(/^[A-Z][A-Z0-9-]{0,7}$/);
    fc.assert(
      fc.property(fc.dictionary(gene, fc.uniqueArray(gene, { minLength: 1, maxLength: 6 })), (sets) => {
        expect(parseGmt(formatGmt(sets))).toEqual(sets);
      }),
    );
  });
});

const hallmarkPath = sharedDataPath('signatures/h.all.v7.0.symbols.gmt');
describe.skipIf(hallmarkPath === null)(
  `readGmt on MSigDB Hallmark v7.0 ${hallmarkPath === null ? sharedDataSkipMessage('signatures/h.all.v7.0.symbols.gmt') : ''}`,
  () => {
    it('reads the 50 Hallmark sets with their sizes', () => {
      const sets = readGmt(hallmarkPath as string);
      expect(Object.keys(sets)).toHaveLength(50);
      expect(sets.HALLMARK_HYPOXIA).toHaveLength(200);
      expect(sets.HALLMARK_MYC_TARGETS_V2).toHaveLength(58);
      const raw = readFileSync(hallmarkPath as string, 'utf8');
      expect(parseGmtEntries(raw)[0].description).toMatch(/^http/);
    });
  },
);
