import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { AnnDataMatrix, Column, DataFrame } from '../../src/h5ad/index.js';

/** Shape of the `*.expected.json` fixtures written by `test/fixtures/anndata/make_fixtures.py`. */
export interface ExpectedColumn {
  kind: string;
  dtype?: string;
  values?: (number | string | boolean | null)[];
  codes?: number[];
  categories?: (string | number)[];
  ordered?: boolean;
}
export interface ExpectedFrame {
  index: string[];
  columnOrder: string[];
  columns: Record<string, ExpectedColumn>;
}
export interface ExpectedMatrix {
  format: string;
  dtype: string;
  shape: [number, number];
  nnz: number;
  sum: number;
  rowSums: number[];
  colSums: number[];
  samples: [number, number, number][];
}
export interface Expected {
  versions: Record<string, string>;
  shape: [number, number];
  obs: ExpectedFrame;
  var: ExpectedFrame;
  X: ExpectedMatrix | null;
  layers: Record<string, ExpectedMatrix>;
  raw: { X: ExpectedMatrix; var: ExpectedFrame } | null;
  obsm: Record<string, { shape: [number, number]; sum: number; row0: number[] }>;
  uns: Record<string, unknown>;
}

export const fixtureDir = new URL('../fixtures/anndata/', import.meta.url).pathname;

export function loadExpected(name: string): Expected {
  return JSON.parse(readFileSync(`${fixtureDir}${name}.expected.json`, 'utf8')) as Expected;
}

function expectColumn(actual: Column, expected: ExpectedColumn, where: string): void {
  expect(actual.kind, where).toBe(expected.kind);
  if (actual.kind === 'categorical') {
    expect(Array.from(actual.codes), where).toEqual(expected.codes);
    expect(actual.categories, where).toEqual(expected.categories);
    expect(actual.ordered, where).toBe(expected.ordered);
  } else if (actual.kind === 'string') {
    expect(actual.values, where).toEqual(expected.values);
  } else if (actual.kind === 'boolean') {
    expect(Array.from(actual.values, Boolean), where).toEqual(expected.values);
  } else if (actual.kind === 'numeric') {
    expect(actual.dtype, where).toBe(expected.dtype);
    // float32 values widen exactly to the doubles Python printed: exact equality; NaN <-> null.
    expect(
      Array.from(actual.values, (v) => (Number.isNaN(v) ? null : v)),
      where,
    ).toEqual(expected.values);
  } else {
    const values = Array.from(actual.values, (v, i) =>
      actual.mask[i] === 1 ? null : actual.kind === 'nullable-boolean' ? v === 1 : v,
    );
    expect(values, where).toEqual(expected.values);
  }
}

/** Index, column order and every value of every column equal anndata's. */
export function expectFrame(actual: DataFrame, expected: ExpectedFrame, where: string): void {
  expect(actual.index, `${where} index`).toEqual(expected.index);
  expect(actual.columnOrder, `${where} column order`).toEqual(expected.columnOrder);
  for (const name of expected.columnOrder)
    expectColumn(actual.columns[name], expected.columns[name], `${where}.${name}`);
}

function valueAt(m: AnnDataMatrix, i: number, j: number): number {
  if (m.format === 'dense') return m.data[i * m.shape[1] + j];
  const [major, minor] = m.format === 'csr' ? [i, j] : [j, i];
  for (let k = m.indptr[major]; k < m.indptr[major + 1]; k++) if (m.indices[k] === minor) return m.data[k];
  return 0;
}

/**
 * Format, dtype, shape, non-zero count and sample values exactly; total, row and column sums (float64
 * accumulation, different order from numpy) to a relative 1e-12.
 */
export function expectMatrix(actual: AnnDataMatrix, expected: ExpectedMatrix, where: string): void {
  expect(actual.format, where).toBe(expected.format);
  expect(actual.data instanceof Float32Array ? 'float32' : 'float64', where).toBe(expected.dtype);
  expect(actual.shape, where).toEqual(expected.shape);
  const [nr, nc] = actual.shape;
  const rows = new Float64Array(nr);
  const cols = new Float64Array(nc);
  let nnz = 0;
  for (let i = 0; i < nr; i++)
    for (let j = 0; j < nc; j++) {
      const v = valueAt(actual, i, j);
      if (v !== 0) nnz++;
      rows[i] += v;
      cols[j] += v;
    }
  if (actual.format !== 'dense') nnz = actual.indices.length;
  expect(nnz, `${where} nnz`).toBe(expected.nnz);
  const close = (a: ArrayLike<number>, b: number[], what: string) => {
    expect(a.length, what).toBe(b.length);
    for (let k = 0; k < b.length; k++)
      expect(Math.abs(a[k] - b[k]), `${what}[${k}]`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b[k])));
  };
  close(rows, expected.rowSums, `${where} row sums`);
  close(cols, expected.colSums, `${where} col sums`);
  close([rows.reduce((a, b) => a + b, 0)], [expected.sum], `${where} sum`);
  for (const [i, j, v] of expected.samples) expect(valueAt(actual, i, j), `${where}[${i},${j}]`).toBe(v);
}

/** Every uns entry anndata reads as a scalar/1-D array/dict equals ours (numbers compared as numbers). */
export function expectUns(actual: unknown, expected: unknown, where: string): void {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    for (const [k, v] of Object.entries(expected)) {
      expect(actual, `${where}.${k}`).toHaveProperty([k]);
      expectUns((actual as Record<string, unknown>)[k], v, `${where}.${k}`);
    }
  } else expect(actual, where).toEqual(expected);
}
