import { type ColumnTable, columnNames, getColumn, isMissing, rowCount, TaceError } from '@tace/core';

/** Result of {@link mergeParts}. */
export interface MergeResult {
  /** The merged table, rows in `order` (manifest order) when given, else sorted by key. */
  table: ColumnTable;
  /** Keys (e.g. `patient|phase`) expected but absent from every part. */
  missing: string[];
  /** Keys whose row carries an error message. */
  failed: { key: string; error: string }[];
}

/**
 * Concatenates shard outputs into one table, checking that every row key (`keyColumns` joined with `|`)
 * appears exactly once; rows are put in `order` (e.g. the manifest's keys) so the merge of a sharded run
 * equals the single-process output row for row. Columns must be the same in every part (same order).
 * @throws {TaceError} `INVALID_ARGUMENT` when a key appears twice or parts have different columns;
 * `COLUMN_NOT_FOUND` for a missing key column.
 */
export function mergeParts(
  parts: readonly { name: string; table: ColumnTable }[],
  options: { keyColumns: string[]; order?: readonly string[]; errorColumn?: string },
): MergeResult {
  if (parts.length === 0) throw new TaceError('EMPTY_INPUT', 'no parts to merge', { param: 'parts' });
  const columns = columnNames(parts[0].table);
  const seen = new Map<string, { part: number; row: number }>();
  parts.forEach((part, p) => {
    const names = columnNames(part.table);
    if (names.join('\u0000') !== columns.join('\u0000')) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `part ${part.name} has different columns from ${parts[0].name}`,
        {
          param: part.name,
          remedy: 'merge only parts of one extraction run (same settings)',
        },
      );
    }
    const keys = options.keyColumns.map((c) => getColumn(part.table, c));
    const n = rowCount(part.table);
    for (let r = 0; r < n; r++) {
      const key = keys.map((k) => String(k[r])).join('|');
      const previous = seen.get(key);
      if (previous !== undefined) {
        throw new TaceError(
          'INVALID_ARGUMENT',
          `row ${key} appears in both ${parts[previous.part].name} and ${part.name}`,
          {
            param: part.name,
            remedy: 'each patient must be in exactly one shard: re-run with the same --shard count',
          },
        );
      }
      seen.set(key, { part: p, row: r });
    }
  });
  const missing = options.order === undefined ? [] : options.order.filter((k) => !seen.has(k));
  const keys =
    options.order === undefined ? [...seen.keys()].sort() : options.order.filter((k) => seen.has(k));
  const table: ColumnTable = {};
  for (const name of columns) {
    const first = getColumn(parts[0].table, name);
    const typed = ArrayBuffer.isView(first)
      ? (first.constructor as new (
          n: number,
        ) => { [i: number]: unknown })
      : null;
    const out: { [i: number]: unknown; length?: number } = typed
      ? new typed(keys.length)
      : new Array(keys.length);
    keys.forEach((key, i) => {
      const { part, row } = seen.get(key)!;
      out[i] = getColumn(parts[part].table, name)[row];
    });
    table[name] = out as ArrayLike<unknown>;
  }
  const failed: { key: string; error: string }[] = [];
  if (options.errorColumn !== undefined && columns.includes(options.errorColumn)) {
    const errors = table[options.errorColumn];
    keys.forEach((key, i) => {
      const error = errors[i];
      if (!isMissing(error)) failed.push({ key, error: String(error) });
    });
  }
  return { table, missing, failed };
}
