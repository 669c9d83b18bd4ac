import { type ColumnTable, readTable, TaceError } from '@tace/core';
import { namedExpression } from './matrix.js';
import { detectOrientation, type MatrixOrientation, makeUnique } from './read-matrix.js';
import type { ExpressionMatrix } from './types.js';

/**
 * Builds an {@link ExpressionMatrix} from a column table (as core `readTable` returns for CSV, TSV, Arrow
 * and Parquet): the first column holds the row identifiers (text), every other column is numeric.
 * @param orientation - rows are genes or samples; `'auto'` as {@link detectOrientation}.
 * @throws {TaceError} `PARSE_ERROR` when a value column is not numeric; `EMPTY_INPUT` for no columns.
 * @example
 * ```ts
 * expressionFromTable({ gene: ['TP53', 'MYC'], S1: new Float64Array([1, 2]) }); // 2 genes x 1 sample
 * ```
 */
export function expressionFromTable(
  table: ColumnTable,
  orientation: MatrixOrientation = 'auto',
  source = 'table',
): ExpressionMatrix {
  const names = Object.keys(table);
  if (names.length < 2) {
    throw new TaceError('EMPTY_INPUT', `${source} needs an identifier column and at least one value column`, {
      param: source,
    });
  }
  const rowNames = Array.from(table[names[0]] as ArrayLike<unknown>, (v) => String(v ?? ''));
  const columnNames = makeUnique(names.slice(1));
  const columns = names.slice(1).map((name) => {
    const column = table[name];
    if (!(column instanceof Float64Array)) {
      throw new TaceError('PARSE_ERROR', `${source}: column ${JSON.stringify(name)} is not numeric`, {
        param: source,
        remedy: 'keep only the identifier column and numeric expression columns',
      });
    }
    return column;
  });
  const layout = orientation === 'auto' ? detectOrientation(rowNames, columnNames) : orientation;
  const nRows = rowNames.length;
  const values = new Float64Array(nRows * columnNames.length);
  if (layout === 'genes-in-rows') {
    // columns are samples: each column is one sample's profile, already contiguous
    columns.forEach((column, s) => {
      values.set(column, s * nRows);
    });
    return namedExpression(rowNames, columnNames, values);
  }
  const nGenes = columnNames.length;
  columns.forEach((column, g) => {
    for (let s = 0; s < nRows; s++) values[s * nGenes + g] = column[s];
  });
  return namedExpression(columnNames, rowNames, values);
}

/**
 * Reads an expression matrix from Arrow IPC (.arrow/.feather) or Parquet through core `readTable`; first
 * column = identifiers, other columns numeric (see {@link expressionFromTable}). CSV/TSV files are better
 * read with {@link readExpressionMatrix}, which also handles several identifier columns and gzip.
 * @throws {TaceError} as `readTable` and {@link expressionFromTable}.
 * @example
 * ```ts
 * const expr = readExpressionTable('lihc.parquet', 'genes-in-rows');
 * ```
 */
export function readExpressionTable(path: string, orientation: MatrixOrientation = 'auto'): ExpressionMatrix {
  const first = readTable(path);
  const [idName] = Object.keys(first);
  if (idName !== undefined && first[idName] instanceof Float64Array) {
    throw new TaceError(
      'PARSE_ERROR',
      `${path}: the first column (${idName}) must hold identifiers, not numbers`,
      {
        param: path,
      },
    );
  }
  return expressionFromTable(first, orientation, path);
}
