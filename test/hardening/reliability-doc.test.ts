import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUZZ_SEED } from './cases.js';
import { adversarialTable, readerTable } from './doc-tables.js';

const doc = readFileSync(resolve(import.meta.dirname, '../../docs/reliability.md'), 'utf8');

/** Rows of a markdown table as trimmed cells, without the alignment row: formatting-independent. */
function cells(table: string): string[][] {
  return table
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s:|-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

/** The block between `<!-- name:start -->` and `<!-- name:end -->` in docs/reliability.md. */
function block(name: string): string {
  const match = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(doc);
  return match === null ? '' : match[1]!;
}

describe('docs/reliability.md states what the hardening tests actually try', () => {
  it('the reader table matches the case counts of cases.ts', () => {
    expect(
      cells(block('reader-cases')),
      'regenerate the table in docs/reliability.md: npx tsx test/hardening/doc-tables.ts',
    ).toEqual(cells(readerTable()));
  });

  it('the stated fast-check seed is the one the suites use', () => {
    expect(doc).toContain(`fast-check seed ${FUZZ_SEED}`);
  });

  it('the adversarial table matches ADVERSARIAL_CASES', () => {
    expect(cells(block('adversarial-cases'))).toEqual(cells(adversarialTable()));
  });
});
