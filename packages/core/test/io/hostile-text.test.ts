// Tier 1: hostile text tables (issue 19, parts 4 and 11): encodings, line endings, column names that plain
// objects mangle, and gzip bombs. Each test feeds the input named in its title.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { columnNames, getColumn, isTaceError, readTable, type TaceError, writeTable } from '@tace/core';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'tace-hostile-'));
const file = (name: string, data: string | Uint8Array) => {
  writeFileSync(join(dir, name), data);
  return join(dir, name);
};
/** The TaceError `fn` throws (any other outcome fails the test). */
function errorOf(fn: () => unknown): TaceError {
  try {
    fn();
  } catch (error) {
    expect(isTaceError(error), String(error)).toBe(true);
    return error as TaceError;
  }
  return expect.fail('expected a TaceError');
}
function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

describe('readTable: encodings (R read.csv(fileEncoding = ))', () => {
  const latin1 = Buffer.from('id,name\n1,M\xfcller\n2,M\xf6ller\n', 'latin1');

  it('Latin-1 bytes (M\\xFCller) are a PARSE_ERROR naming the file, line 2 and byte offset 11, with the remedy', () => {
    const path = file('latin1.csv', latin1);
    const error = errorOf(() => readTable(path));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/not valid UTF-8: line 2, byte offset 11 holds 0xFC/);
    expect(error.message).toContain("re-save as UTF-8 or pass { encoding: 'latin1' }");
  });

  it("{ encoding: 'latin1' } reads Müller and Möller as two ids (ISO-8859-1)", () => {
    const table = readTable(file('latin1-ok.csv', latin1), { encoding: 'latin1' });
    expect(table.name).toEqual(['Müller', 'Möller']);
  });

  it('invalid UTF-8 after the first 1 MiB chunk names the right line', () => {
    const rows = Array.from({ length: 120_000 }, (_, i) => `${i},x${i}`).join('\n');
    const bytes = Buffer.concat([Buffer.from(`id,name\n${rows}\n`), Buffer.from('7,M\xfcller\n', 'latin1')]);
    const error = errorOf(() => readTable(file('late-latin1.csv', bytes)));
    expect(error.message).toMatch(new RegExp(`line 120002, byte offset ${bytes.length - 6} `));
  });

  it('a UTF-8 byte-order mark is dropped; a character split across chunks decodes', () => {
    const pad = 'a'.repeat((1 << 20) - 12); // puts 'ü' across the first 1 MiB boundary
    const table = readTable(file('bom8.csv', `\ufeffid,name\n1,${pad}\n2,Müller\n`));
    expect(columnNames(table)).toEqual(['id', 'name']);
    expect((table.name as string[])[1]).toBe('Müller');
  });

  it('UTF-16LE and UTF-16BE with a byte-order mark are read (an Excel "Unicode text" export)', () => {
    const text = '\ufeffid\tname\n1\tMüller\n2\tMöller\n';
    for (const [name, bytes] of [
      ['le.tsv', Buffer.from(text, 'utf16le')],
      ['be.tsv', utf16be(text)],
    ] as const) {
      const table = readTable(file(name, bytes));
      expect(columnNames(table), name).toEqual(['id', 'name']);
      expect(Array.from(table.id as Float64Array)).toEqual([1, 2]);
      expect(table.name).toEqual(['Müller', 'Möller']);
    }
  });

  it('UTF-16LE without a byte-order mark is a PARSE_ERROR naming UTF-16LE (not "line 3 has 1 fields")', () => {
    const path = file('le-nobom.tsv', Buffer.from('id\tname\n1\tMüller\n2\tMöller\n', 'utf16le'));
    const error = errorOf(() => readTable(path));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/UTF-16LE text without a byte-order mark.*encoding: 'utf-16le'/);
    expect(readTable(path, { encoding: 'utf-16le' }).name).toEqual(['Müller', 'Möller']);
    const be = file('be-nobom.tsv', utf16be('id\tname\n1\tx\n'));
    expect(errorOf(() => readTable(be)).message).toMatch(/UTF-16BE/);
    expect(readTable(be, { encoding: 'utf-16be' }).name).toEqual(['x']);
  });

  it('NUL bytes in UTF-8 text are a PARSE_ERROR naming line and byte offset', () => {
    const error = errorOf(() => readTable(file('nul.csv', Buffer.from('a,b\n1,2\n3,\0\n'))));
    expect(error.message).toMatch(/NUL byte at line 3, byte offset 10/);
  });

  it('an unknown encoding is an INVALID_ARGUMENT', () => {
    const path = file('enc.csv', 'a\n1\n');
    expect(errorOf(() => readTable(path, { encoding: 'cp1252' as 'latin1' })).code).toBe('INVALID_ARGUMENT');
  });
});

describe('readTable: line endings (LF, CRLF, CR and mixed, as R)', () => {
  it('CR-only line ends (classic Mac OS export) read every row', () => {
    const table = readTable(file('cr.csv', 'id,x\r1,2.5\r2,NA\r3,4\r'));
    expect(Array.from(table.id as Float64Array)).toEqual([1, 2, 3]);
    expect(Array.from(table.x as Float64Array)).toEqual([2.5, Number.NaN, 4]);
  });
  it('mixed LF, CRLF and CR in one file, blank lines skipped, without a final line break', () => {
    const table = readTable(file('mixed.csv', 'id,x\r\n1,a\r2,b\n\r\n3,"c\rd"'));
    expect(Array.from(table.id as Float64Array)).toEqual([1, 2, 3]);
    expect(table.x).toEqual(['a', 'b', 'c\rd']);
  });
  it('errors in a CR-only file name the right line', () => {
    const error = errorOf(() => readTable(file('cr-ragged.csv', 'a,b\r1,2\r3\r')));
    expect(error.message).toMatch(/line 3 has 1 fields but the header has 2/);
  });
});

describe('readTable: column names keep file order, whatever they are', () => {
  it('a column named __proto__ is an ordinary column (the table has no prototype to overwrite)', () => {
    const table = readTable(file('proto.csv', 'id,__proto__,constructor\n1,2,3\n'));
    expect(Object.keys(table)).toEqual(['id', '__proto__', 'constructor']);
    expect(Array.from(getColumn(table, '__proto__') as Float64Array)).toEqual([2]);
    expect(Object.getPrototypeOf(table)).toBeNull();
  });

  it('integer-like headers (gene,2019,2020,1) keep file order, and are written back in that order', () => {
    const table = readTable(file('years.csv', 'gene,2019,2020,1\nTP53,1.5,2,3\nKRAS,4,5,6\n'));
    expect(Object.keys(table)).toEqual(['gene', '2019', '2020', '1']);
    expect(columnNames(table)).toEqual(['gene', '2019', '2020', '1']);
    expect(Object.entries(table).map(([name]) => name)).toEqual(['gene', '2019', '2020', '1']);
    expect(Array.from(table['2019'] as Float64Array)).toEqual([1.5, 4]);
    for (const extension of ['csv', 'tsv.gz', 'arrow', 'parquet']) {
      const path = join(dir, `years-out.${extension}`);
      writeTable(table, path);
      expect(Object.keys(readTable(path)), extension).toEqual(['gene', '2019', '2020', '1']);
    }
    expect(readFileSync(join(dir, 'years-out.csv'), 'utf8').split('\n')[0]).toBe('"gene","2019","2020","1"');
  });

  it('a duplicate header name is a PARSE_ERROR naming both positions', () => {
    const error = errorOf(() => readTable(file('dup.csv', 'id,age,x,age\n1,2,3,4\n')));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toMatch(/duplicate column name 'age' in the header at line 1 \(columns 2 and 4\)/);
  });
});

describe('readTable: a column that turns to text keeps the spelling of its earlier cells', () => {
  it('007, 1.50 and 1e3 read before the first non-number stay as written (as R read.csv)', () => {
    const table = readTable(file('late-text.csv', 'code,n\n007,1\n1.50,2\nNA,3\n1e3,4\nx12,5\n'));
    expect(table.code).toEqual(['007', '1.50', null, '1e3', 'x12']);
    expect(Array.from(table.n as Float64Array)).toEqual([1, 2, 3, 4, 5]);
  });
  it('also when the first text cell comes after the first 1 MiB chunk, and in gzip', () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => `${i}.0,${i}`);
    const text = `code,n\n${rows.join('\n')}\nlast,0\n`;
    for (const [name, data] of [
      ['late.csv', text],
      ['late.csv.gz', gzipSync(text)],
    ] as const) {
      const codes = readTable(file(name, data)).code as string[];
      expect(codes.length).toBe(150_001);
      expect([codes[0], codes[149_999], codes[150_000]]).toEqual(['0.0', '149999.0', 'last']);
    }
  });
});

describe('readTable: input that cannot be read twice', () => {
  it.skipIf(process.platform === 'win32')(
    'a named pipe (FIFO) holding 007 then text keeps 007 without a second pass',
    () => {
      const path = join(dir, 'pipe.csv');
      execFileSync('mkfifo', [path]);
      const writer = spawn('sh', ['-c', `printf 'code,n\\n007,1\\nNA,2\\nx,3\\n' > '${path}'`]);
      const table = readTable(path);
      writer.kill();
      expect(table.code).toEqual(['007', null, 'x']);
      expect(Array.from(table.n as Float64Array)).toEqual([1, 2, 3]);
    },
  );
});

describe('readTable: gzip limits', () => {
  it('a .csv.gz beyond { maxBytes } is a PARSE_ERROR stating the limit and how to raise it', () => {
    const path = file('big.csv.gz', gzipSync(`x\n${'1\n'.repeat(100_000)}`));
    const error = errorOf(() => readTable(path, { maxBytes: 50_000 }));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toMatch(/decompresses to more than 50000 bytes \(the maxBytes option\)/);
    expect(error.message).toMatch(/pass \{ maxBytes: \d+ \}/);
    expect((readTable(path, { maxBytes: 1e6 }).x as Float64Array).length).toBe(100_000);
    expect(errorOf(() => readTable(path, { maxBytes: -1 })).code).toBe('INVALID_ARGUMENT');
  });
  it('truncated gzip data is a PARSE_ERROR naming the file', () => {
    const bytes = gzipSync('a,b\n1,2\n'.repeat(1000));
    const path = file('cut.csv.gz', bytes.subarray(0, bytes.length - 20));
    const error = errorOf(() => readTable(path));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toContain(path);
  });
});
