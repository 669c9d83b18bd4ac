import { assertOneOf, TaceError } from '@tace/core';
import { delimiterFor, parseNumber, parseRows } from './delimited.js';
import { expressionMatrixFromRows, namedExpression } from './matrix.js';
import { readText } from './read-text.js';
import type { ExpressionMatrix } from './types.js';

/** Layout of a text expression table. */
export type MatrixOrientation = 'genes-in-rows' | 'samples-in-rows' | 'auto';

/** Options of {@link readExpressionMatrix} / {@link parseExpressionMatrix}. */
export interface ReadExpressionOptions {
  /**
   * Whether genes are rows (R/GSVA, GDC, Xena) or columns (one row per sample, scikit-learn style).
   * `'auto'` decides by identifiers, then shape: see {@link detectOrientation}.
   * @default 'auto'
   */
  orientation?: MatrixOrientation;
  /**
   * Field delimiter.
   * @default tab for .tsv/.txt/.tab(.gz) files, comma otherwise
   */
  delimiter?: string;
  /**
   * Number of leading identifier columns (e.g. 2 for `gene_id, gene_name`); the identifier is taken from
   * column `idColumn` among them.
   * @default 1
   */
  idColumns?: number;
  /**
   * Which of the leading identifier columns names the rows (0-based).
   * @default 0
   */
  idColumn?: number;
}

const ENSEMBL = /^ENS[A-Z]*G\d{6,}(\.\d+)?$/;
const TCGA = /^TCGA-[A-Z0-9]{2}-[A-Z0-9]{4}/;

/**
 * Orientation of a table whose first row holds column names and first column row names: genes are in rows
 * when the row names look like genes (Ensembl ids) or the column names like samples (TCGA barcodes), in
 * columns in the opposite case; otherwise the longer side holds the genes (expression tables have more
 * genes than samples).
 * @example detectOrientation(['TP53', 'MYC', 'EGFR'], ['S1', 'S2']) // 'genes-in-rows'
 */
export function detectOrientation(
  rowNames: readonly string[],
  columnNames: readonly string[],
): 'genes-in-rows' | 'samples-in-rows' {
  const share = (names: readonly string[], pattern: RegExp): number =>
    names.length === 0 ? 0 : names.filter((n) => pattern.test(n)).length / names.length;
  if (share(rowNames, ENSEMBL) > 0.5 || share(columnNames, TCGA) > 0.5) return 'genes-in-rows';
  if (share(columnNames, ENSEMBL) > 0.5 || share(rowNames, TCGA) > 0.5) return 'samples-in-rows';
  return rowNames.length >= columnNames.length ? 'genes-in-rows' : 'samples-in-rows';
}

/**
 * Parses CSV/TSV text into an {@link ExpressionMatrix} (see {@link readExpressionMatrix}).
 * @throws {TaceError} `PARSE_ERROR` for ragged rows or non-numeric values; `EMPTY_INPUT` for no data.
 */
export function parseExpressionMatrix(
  text: string,
  options: ReadExpressionOptions & { source?: string } = {},
): ExpressionMatrix {
  const source = options.source ?? 'expression text';
  const orientation = options.orientation ?? 'auto';
  assertOneOf(orientation, 'orientation', ['genes-in-rows', 'samples-in-rows', 'auto']);
  const idColumns = options.idColumns ?? 1;
  const idColumn = options.idColumn ?? 0;
  const rows = parseRows(text, options.delimiter ?? ',', source);
  if (rows.length < 2) {
    throw new TaceError('EMPTY_INPUT', `${source} has no data rows`, { param: source });
  }
  const header = rows[0];
  const columnNames = makeUnique(header.slice(idColumns).map((name) => name.trim()));
  const rowNames: string[] = [];
  const numeric: Float64Array[] = [];
  for (let r = 1; r < rows.length; r++) {
    const fields = rows[r];
    if (fields.length !== header.length) {
      throw new TaceError(
        'PARSE_ERROR',
        `${source} line ${r + 1}: ${fields.length} fields but the header has ${header.length}`,
        { param: source },
      );
    }
    rowNames.push(fields[idColumn].trim());
    const values = new Float64Array(columnNames.length);
    for (let c = 0; c < columnNames.length; c++) {
      values[c] = parseNumber(
        fields[c + idColumns],
        () => `${source} line ${r + 1}, column ${columnNames[c]}`,
      );
    }
    numeric.push(values);
  }
  const layout = orientation === 'auto' ? detectOrientation(rowNames, columnNames) : orientation;
  if (layout === 'genes-in-rows') return expressionMatrixFromRows(rowNames, columnNames, numeric);
  // samples in rows: each parsed row is one sample's column, already column-major
  const values = new Float64Array(rowNames.length * columnNames.length);
  numeric.forEach((row, s) => {
    values.set(row, s * columnNames.length);
  });
  return namedExpression(columnNames, rowNames, values);
}

/**
 * R `make.unique`: the second and later copies of a name get `.1`, `.2`, ... (skipping names already taken),
 * as R's `read.csv` does to repeated column names.
 */
export function makeUnique(names: readonly string[]): string[] {
  const taken = new Set(names);
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  return names.map((name) => {
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let k = counts.get(name) ?? 1;
    while (taken.has(`${name}.${k}`)) k++;
    counts.set(name, k + 1);
    const unique = `${name}.${k}`;
    taken.add(unique);
    return unique;
  });
}

/**
 * Reads an expression matrix from a CSV/TSV file (optionally gzipped): first row = column names, first
 * column(s) = row identifiers. Genes may be rows (default for R, GDC, Xena) or columns; `'auto'` detects
 * it (see {@link detectOrientation}). Blank, `NA` and `NaN` fields become NaN. Repeated column names are made
 * unique as R does (`TCGA-DD-AACA-02`, `TCGA-DD-AACA-02.1`); repeated row names are kept (genes: resolve them
 * with {@link collapseDuplicateGenes}).
 * @throws {TaceError} `IO_ERROR`, `PARSE_ERROR`, `EMPTY_INPUT`.
 * @example
 * ```ts
 * const expr = readExpressionMatrix('tcga-lihc/expression_500_most_variable.csv'); // genes x samples
 * ```
 */
export function readExpressionMatrix(path: string, options: ReadExpressionOptions = {}): ExpressionMatrix {
  return parseExpressionMatrix(readText(path), {
    ...options,
    delimiter: options.delimiter ?? delimiterFor(path),
    source: path,
  });
}
