// Tier 3 (fast-check): the streamed reader gives what parsing the whole text at once gives, whatever the piece
// boundaries, line endings (LF, CRLF, CR), encoding (UTF-8, UTF-16LE/BE with a byte-order mark, Latin-1) and
// column names (integer-like, __proto__, non-ASCII); round trips keep every column in file order.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { columnNames, formatDelimited, parseDelimited, readTable } from '@tace/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvRecord, DelimitedParser } from '../../src/io/csv-parse.js';

const dir = mkdtempSync(join(tmpdir(), 'tace-stream-'));

/** Cells full of the characters that matter to the parser. */
const cell = fc.string({
  unit: fc.constantFrom('a', 'é', '1', '.', ',', '"', '\n', '\r', ' ', '\t'),
  maxLength: 6,
});
const quote = (text: string) =>
  /[",\r\n]/.test(text) || text === '' ? `"${text.replaceAll('"', '""')}"` : text;
const eol = fc.constantFrom('\n', '\r\n', '\r');

describe('DelimitedParser: text pushed in pieces', () => {
  it('gives the records of parseDelimited on the whole text, for any cut points and line endings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(cell, { minLength: 1, maxLength: 4 }), eol), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (rows, cuts) => {
          const text = rows.map(([cells, end]) => cells.map(quote).join(',') + end).join('');
          const whole = parseDelimited(text, ',');
          const pieces: CsvRecord[] = [];
          const parser = new DelimitedParser(',', 'text', (fields, quoted, count, line) => {
            pieces.push({ fields: fields.slice(0, count), quoted: quoted.slice(0, count), line });
          });
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          let from = 0;
          for (const at of points) {
            parser.push(text.slice(from, at));
            from = at;
          }
          parser.push(text.slice(from), true);
          expect(pieces).toEqual(whole);
          // every record written is read back (an empty cell is written quoted, so no line is blank)
          expect(whole.map((r) => r.fields)).toEqual(rows.map(([cells]) => cells));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('DelimitedParser: a record longer than many pieces', () => {
  it('a 3 MiB quoted field with line breaks, pushed in 64 KiB pieces, is one record; the next starts on the right line', () => {
    const big = 'ab\n'.repeat(1 << 20);
    const text = `id,note\n1,"${big}"\r2,x\n`;
    const records: CsvRecord[] = [];
    const parser = new DelimitedParser(',', 'text', (fields, quoted, count, line) => {
      records.push({ fields: fields.slice(0, count), quoted: quoted.slice(0, count), line });
    });
    for (let at = 0; at < text.length; at += 1 << 16) parser.push(text.slice(at, at + (1 << 16)));
    parser.push('', true);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3 + (1 << 20)]);
    expect(records[1].fields[1]).toBe(big);
    expect(records[2].fields).toEqual(['2', 'x']);
  });
  it('a 100 000-field header and rows, pushed in 64 KiB pieces, are three records of 100 000 fields', () => {
    const width = 100_000;
    const line = (prefix: string) => Array.from({ length: width }, (_, j) => `${prefix}${j}`).join(',');
    const text = `${line('c')}\n${line('')}\r\n${line('q')}`;
    const counts: number[] = [];
    const parser = new DelimitedParser(',', 'text', (fields, _quoted, count) => {
      counts.push(count);
      expect(fields[width - 1]).toMatch(/^(c|q|)99999$/);
    });
    for (let at = 0; at < text.length; at += 1 << 16) parser.push(text.slice(at, at + (1 << 16)));
    parser.push('', true);
    expect(counts).toEqual([width, width, width]);
  });
});

const names = fc.uniqueArray(
  fc.oneof(
    fc.constantFrom('__proto__', 'constructor', '2019', '2020', '1', '0', 'gène', 'id'),
    fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() !== ''),
  ),
  { minLength: 1, maxLength: 5 },
);

describe('readTable round trips through every encoding and line ending', () => {
  it('keeps names in file order, types and values', () => {
    fc.assert(
      fc.property(
        names,
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom('utf-8', 'utf-16le', 'utf-16be', 'latin1'),
        eol,
        fc.boolean(),
        (header, rows, encoding, end, gzip) => {
          const entries = header.map((name, j) => [
            name,
            j % 2 === 0
              ? Float64Array.from({ length: rows }, (_, i) => (i * 7.25 - j) / 3)
              : Array.from({ length: rows }, (_, i) => `${i}${'üö,"\n'.slice(0, (i + j) % 6)}x`),
          ]);
          const text = formatDelimited(
            {
              columns: entries.map(([n]) => n as string),
              column: (n: string) => ({ values: entries.find(([m]) => m === n)![1] as ArrayLike<unknown> }),
            },
            ',',
          ).replaceAll('\n', end);
          // line ends inside quoted text change too: the expected text below has them replaced the same way
          let bytes: Buffer =
            encoding === 'utf-16le'
              ? Buffer.from(`\ufeff${text}`, 'utf16le')
              : encoding === 'utf-16be'
                ? Buffer.from(`\ufeff${text}`, 'utf16le').swap16()
                : Buffer.from(text, encoding === 'latin1' ? 'latin1' : 'utf8');
          if (gzip) bytes = gzipSync(bytes);
          const path = join(dir, gzip ? 't.csv.gz' : 't.csv');
          writeFileSync(path, bytes);
          const back = readTable(path, encoding === 'latin1' ? { encoding: 'latin1' } : {});
          expect(Object.keys(back)).toEqual(header);
          expect(columnNames(back)).toEqual(header);
          for (const [name, values] of entries) {
            const got = back[name as string];
            if (values instanceof Float64Array)
              expect(Array.from(got as Float64Array)).toEqual(Array.from(values));
            else expect(got).toEqual((values as string[]).map((v) => v.replaceAll('\n', end)));
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});
