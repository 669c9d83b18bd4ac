import { type ColumnTable, getColumn, numericColumn, stringColumn, TaceError } from '@tace/core';

/** How the cohort column's values map to study roles. */
export interface CohortRoles {
  /** Column naming each patient's cohort. */
  column: string;
  /** Value of the training cohort. */
  training: string;
  /** Values of internal-validation cohorts; every other value is external. */
  internal: string[];
}

/** One table per cohort, in order of first appearance, with its study role. */
export function studyCohorts(
  table: ColumnTable,
  roles: CohortRoles,
): { name: string; role: 'training' | 'internal' | 'external'; table: ColumnTable }[] {
  const labels = stringColumn(table, roles.column);
  const rowsByCohort = new Map<string, number[]>();
  labels.forEach((label, row) => {
    if (label === null || label === '') return;
    const rows = rowsByCohort.get(label) ?? [];
    rows.push(row);
    rowsByCohort.set(label, rows);
  });
  if (!rowsByCohort.has(roles.training)) {
    throw new TaceError(
      'EMPTY_INPUT',
      `no patient has ${roles.column} = '${roles.training}' (values: ${[...rowsByCohort.keys()].join(', ')})`,
      { param: '--training', remedy: 'name the training cohort with --training <value>' },
    );
  }
  return [...rowsByCohort].map(([name, rows]) => {
    const part: ColumnTable = {};
    for (const column of Object.keys(table)) {
      const values = getColumn(table, column);
      part[column] = ArrayBuffer.isView(values)
        ? Float64Array.from(rows, (r) => Number((values as ArrayLike<number>)[r]))
        : (rows.map((r) => (values as ArrayLike<unknown>)[r]) as (string | null)[]);
    }
    const role =
      name === roles.training ? 'training' : roles.internal.includes(name) ? 'internal' : 'external';
    return { name, role, table: part };
  });
}

/** A comma list, or the numeric columns starting with a prefix (a value without commas that is not a column). */
export function columnsFromSpec(table: ColumnTable, spec: string, option: string): string[] {
  const names = Object.keys(table);
  const list = spec
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (list.length === 1 && !names.includes(list[0])) {
    const matching = names.filter((n) => n.startsWith(list[0]) && ArrayBuffer.isView(getColumn(table, n)));
    if (matching.length === 0) {
      throw new TaceError(
        'COLUMN_NOT_FOUND',
        `${option} '${spec}' is neither a column nor the prefix of a numeric column`,
        {
          param: option,
          remedy: 'give a comma-separated list of columns or a prefix such as dl_',
        },
      );
    }
    return matching;
  }
  for (const name of list) {
    if (!names.includes(name)) {
      throw new TaceError('COLUMN_NOT_FOUND', `${option}: no column '${name}' in the data`, {
        param: option,
        remedy: `columns are: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', ...' : ''}`,
      });
    }
  }
  return list;
}

/** Parses a comma list of numbers (e.g. `--times 12,24,36`). */
export function parseNumberList(value: string | undefined, fallback: number[], option: string): number[] {
  if (value === undefined) return fallback;
  const numbers = value.split(',').map((s) => Number(s.trim()));
  if (numbers.length === 0 || numbers.some((x) => !Number.isFinite(x) || x <= 0)) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `${option} must be positive numbers separated by commas, but was '${value}'`,
      {
        param: option,
      },
    );
  }
  return numbers;
}

/** Checks that the outcome columns exist and are numeric. */
export function checkOutcome(table: ColumnTable, time: string, event: string): void {
  numericColumn(table, time);
  numericColumn(table, event);
}
