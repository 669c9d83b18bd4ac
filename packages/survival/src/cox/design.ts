import type { CategoricalColumn, ColumnTable, TableLike } from '@tace/core';
import { getColumn, isMissing, TaceError, takeRows, toCategorical } from '@tace/core';
import { gatherNumericInto, scatterNumericInto } from '../internal/gather.js';

/** How one covariate (term) enters the model. */
export interface CoxTerm {
  /** Column name in the table. */
  name: string;
  /** `'numeric'`: one column as is; `'categorical'`: treatment contrasts, first level = reference. */
  kind: 'numeric' | 'categorical';
  /** Levels of a categorical term (first = reference); empty for numeric terms. */
  levels: string[];
  /** Indices of this term's columns in the design matrix. */
  columns: number[];
}

/** A model matrix, row-major (n x p), with R-style column names (`celltypelarge`). */
export interface CoxDesign {
  terms: CoxTerm[];
  names: string[];
  x: Float64Array;
  n: number;
  p: number;
}

function isCategoricalColumn(values: ArrayLike<unknown>): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isMissing(v)) continue;
    if (typeof v === 'string') return Number.isNaN(Number(v.trim())) || v.trim() === '';
    return false;
  }
  return false;
}

/** Level choices of the factor terms: an order per column (R `factor(x, levels)`) and a reference level (R `relevel`). */
export interface LevelSpec {
  levels?: Readonly<Record<string, readonly string[]>>;
  reference?: Readonly<Record<string, string>>;
}

function isCategoricalObject(value: unknown): value is CategoricalColumn {
  const v = value as CategoricalColumn;
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as { length?: unknown }).length === undefined &&
    Array.isArray(v.levels) &&
    v.codes !== undefined &&
    typeof v.codes.length === 'number'
  );
}

/**
 * A plain table whose factor columns (core's `{ codes, levels }`, from `categoricalColumn`) among `names` are
 * given as labels, with their level order added to `spec.levels` (unless given there). Other tables are
 * returned as they are.
 */
export function expandCategoricalColumns(
  table: TableLike,
  names: readonly string[],
  spec: LevelSpec = {},
): { table: TableLike; spec: LevelSpec } {
  if (typeof table !== 'object' || table === null || Object.getPrototypeOf(table) !== Object.prototype) {
    return { table, spec };
  }
  const plain = table as ColumnTable;
  let out: ColumnTable | null = null;
  const levels: Record<string, readonly string[]> = { ...(spec.levels ?? {}) };
  for (const name of names) {
    const column = Object.hasOwn(plain, name) ? (plain[name] as unknown) : undefined;
    if (!isCategoricalObject(column)) continue;
    out ??= { ...plain };
    out[name] = Array.from(column.codes, (c) =>
      c >= 0 && c < column.levels.length ? column.levels[c] : null,
    );
    levels[name] ??= column.levels;
  }
  return out === null ? { table, spec } : { table: out, spec: { ...spec, levels } };
}

/** `levels` in the order asked for: a given order (every observed label must be in it), then the reference first. */
function orderLevels(name: string, observed: string[], spec: LevelSpec): string[] {
  let levels = observed;
  const given = spec.levels?.[name];
  if (given !== undefined) {
    const missing = observed.filter((l) => !given.includes(l));
    if (missing.length > 0) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `column '${name}' holds ${missing.map((l) => `'${l}'`).join(', ')}, not among its levels`,
        {
          param: `levels.${name}`,
          remedy: `list every level of '${name}' (${given.map((l) => `'${l}'`).join(', ')} were given)`,
        },
      );
    }
    // R keeps the given order and every level: one with no rows becomes an all-zero column, which coxph
    // reports as NA (see CoxphOptions.singular)
    levels = [...given];
  }
  const reference = spec.reference?.[name];
  if (reference !== undefined) {
    if (!levels.includes(reference)) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `reference level '${reference}' is not a level of column '${name}'`,
        {
          param: `reference.${name}`,
          remedy: `choose one of ${levels.map((l) => `'${l}'`).join(', ')}`,
        },
      );
    }
    levels = [reference, ...levels.filter((l) => l !== reference)];
  }
  return levels;
}

/**
 * Decides each term's kind and levels from the data: string columns (and those named in `categorical`)
 * become factors with levels sorted as R's `factor()` (or in the order and with the reference level of
 * `spec`); everything else is numeric. As R's model frame: a string column's levels are those of the rows
 * used (R converts character columns after dropping incomplete rows), while a column named in
 * `categorical` (R `factor(x)` in the formula, evaluated before) takes the levels of all its non-missing
 * values in the table, so a level seen only in incomplete rows becomes an all-zero (NA) column.
 */
export function describeTerms(
  table: TableLike,
  covariates: readonly string[],
  categorical: readonly string[],
  rows: Int32Array,
  spec: LevelSpec = {},
): CoxTerm[] {
  const terms: CoxTerm[] = [];
  let p = 0;
  for (const name of covariates) {
    const values = getColumn(table, name);
    const factor =
      categorical.includes(name) ||
      spec.levels?.[name] !== undefined ||
      spec.reference?.[name] !== undefined ||
      isCategoricalColumn(values);
    if (factor) {
      const levelRows = categorical.includes(name)
        ? Int32Array.from({ length: values.length }, (_, i) => i)
        : rows;
      const labels = Array.from(levelRows, (r) => {
        const v = values[r];
        return isMissing(v) ? null : String(v).trim();
      });
      const levels = orderLevels(name, toCategorical(labels, `column '${name}'`).levels, spec);
      const columns = levels.slice(1).map((_, i) => p + i);
      p += columns.length;
      terms.push({ name, kind: 'categorical', levels, columns });
    } else {
      terms.push({ name, kind: 'numeric', levels: [], columns: [p++] });
    }
  }
  return terms;
}

/**
 * Builds the model matrix of `rows` of `table` for the given terms (so a fitted design can be applied to
 * new data), row-major.
 * @throws {TaceError} `INVALID_ARGUMENT` for a category not seen when fitting or a non-numeric value.
 */
export function buildDesign(table: TableLike, terms: readonly CoxTerm[], rows: Int32Array): CoxDesign {
  const columns = buildDesignColumns(table, terms, rows);
  return {
    terms: [...terms],
    names: columns.names,
    x: toRowMajor(columns.x, columns.n, columns.p),
    n: columns.n,
    p: columns.p,
  };
}

/** A model matrix, column-major (column c at `x[c * n]`), with R-style column names. */
export interface CoxDesignColumns {
  names: string[];
  x: Float64Array;
  n: number;
  p: number;
}

/**
 * {@link buildDesign}, column-major. With `order`, row k of the result is table row `rows[order[k]]` (e.g.
 * `rows` ascending and `order` sorting them by time): typed numeric columns are then read once in `rows`
 * order and scattered to their sorted places; other columns are gathered in the final order.
 * @throws {TaceError} `INVALID_ARGUMENT` for a category not seen when fitting or a non-numeric value.
 */
export function buildDesignColumns(
  table: TableLike,
  terms: readonly CoxTerm[],
  rows: Int32Array,
  order?: Int32Array,
): CoxDesignColumns {
  const names: string[] = [];
  for (const t of terms) {
    if (t.kind === 'numeric') names.push(t.name);
    else for (const level of t.levels.slice(1)) names.push(`${t.name}${level}`);
  }
  const n = rows.length;
  const p = names.length;
  const x = new Float64Array(n * p);
  const finalRows = order === undefined ? rows : takeRows(rows, order);
  let destination: Int32Array | null = null;
  for (const t of terms) {
    const values = getColumn(table, t.name);
    if (t.kind === 'numeric') {
      const c = t.columns[0];
      const out = x.subarray(c * n, (c + 1) * n);
      if (order !== undefined) {
        destination ??= inversePermutation(order);
        if (scatterNumericInto(values, rows, destination, out)) continue;
      }
      gatherNumericInto(values, finalRows, `column '${t.name}'`, out);
    } else {
      const labels = Array.from(finalRows, (r) => (isMissing(values[r]) ? null : String(values[r]).trim()));
      const { codes } = toCategorical(labels, `column '${t.name}'`, { levels: t.levels });
      for (let i = 0; i < n; i++) if (codes[i] > 0) x[t.columns[codes[i] - 1] * n + i] = 1;
    }
  }
  return { names, x, n, p };
}

/** The inverse of a permutation of 0..n-1: `inverse[order[k]] = k`. */
function inversePermutation(order: Int32Array): Int32Array {
  const inverse = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) inverse[order[k]] = k;
  return inverse;
}

/** Rows per block of {@link toRowMajor}: the block's p output rows stay in cache while each column is read. */
const TRANSPOSE_BLOCK = 512;

/** The row-major copy (n x p) of a column-major matrix, transposed in blocks of rows (cache-friendly). */
export function toRowMajor(columns: Float64Array, n: number, p: number): Float64Array {
  const x = new Float64Array(n * p);
  for (let i0 = 0; i0 < n; i0 += TRANSPOSE_BLOCK) {
    const i1 = Math.min(n, i0 + TRANSPOSE_BLOCK);
    for (let c = 0; c < p; c++) {
      const col = c * n;
      for (let i = i0; i < i1; i++) x[i * p + c] = columns[col + i];
    }
  }
  return x;
}

/**
 * Throws when a design column is constant (it has no effect to estimate).
 * @throws {TaceError} `INVALID_ARGUMENT` naming the column.
 */
export function assertNoConstantColumn(design: CoxDesignColumns): void {
  const { x, n, p, names } = design;
  for (let c = 0; c < p; c++) {
    const col = c * n;
    let constant = true;
    for (let i = 1; i < n && constant; i++) if (x[col + i] !== x[col]) constant = false;
    if (constant) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `covariate '${names[c]}' is constant (${x[col]}) in the rows used`,
        {
          param: `column '${names[c]}'`,
          remedy: 'drop it from covariates; a constant has no effect to estimate in a Cox model',
        },
      );
    }
  }
}
