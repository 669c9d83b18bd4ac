import { ADVERSARIAL_CASES, READ_BUDGET_MS, READER_CASES, readerTotal } from './cases.js';

// Print both tables (to paste into docs/reliability.md after changing cases.ts):
//   npx tsx test/hardening/doc-tables.ts

/** The reader table as docs/reliability.md must state it (generated from cases.ts). */
export function readerTable(): string {
  const rows = Object.values(READER_CASES).map(
    (c) =>
      `| ${c.label} | ${c.truncations} | ${c.mutations} | ${c.shared} | ${c.crafted} | ${readerTotal(c)} | result or \`TaceError\` naming the file, < ${READ_BUDGET_MS / 1000} s |`,
  );
  const total = Object.values(READER_CASES).reduce((s, c) => s + readerTotal(c), 0);
  return [
    '| reader | truncations | mutations | shared-data mutations | crafted | total | every case ends in |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows,
    `| **all readers** | | | | | **${total}** | |`,
    '',
  ].join('\n');
}

/** The adversarial table as docs/reliability.md must state it. */
export function adversarialTable(): string {
  return [
    '| case | input | defined outcome (tested) |',
    '|---|---|---|',
    ...ADVERSARIAL_CASES.map((c) => `| \`${c.id}\` | ${c.input} | ${c.outcome} |`),
    '',
  ].join('\n');
}

if (process.argv[1]?.endsWith('doc-tables.ts')) console.log(`${readerTable()}\n${adversarialTable()}`);
