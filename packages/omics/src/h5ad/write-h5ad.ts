import { randomBytes } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TaceError } from '@tace/core';
import type { Group } from 'h5wasm';
import { loadH5wasm } from './h5wasm.js';
import type { AnnDataMatrix, Column, DataFrame, DenseArray, SparseMatrix, UnsValue } from './types.js';

/** What {@link writeH5ad} writes: cell annotations (e.g. scores), gene annotations and optionally X. */
export interface H5adContent {
  obs: DataFrame;
  var: DataFrame;
  /** Dense (row-major), CSR or CSC, `obs x var`. @default none (anndata reads X as None) */
  X?: AnnDataMatrix;
  /** Cell embeddings (`X_pca`, `X_umap`, ...), row-major `obs x k`. @default none */
  obsm?: Record<string, DenseArray>;
  /** Gene embeddings (e.g. scanpy's `PCs` loadings), row-major `var x k`. @default none */
  varm?: Record<string, DenseArray>;
  /** Other matrices of X's shape (e.g. `counts`). @default none */
  layers?: Record<string, AnnDataMatrix>;
  /** Cell x cell graphs (e.g. a neighbour graph), CSR or CSC. @default none */
  obsp?: Record<string, SparseMatrix>;
  /** Unstructured metadata: strings, finite numbers, arrays of either, nested objects. @default none */
  uns?: Record<string, UnsValue>;
}

function setEncoding(node: Group | ReturnType<Group['create_dataset']>, type: string, version: string): void {
  node.create_attribute('encoding-type', type);
  node.create_attribute('encoding-version', version);
}

function stringArray(group: Group, name: string, values: readonly string[]): void {
  const ds = group.create_dataset({ name, data: values as string[], dtype: 'S' });
  setEncoding(ds, 'string-array', '0.2.0');
}

function numericArray(group: Group, name: string, data: ArrayBufferView): void {
  const ds = group.create_dataset({ name, data: data as Float64Array });
  setEncoding(ds, 'array', '0.2.0');
}

function writeColumn(group: Group | null, name: string, column: Column, file: string): void {
  if (group === null || column.kind === 'nullable-integer' || column.kind === 'nullable-boolean') {
    throw new TaceError('UNSUPPORTED', `column '${name}' is ${column.kind}, which writeH5ad cannot write`, {
      param: file,
      remedy:
        'h5wasm cannot create the HDF5 boolean enum a pandas mask needs: write the column as float64 with NaN, or as a categorical',
    });
  }
  if (column.kind === 'string') stringArray(group, name, column.values);
  else if (column.kind === 'numeric') numericArray(group, name, column.values);
  else if (column.kind === 'boolean') numericArray(group, name, column.values);
  else if (column.kind === 'categorical') {
    // AnnData 0.7 layout: codes + a `categories` object reference to __categories/<name>. The 0.8 layout
    // needs a numpy-bool `ordered` attribute (an HDF5 enum), which h5wasm cannot create; anndata reads both.
    const store = group.keys().includes('__categories')
      ? (group.get('__categories') as Group)
      : group.create_group('__categories');
    const categories = column.categories.every((c) => typeof c === 'string')
      ? store.create_dataset({ name, data: column.categories as string[], dtype: 'S' })
      : store.create_dataset({ name, data: Float64Array.from(column.categories as number[]) });
    categories.create_attribute('ordered', Uint8Array.of(column.ordered ? 1 : 0), []);
    const n = column.categories.length;
    const codes = group.create_dataset({
      name,
      data: n < 128 ? Int8Array.from(column.codes) : n < 32768 ? Int16Array.from(column.codes) : column.codes,
    });
    codes.create_attribute('categories', categories.create_reference());
  }
}

function writeFrame(root: Group, name: string, frame: DataFrame, file: string): void {
  const g = root.create_group(name);
  setEncoding(
    g,
    'dataframe',
    frame.columnOrder.some((c) => frame.columns[c].kind === 'categorical') ? '0.1.0' : '0.2.0',
  );
  g.create_attribute('_index', '_index');
  if (frame.columnOrder.length > 0)
    g.create_attribute('column-order', frame.columnOrder as string[], [frame.columnOrder.length], 'S');
  else g.create_attribute('column-order', new Float64Array(0), [0]);
  stringArray(g, '_index', frame.index);
  for (const column of frame.columnOrder) writeColumn(g, column, frame.columns[column], file);
}

function writeMatrix(root: Group, name: string, m: AnnDataMatrix): void {
  if (m.format === 'dense') {
    const ds = root.create_dataset({ name, data: m.data, shape: m.shape });
    setEncoding(ds, 'array', '0.2.0');
    return;
  }
  const g = root.create_group(name);
  setEncoding(g, `${m.format}_matrix`, '0.1.0');
  g.create_attribute(
    'shape',
    BigInt64Array.from(m.shape, (v) => BigInt(v)),
    [2],
  );
  g.create_dataset({ name: 'data', data: m.data });
  // scipy wants one index dtype for indices and indptr: int32 while nnz fits, int64 for both beyond.
  const wide = m.indptr[m.indptr.length - 1] > 2147483647;
  g.create_dataset({
    name: 'indices',
    data: wide ? BigInt64Array.from(m.indices, (v) => BigInt(v)) : m.indices,
  });
  g.create_dataset({
    name: 'indptr',
    data: wide ? BigInt64Array.from(m.indptr, (v) => BigInt(v)) : Int32Array.from(m.indptr),
  });
}

function writeUns(group: Group, values: Record<string, UnsValue>, where: string): void {
  for (const [key, value] of Object.entries(values)) {
    if (key.includes('/') || key === '')
      throw new TaceError(
        'INVALID_ARGUMENT',
        `uns key '${where}/${key}' is empty or contains '/' (an HDF5 path separator)`,
        {
          param: `${where}/${key}`,
          remedy: 'rename the key',
        },
      );
    if (typeof value === 'string') {
      const ds = group.create_dataset({ name: key, data: value });
      setEncoding(ds, 'string', '0.2.0');
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      const ds = group.create_dataset({ name: key, data: Number(value) });
      setEncoding(ds, 'numeric-scalar', '0.2.0');
    } else if (Array.isArray(value)) {
      if (value.every((v) => typeof v === 'string')) stringArray(group, key, value as string[]);
      else numericArray(group, key, Float64Array.from(value as number[]));
    } else {
      const sub = group.create_group(key);
      setEncoding(sub, 'dict', '0.1.0');
      writeUns(sub, value, `${where}/${key}`);
    }
  }
}

function writeMatrices(
  root: Group,
  name: string,
  matrices: Record<string, AnnDataMatrix> | undefined,
  rows: number,
  cols: number | null,
): void {
  const g = root.create_group(name);
  setEncoding(g, 'dict', '0.1.0');
  for (const [key, m] of Object.entries(matrices ?? {})) {
    if (m.shape[0] !== rows || (cols !== null && m.shape[1] !== cols))
      throw new TaceError(
        'LENGTH_MISMATCH',
        `${name}['${key}'] is ${m.shape[0]} x ${m.shape[1]}, expected ${rows} x ${cols ?? 'k'}`,
        { param: `${name}.${key}` },
      );
    writeMatrix(g, key, m);
  }
}

/**
 * Writes a small AnnData `.h5ad` (AnnData >= 0.8 encoding) that python `anndata.read_h5ad` reads back:
 * `obs`/`var` dataframes with numeric, string and categorical columns (code -1 = missing), and optionally X
 * (dense, CSR or CSC; int32 indices, int64 beyond 2^31 non-zeros). Meant for results such as per-cell scores. h5wasm cannot create the
 * HDF5 enum numpy uses for bool, hence: a dataframe with categoricals is written in the AnnData 0.7 layout
 * (`__categories` references, which anndata still reads), boolean columns are stored as uint8, and
 * nullable columns are refused. Also writes `obsm`, `varm`, `obsp` and `uns` (strings, numbers, arrays, nested
 * dicts; booleans as 0/1). Checked with python anndata 0.8 (`test/fixtures/anndata/check_written.py`,
 * `test/annotate/annotate-h5ad.test.ts`).
 *
 * @throws {TaceError} `LENGTH_MISMATCH` when X does not match obs x var; `UNSUPPORTED` for nullable columns;
 *   `IO_ERROR` when the file cannot be written.
 * @example
 * ```ts
 * await writeH5ad('scores.h5ad', {
 *   obs: { index: cells, columnOrder: ['hypoxia'], columns: { hypoxia: { kind: 'numeric', dtype: 'float64', values: scores } } },
 *   var: { index: [], columnOrder: [], columns: {} },
 * });
 * ```
 */
export async function writeH5ad(path: string, content: H5adContent): Promise<void> {
  const { obs, X } = content;
  const varFrame = content.var;
  for (const [what, frame] of [
    ['obs', obs],
    ['var', varFrame],
  ] as const)
    for (const name of frame.columnOrder) {
      const c = frame.columns[name];
      if (c.kind === 'nullable-integer' || c.kind === 'nullable-boolean') writeColumn(null, name, c, path);
      const n = c.kind === 'categorical' ? c.codes.length : c.values.length;
      if (n !== frame.index.length)
        throw new TaceError(
          'LENGTH_MISMATCH',
          `${what} column '${name}' has ${n} values for ${frame.index.length} rows`,
          {
            param: `${what}.${name}`,
          },
        );
    }
  if (X !== undefined && (X.shape[0] !== obs.index.length || X.shape[1] !== varFrame.index.length))
    throw new TaceError(
      'LENGTH_MISMATCH',
      `X is ${X.shape[0]} x ${X.shape[1]} but obs x var is ${obs.index.length} x ${varFrame.index.length}`,
      { param: 'X' },
    );
  const h5 = await loadH5wasm();
  // Written to a temporary file in the same folder, then renamed: a crash never leaves a partial .h5ad.
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  let file: InstanceType<typeof h5.File>;
  try {
    file = new h5.File(temporary, 'w');
  } catch (cause) {
    throw new TaceError('IO_ERROR', `cannot create ${path}`, { param: path, cause });
  }
  let complete = false;
  try {
    setEncoding(file, 'anndata', '0.1.0');
    writeFrame(file, 'obs', obs, path);
    writeFrame(file, 'var', varFrame, path);
    if (X !== undefined) writeMatrix(file, 'X', X);
    const nObs = obs.index.length;
    writeMatrices(file, 'obsm', content.obsm, nObs, null);
    writeMatrices(file, 'varm', content.varm, varFrame.index.length, null);
    writeMatrices(file, 'obsp', content.obsp, nObs, nObs);
    writeMatrices(file, 'layers', content.layers, nObs, varFrame.index.length);
    setEncoding(file.create_group('varp'), 'dict', '0.1.0');
    const uns = file.create_group('uns');
    setEncoding(uns, 'dict', '0.1.0');
    writeUns(uns, content.uns ?? {}, 'uns');
    complete = true;
  } finally {
    file.close();
    if (complete) renameSync(temporary, path);
    else rmSync(temporary, { force: true });
  }
}
