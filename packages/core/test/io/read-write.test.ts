// Tier 1: hand-written files; errors name file, line and column.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isTaceError, parseDelimited, readTable, toArrowTable, writeTable } from '@tace/core';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'tace-io-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (isTaceError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a TaceError');
}

describe('readTable: CSV / TSV', () => {
  it('infers numeric and text columns, missing values as NaN / null', () => {
    const table = readTable(file('a.csv', '\ufeffid,age,sex\np1,61,M\np2,NA,\n"p3",70.5,F\n'));
    expect(table.id).toEqual(['p1', 'p2', 'p3']);
    expect(Array.from(table.age as Float64Array)).toEqual([61, Number.NaN, 70.5]);
    expect(table.sex).toEqual(['M', null, 'F']);
  });
  it('follows RFC 4180: quoted delimiters, doubled quotes, line breaks, CRLF', () => {
    const records = parseDelimited('a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",3\r\n', ',');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', '3'],
    ]);
    expect(records[2].line).toBe(3);
  });
  it('quoted numbers and quoted NA stay text', () => {
    const table = readTable(file('q.csv', 'code,flag\n"001","NA"\n"002",x\n'));
    expect(table.code).toEqual(['001', '002']);
    expect(table.flag).toEqual(['NA', 'x']);
  });
  it('reads TSV and honours forced column types', () => {
    const table = readTable(file('t.tsv', 'id\tscore\n7\t1e-3\n8\t-Inf\n'), {
      columnTypes: { id: 'string' },
    });
    expect(table.id).toEqual(['7', '8']);
    expect(Array.from(table.score as Float64Array)).toEqual([0.001, -Infinity]);
  });
  it('a ragged row is a PARSE_ERROR naming file, line and column', () => {
    const path = file('ragged.csv', 'a,b,c\n1,2,3\n4,5\n');
    const error = errorOf(() => readTable(path));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/line 3 has 2 fields but the header has 3 \(first bad field: column 3\)/);
  });
  it('an unterminated quote names the line and column where it opened', () => {
    const path = file('open.csv', 'a,b\n1,2\n3,"oops\n');
    expect(errorOf(() => readTable(path)).message).toMatch(/unterminated quoted field at line 3, column 3/);
  });
  it('a stray quote or text after a closing quote is a PARSE_ERROR with line and column', () => {
    expect(errorOf(() => readTable(file('stray.csv', 'a,b\n1,x"y\n'))).message).toMatch(/line 2, column 4/);
    expect(errorOf(() => readTable(file('after.csv', 'a,b\n1,"x"y\n'))).message).toMatch(/line 2, column 6/);
  });
  it('a non-number in a column forced to number names line and column', () => {
    const path = file('forced.csv', 'a,b\n1,2\n3,x\n');
    expect(errorOf(() => readTable(path, { columnTypes: { b: 'number' } })).message).toMatch(
      /line 3, column 2/,
    );
  });
  it('missing files and unknown extensions give IO_ERROR and UNSUPPORTED', () => {
    expect(errorOf(() => readTable(join(dir, 'none.csv'))).code).toBe('IO_ERROR');
    expect(errorOf(() => readTable(file('x.xlsx', ''))).code).toBe('UNSUPPORTED');
  });
});

describe('writeTable', () => {
  const table = { id: ['a', 'b,c', null], x: new Float64Array([1.5, Number.NaN, -Infinity]) };
  it('writes R-style CSV: text quoted, NA for missing, Inf for infinity', () => {
    const path = join(dir, 'out.csv');
    writeTable(table, path);
    expect(readFileSync(path, 'utf8')).toBe('"id","x"\n"a",1.5\n"b,c",NA\nNA,-Inf\n');
  });
  it('writes Arrow IPC files readable by apache-arrow, and Parquet', () => {
    writeTable(table, join(dir, 'out.arrow'));
    const arrow = tableFromIPC(readFileSync(join(dir, 'out.arrow')));
    expect(arrow.numRows).toBe(3);
    expect(arrow.getChild('id')?.get(2)).toBeNull();
    writeTable(table, join(dir, 'out.parquet'));
    const back = readTable(join(dir, 'out.parquet'));
    expect(back.id).toEqual(['a', 'b,c', null]);
  });
  it('is atomic: a failed write leaves the old file and no temporary file', () => {
    const path = join(dir, 'keep.csv');
    writeTable({ a: [1] }, path);
    expect(() => writeTable({ a: [1], b: [1, 2] }, path)).toThrow();
    expect(readFileSync(path, 'utf8')).toBe('"a"\n1\n');
    expect(errorOf(() => writeTable({ a: [1] }, join(dir, 'no-such-dir', 'f.csv'))).code).toBe('IO_ERROR');
  });
  it('gzip: .csv.gz is compressed on write and read back; gzip around Arrow is UNSUPPORTED', () => {
    const path = join(dir, 'out.csv.gz');
    writeTable(table, path);
    const bytes = readFileSync(path);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(readTable(path).id).toEqual(['a', 'b,c', null]);
    expect(errorOf(() => writeTable(table, join(dir, 'out.arrow.gz'))).code).toBe('UNSUPPORTED');
    expect(errorOf(() => readTable(file('bad.csv.gz', 'not gzip'))).code).toBe('PARSE_ERROR');
  });
  it('toArrowTable refuses a column mixing kinds', () => {
    expect(errorOf(() => toArrowTable({ a: [1, 'x'] })).code).toBe('INVALID_ARGUMENT');
  });
});
