/**
 * Index of the first row of every gene identifier (R's `x[names, ]` picks the first of duplicated row
 * names). @internal
 */
export function firstRowIndex(genes: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let g = 0; g < genes.length; g++) if (!index.has(genes[g])) index.set(genes[g], g);
  return index;
}

/** Splits a tab-separated text into rows of fields, skipping `#` comment lines and empty lines. @internal */
export function tsvRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    rows.push(line.replace(/\r$/, '').split('\t'));
  }
  return rows;
}

/** R's `scale()` of one column in place: (x - mean) / sd with the n - 1 denominator. @internal */
export function scaleInPlace(x: Float64Array): void {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  for (let i = 0; i < n; i++) x[i] = (x[i] - mean) / sd;
}
