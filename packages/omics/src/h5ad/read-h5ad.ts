import { TaceError } from '@tace/core';
import type { Dataset, File, Group } from 'h5wasm';
import { asH5ReadError, closeQuietly, isDataset, isGroup, openH5, stringAttr } from './h5wasm.js';
import { applyLegacyCategories, readDataFrame } from './read-dataframe.js';
import { readElement } from './read-element.js';
import { readMatrix } from './read-matrix.js';
import { readUns } from './read-uns.js';
import type {
  AnnData,
  AnnDataMatrix,
  AnnDataRaw,
  Column,
  DataFrame,
  DenseArray,
  H5adEncoding,
  SparseMatrix,
  UnsValue,
} from './types.js';
import { readRaw } from './values.js';

/** Options of {@link readH5ad}. Every part can be skipped to read less. */
export interface ReadH5adOptions {
  /** Read `X` (anndata `adata.X`). @default true */
  X?: boolean;
  /** Read `layers`. @default true */
  layers?: boolean;
  /** Read `raw` (`raw/X`, `raw/var`; legacy `raw.X`, `raw.var`). @default true */
  raw?: boolean;
  /** Read `obsm` (dense arrays into `obsm`, sparse matrices and dataframes into `axisElements`). @default true */
  obsm?: boolean;
  /** Read `varm` (as `obsm`). @default true */
  varm?: boolean;
  /** Read `obsp` (cell x cell graphs; large for large files, see `readH5adElement`). @default true */
  obsp?: boolean;
  /** Read `varp`. @default true */
  varp?: boolean;
  /** Read `uns` scalars, strings and 1-D arrays. @default true */
  uns?: boolean;
  /**
   * Keep only these genes (var names), in this order, selected before reading: `X`, `layers`, `var` and the
   * rows of dense `varm` arrays are subset (CSR block by block, so memory follows the selection); `raw` is
   * left whole; `varp` and non-dense `varm` entries are then not read and are listed in `skipped`. Like
   * `adata[:, genes]` in anndata. @default all genes
   */
  genes?: readonly string[];
}

function detectEncoding(file: File): H5adEncoding {
  const obs = file.get('obs');
  if (isDataset(obs)) return 'legacy';
  if (isGroup(obs)) {
    const version = stringAttr(obs, 'encoding-version');
    if (version === '0.1.0' || obs.keys().includes('__categories')) return 'anndata-0.7';
    return 'anndata-0.8';
  }
  throw new TaceError('PARSE_ERROR', `${file.filename} has no obs dataframe`, {
    param: file.filename,
    remedy: 'check that the file is an AnnData .h5ad file',
  });
}

function selectFrame(frame: DataFrame, rows: Int32Array): DataFrame {
  const pick = <T>(values: ArrayLike<T>, make: (n: number) => { [i: number]: T }): { [i: number]: T } => {
    const out = make(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
    return out;
  };
  const columns: Record<string, Column> = {};
  for (const name of frame.columnOrder) {
    const c = frame.columns[name];
    if (c.kind === 'string')
      columns[name] = { kind: 'string', values: pick(c.values, (n) => new Array<string>(n)) as string[] };
    else if (c.kind === 'categorical')
      columns[name] = { ...c, codes: pick(c.codes, (n) => new Int32Array(n)) as Int32Array };
    else if (c.kind === 'boolean')
      columns[name] = { kind: 'boolean', values: pick(c.values, (n) => new Uint8Array(n)) as Uint8Array };
    else if (c.kind === 'numeric') {
      const values = c.values;
      const Ctor = values.constructor as new (n: number) => typeof values;
      columns[name] = { ...c, values: pick(values, (n) => new Ctor(n)) as typeof values };
    } else {
      const values = c.values;
      const Ctor = values.constructor as new (n: number) => typeof values;
      columns[name] = {
        kind: c.kind,
        values: pick(values, (n) => new Ctor(n)) as typeof values,
        mask: pick(c.mask, (n) => new Uint8Array(n)) as Uint8Array,
      };
    }
  }
  return { index: Array.from(rows, (r) => frame.index[r]), columnOrder: [...frame.columnOrder], columns };
}

/** Resolves gene names to var positions. @throws {TaceError} `COLUMN_NOT_FOUND` listing absent genes. */
export function resolveGenes(
  varIndex: readonly string[],
  genes: readonly string[],
  file: string,
): Int32Array {
  const position = new Map<string, number>();
  varIndex.forEach((g, i) => {
    if (!position.has(g)) position.set(g, i);
  });
  const missing = genes.filter((g) => !position.has(g));
  if (missing.length > 0)
    throw new TaceError(
      'COLUMN_NOT_FOUND',
      `${missing.length} of ${genes.length} genes are not in var_names: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}`,
      { param: file, remedy: 'intersect the gene list with the var names first' },
    );
  return Int32Array.from(genes, (g) => position.get(g)!);
}

/** Reads an `obsm`/`varm` group: dense arrays into `dense`, sparse matrices and dataframes into `other`. */
function readAxisArrays(
  node: Dataset | Group | null,
  file: string,
  skipped: string[],
  other: Record<string, SparseMatrix | DataFrame>,
  rows?: Int32Array,
): Record<string, DenseArray> {
  const out: Record<string, DenseArray> = {};
  if (isDataset(node)) return readLegacyObsm(node, file);
  if (!isGroup(node)) return out;
  const slot = node.path.replace(/^\//, '');
  for (const key of node.keys()) {
    const entity = node.get(key) as Dataset | Group;
    if (rows !== undefined && !(isDataset(entity) && (entity.shape?.length ?? 0) === 2)) {
      skipped.push(`${entity.path} (not subset by genes)`);
      continue;
    }
    const value = readElement(entity, file);
    if (value === null) skipped.push(entity.path);
    else if ('format' in value && value.format === 'dense')
      out[key] = rows === undefined ? value : selectDenseRows(value, rows);
    else other[`${slot}/${key}`] = value;
  }
  return out;
}

/** The rows `rows` of a row-major dense array. */
function selectDenseRows(m: DenseArray, rows: Int32Array): DenseArray {
  const width = m.shape[1];
  const data = new (m.data instanceof Float32Array ? Float32Array : Float64Array)(rows.length * width);
  for (let i = 0; i < rows.length; i++)
    data.set(m.data.subarray(rows[i] * width, (rows[i] + 1) * width), i * width);
  return { format: 'dense', shape: [rows.length, width], data };
}

/** Reads an `obsp`/`varp` group: every entry a matrix (dense, CSR or CSC). */
function readPairwise(
  node: Dataset | Group | null,
  file: string,
  skipped: string[],
): Record<string, AnnDataMatrix> {
  const out: Record<string, AnnDataMatrix> = {};
  if (!isGroup(node)) return out;
  for (const key of node.keys()) {
    const entity = node.get(key) as Dataset | Group;
    const value = readElement(entity, file);
    if (value === null || !('format' in value)) skipped.push(entity.path);
    else out[key] = value;
  }
  return out;
}

/** Legacy obsm: one compound dataset whose fields are fixed-size arrays. */
function readLegacyObsm(node: Dataset, file: string): Record<string, DenseArray> {
  const out: Record<string, DenseArray> = {};
  const members = node.metadata.compound_type?.members ?? [];
  const rows = readRaw(node, file) as unknown[][];
  members.forEach((member, m) => {
    const element = member.array_type ?? member;
    const width = (element.shape ?? []).reduce((a: number, b: number) => a * b, 1);
    const data =
      element.size === 4 ? new Float32Array(rows.length * width) : new Float64Array(rows.length * width);
    rows.forEach((row, r) => {
      const cell = row[m];
      if (Array.isArray(cell) || ArrayBuffer.isView(cell)) data.set(cell as ArrayLike<number>, r * width);
      else data[r * width] = cell as number;
    });
    out[member.name] = { format: 'dense', shape: [rows.length, width], data };
  });
  return out;
}

function collectLegacyCategories(uns: Group | null, file: string): Map<string, (string | number)[]> {
  const found = new Map<string, (string | number)[]>();
  if (!isGroup(uns)) return found;
  for (const key of uns.keys()) {
    if (!key.endsWith('_categories')) continue;
    const ds = uns.get(key);
    if (!isDataset(ds)) continue;
    const raw = readRaw(ds, file);
    const values =
      typeof raw === 'string' || typeof raw === 'number'
        ? [raw]
        : Array.from(raw as ArrayLike<string | number>);
    found.set(
      key,
      values.map((v) => (typeof v === 'bigint' ? Number(v) : v)),
    );
  }
  return found;
}

/**
 * Reads an AnnData `.h5ad` file with h5wasm (throwing error handler on). Supports every layout in use:
 * AnnData >= 0.8 (`encoding-type`/`encoding-version` attributes), 0.7 (`__categories` references, `_index`),
 * and the pre-0.7 legacy layout (compound `obs`/`var`, `uns/<col>_categories`, `raw.X`, h5sparse groups);
 * `X`, `layers`, `obsm`, `varm`, `obsp` and `varp` dense, CSR or CSC (`obsm`/`varm` dataframes too). Field
 * for field equal to what python `anndata` 0.8 reads (see the fixtures in `test/fixtures/anndata`); what is
 * not read is listed in `skipped`. One element of a large file: {@link readH5adElement}.
 *
 * @param path - file path.
 * @throws {TaceError} `IO_ERROR` when the file cannot be opened or read; `UNSUPPORTED` naming an unknown
 *   encoding or compression filter (e.g. lzf, blosc); `COLUMN_NOT_FOUND` for genes absent from var.
 * @example
 * ```ts
 * const adata = await readH5ad('pbmc.h5ad', { genes: ['CD8A', 'GZMB'] });
 * adata.shape; // [700, 2]
 * ```
 */
export async function readH5ad(path: string, options: ReadH5adOptions = {}): Promise<AnnData> {
  const file = await openH5(path);
  try {
    const encoding = detectEncoding(file);
    const legacy = encoding === 'legacy';
    const skipped: string[] = [];
    const get = (key: string): Dataset | Group | null =>
      file.keys().includes(key) ? (file.get(key) as Dataset | Group) : null;
    const obs = readDataFrame(get('obs')!, path);
    let varFrame = readDataFrame(get('var')!, path);
    const rawVarNode = legacy
      ? get('raw.var')
      : isGroup(get('raw'))
        ? ((get('raw') as Group).get('var') as Dataset | Group | null)
        : null;
    const rawVar = options.raw !== false && rawVarNode !== null ? readDataFrame(rawVarNode, path) : null;
    const legacyCategories = collectLegacyCategories(get('uns') as Group | null, path);
    const consumed = applyLegacyCategories([obs, varFrame, ...(rawVar ? [rawVar] : [])], legacyCategories);

    const columns =
      options.genes === undefined ? undefined : resolveGenes(varFrame.index, options.genes, path);
    if (columns !== undefined) varFrame = selectFrame(varFrame, columns);

    const xNode = get('X');
    const X = options.X !== false && xNode !== null ? readMatrix(xNode, path, columns) : null;

    const layers: Record<string, AnnDataMatrix> = {};
    const layersNode = get('layers');
    if (options.layers !== false && isGroup(layersNode))
      for (const key of layersNode.keys())
        layers[key] = readMatrix(layersNode.get(key) as Dataset | Group, path, columns);

    let raw: AnnDataRaw | null = null;
    if (rawVar !== null) {
      const rawX = legacy ? get('raw.X') : ((get('raw') as Group).get('X') as Dataset | Group | null);
      if (rawX !== null) raw = { X: readMatrix(rawX, path), var: rawVar };
    }

    const axisElements: Record<string, SparseMatrix | DataFrame> = {};
    const obsm = options.obsm === false ? {} : readAxisArrays(get('obsm'), path, skipped, axisElements);
    const varm =
      options.varm === false ? {} : readAxisArrays(get('varm'), path, skipped, axisElements, columns);
    const obsp = options.obsp === false ? {} : readPairwise(get('obsp'), path, skipped);
    let varp: Record<string, AnnDataMatrix> = {};
    if (options.varp !== false && columns !== undefined && isGroup(get('varp')))
      for (const key of (get('varp') as Group).keys()) skipped.push(`/varp/${key} (not subset by genes)`);
    else if (options.varp !== false) varp = readPairwise(get('varp'), path, skipped);
    let uns: Record<string, UnsValue> = {};
    const unsNode = get('uns');
    if (options.uns !== false && isGroup(unsNode)) {
      uns = readUns(unsNode, path, skipped, legacy);
      for (const key of consumed) delete uns[key];
    }
    for (const key of file.keys()) if (key === 'raw.varm') skipped.push(`/${key}`);

    const nObs = obs.index.length;
    return {
      shape: [nObs, varFrame.index.length],
      obs,
      var: varFrame,
      X,
      layers,
      raw,
      obsm,
      varm,
      obsp,
      varp,
      axisElements,
      uns,
      encoding,
      skipped,
    };
  } catch (error) {
    throw asH5ReadError(error, path);
  } finally {
    closeQuietly(file);
  }
}

/**
 * Reads only the cell annotations (`obs`) of an h5ad file, for example to join cell types and patients
 * before scoring a large file row by row.
 * @throws {TaceError} as {@link readH5ad}.
 * @example const obs = await readH5adObs('cells.h5ad'); obs.columns.cell_type
 */
export async function readH5adObs(path: string): Promise<DataFrame> {
  const file = await openH5(path);
  try {
    const obs = readDataFrame(file.get('obs') as Dataset | Group, path);
    applyLegacyCategories([obs], collectLegacyCategories(file.get('uns') as Group | null, path));
    return obs;
  } catch (error) {
    throw asH5ReadError(error, path);
  } finally {
    closeQuietly(file);
  }
}
