// Tier 2: readTable reads the shared reference tables as R 4.2.2 `read.csv` / `read.delim` does (same column
// names, numeric-or-text decision, missing counts, sums to 1e-12 relative, first text value).
// Fixture made by test/fixtures/r-read-csv/generate.R; the data stay in ../shared/data.
import { readFileSync } from 'node:fs';
import { readTable } from '@tace/core';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/r-read-csv/r-read-csv.json', import.meta.url), 'utf8'),
);

for (const entry of fixture.files as {
  path: string;
  rows: number;
  columns: { name: string; numeric: boolean; missing: number; sum: number | null; first: string | null }[];
}[]) {
  const path = sharedDataPath(entry.path);
  describe.skipIf(path === null)(
    `readTable(${entry.path}) agrees with R read.csv ${sharedDataSkipMessage(entry.path)}`,
    () => {
      it('columns, types, missing counts, sums and first values', () => {
        const table = readTable(path!);
        expect(Object.keys(table)).toEqual(entry.columns.map((c) => c.name));
        for (const column of entry.columns) {
          const values = table[column.name];
          expect(values.length).toBe(entry.rows);
          // A column with no value at all is logical NA in R and numeric NaN here: only its missing count is compared.
          if (column.missing < entry.rows)
            expect(values instanceof Float64Array, column.name).toBe(column.numeric);
          if (values instanceof Float64Array) {
            let missing = 0;
            let sum = 0;
            for (const v of values) {
              if (Number.isNaN(v)) missing++;
              else sum += v;
            }
            expect(missing, column.name).toBe(column.missing);
            if (!column.numeric) continue;
            expect(Math.abs(sum - (column.sum ?? 0))).toBeLessThanOrEqual(
              1e-12 * Math.abs(column.sum ?? 0) + 1e-12,
            );
          } else {
            const strings = values as (string | null)[];
            expect(strings.filter((v) => v === null).length, column.name).toBe(column.missing);
            expect(strings.find((v) => v !== null) ?? null).toBe(column.first);
          }
        }
      });
    },
  );
}
