import { readFileSync } from 'node:fs';

/** One column of a PyRadiomics baseline CSV: feature/diagnostic name -> cell text. */
export type BaselineCase = Record<string, string>;

/** Splits one CSV line with double-quoted cells. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  return cells;
}

/** Reads `baseline_<class>.csv` (rows = features, columns = test cases) into case -> name -> text. */
export function readBaseline(path: string): Record<string, BaselineCase> {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const header = splitCsvLine(lines[0]!);
  const out: Record<string, BaselineCase> = {};
  for (const name of header.slice(1)) out[name] = {};
  for (const line of lines.slice(1)) {
    const cells = splitCsvLine(line);
    header.slice(1).forEach((name, c) => {
      out[name]![cells[0]!] = cells[c + 1]!;
    });
  }
  return out;
}

/**
 * PyRadiomics' settings of a baseline case, from its `diagnostics_Configuration_Settings` row (a Python dict
 * literal), converted to JSON.
 */
export function baselineSettings(row: BaselineCase): Record<string, unknown> {
  const text = row
    .diagnostics_Configuration_Settings!.replace(/'/g, '"')
    .replace(/\bTrue\b/g, 'true')
    .replace(/\bFalse\b/g, 'false')
    .replace(/\bNone\b/g, 'null');
  return JSON.parse(text) as Record<string, unknown>;
}
