// Tier 3: round trips through CSV, TSV, Arrow and Parquet keep every value and type (fast-check); malformed
// text always gives a PARSE_ERROR naming a line and column.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ColumnTable, isTaceError, readTable, writeTable } from '@tace/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'tace-roundtrip-'));

const numberCell = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.double({ noNaN: true, noDefaultInfinity: false }).filter((v) => !Object.is(v, -0)),
  },
  { weight: 1, arbitrary: fc.constant(Number.NaN) },
);
const textCell = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** A table of 1-4 columns (numeric or text) and 0-20 rows; names distinct and non-blank. */
const tableArbitrary = fc
  .tuple(
    fc.uniqueArray(
      fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== ''),
      { minLength: 1, maxLength: 4 },
    ),
    fc.integer({ min: 0, max: 20 }),
  )
  .chain(([names, rows]) =>
    fc
      .tuple(...names.map(() => fc.boolean()))
      .chain((kinds) =>
        fc
          .tuple(
            ...names.map((_, j) =>
              kinds[j]
                ? fc
                    .array(numberCell, { minLength: rows, maxLength: rows })
                    .map((v) => Float64Array.from(v) as unknown)
                : fc.array(textCell, { minLength: rows, maxLength: rows }).map((v) => v as unknown),
            ),
          )
          .map((columns) => Object.fromEntries(names.map((n, j) => [n, columns[j]])) as ColumnTable),
      ),
  );

function normalised(table: ColumnTable): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [k, Array.from(v as ArrayLike<unknown>)]));
}

describe('round trips', () => {
  for (const extension of ['csv', 'tsv', 'csv.gz', 'arrow', 'parquet']) {
    it(`${extension}: write then read gives the same columns, types and values`, () => {
      fc.assert(
        fc.property(tableArbitrary, (table) => {
          // a text column without any non-missing value carries no type: it reads back as numeric NaN
          fc.pre(
            Object.values(table).every(
              (c) => c instanceof Float64Array || (c as unknown[]).some((v) => v !== null),
            ),
          );
          const path = join(dir, `t.${extension}`);
          writeTable(table, path);
          const back = readTable(path);
          expect(Object.keys(back)).toEqual(Object.keys(table));
          for (const name of Object.keys(table)) {
            expect(back[name] instanceof Float64Array).toBe(table[name] instanceof Float64Array);
          }
          expect(normalised(back)).toEqual(normalised(table));
        }),
        { numRuns: extension === 'parquet' || extension === 'csv.gz' ? 40 : 80 },
      );
    });
  }

  it('ragged CSV always gives a PARSE_ERROR naming the file, a line and a column', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 3 }),
        (width, rows, badRow, delta) => {
          const lines = [Array.from({ length: width }, (_, j) => `c${j}`).join(',')];
          for (let r = 0; r < rows; r++) {
            const count =
              r === badRow % rows ? width + (r % 2 === 0 ? delta : -Math.min(delta, width - 1)) : width;
            lines.push(Array.from({ length: count }, (_, j) => String(r * 10 + j)).join(','));
          }
          const path = join(dir, 'ragged.csv');
          writeFileSync(path, `${lines.join('\n')}\n`);
          try {
            readTable(path);
            expect.fail('ragged CSV was accepted');
          } catch (error) {
            expect(isTaceError(error, 'PARSE_ERROR')).toBe(true);
            const message = (error as Error).message;
            expect(message).toContain(path);
            expect(message).toMatch(new RegExp(`line ${(badRow % rows) + 2} .*column \\d+`));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
