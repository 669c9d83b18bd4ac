import { TaceError } from '@tace/core';
import type { Dataset, Group } from 'h5wasm';
import { attrValue, isDataset, isGroup, stringAttr } from './h5wasm.js';
import type { Column, DataFrame } from './types.js';
import {
  bigIntsToFloat64,
  readCategories,
  readInt32,
  readPlainColumn,
  readRaw,
  readStrings,
} from './values.js';

/** Normalises a `column-order` attribute (string array, single string, or empty numeric array). */
function columnOrderOf(node: Group): string[] {
  const value = attrValue(node, 'column-order');
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.map(String);
  return [];
}

function readBooleanAttr(node: Dataset | Group, name: string): boolean {
  const value = attrValue(node, name);
  if (ArrayBuffer.isView(value)) return (value as unknown as ArrayLike<number>)[0] !== 0;
  if (Array.isArray(value)) return Boolean(value[0]);
  return Boolean(value);
}

/** AnnData >= 0.8 encoded column groups: categorical, nullable-integer, nullable-boolean. */
function readEncodedColumnGroup(group: Group, file: string): Column {
  const encoding = stringAttr(group, 'encoding-type');
  if (encoding === 'categorical') {
    return {
      kind: 'categorical',
      codes: readInt32(group.get('codes') as Dataset, file),
      categories: readCategories(group.get('categories') as Dataset, file),
      ordered: readBooleanAttr(group, 'ordered'),
    };
  }
  if (encoding === 'nullable-integer' || encoding === 'nullable-boolean') {
    const values = group.get('values') as Dataset;
    const mask = Uint8Array.from(readRaw(group.get('mask') as Dataset, file) as ArrayLike<number>);
    const raw = readRaw(values, file);
    const data =
      encoding === 'nullable-boolean'
        ? Uint8Array.from(raw as ArrayLike<number>)
        : raw instanceof BigInt64Array || raw instanceof BigUint64Array
          ? bigIntsToFloat64(raw, values.path)
          : Float64Array.from(raw as ArrayLike<number>);
    return { kind: encoding, values: data, mask };
  }
  throw new TaceError(
    'UNSUPPORTED',
    `column ${group.path} has encoding-type '${encoding ?? '(none)'}' (version ${stringAttr(group, 'encoding-version') ?? '?'}), which this reader does not implement`,
    { param: file, remedy: 'convert the column to a categorical, numeric or string column in Python' },
  );
}

/** AnnData 0.7: integer codes with a `categories` object reference to `__categories/<name>`. */
function readReferencedCategorical(ds: Dataset, parent: Group, name: string, file: string): Column {
  let categories: Dataset | null = null;
  try {
    const ref = ds.get_attribute('categories', false) as unknown;
    const target = ds.dereference((Array.isArray(ref) ? ref[0] : ref) as never);
    if (isDataset(target)) categories = target;
  } catch {
    categories = null;
  }
  if (categories === null) {
    const fallback = parent.get(`__categories/${name}`);
    if (!isDataset(fallback))
      throw new TaceError('PARSE_ERROR', `categorical column ${ds.path} has no readable categories`, {
        param: file,
      });
    categories = fallback;
  }
  return {
    kind: 'categorical',
    codes: readInt32(ds, file),
    categories: readCategories(categories, file),
    ordered: readBooleanAttr(categories, 'ordered'),
  };
}

/** Reads an AnnData 0.7/0.8 dataframe group. */
function readDataFrameGroup(group: Group, file: string): DataFrame {
  const indexKey = stringAttr(group, '_index') ?? '_index';
  const indexDs = group.get(indexKey);
  if (!isDataset(indexDs))
    throw new TaceError('PARSE_ERROR', `dataframe ${group.path} has no index dataset '${indexKey}'`, {
      param: file,
    });
  const index = readStrings(indexDs, file);
  const columnOrder = columnOrderOf(group);
  const columns: Record<string, Column> = {};
  for (const name of columnOrder) {
    const entity = group.get(name);
    if (isGroup(entity)) columns[name] = readEncodedColumnGroup(entity, file);
    else if (isDataset(entity) && 'categories' in entity.attrs)
      columns[name] = readReferencedCategorical(entity, group, name, file);
    else if (isDataset(entity)) columns[name] = readPlainColumn(entity, file);
    else throw new TaceError('PARSE_ERROR', `column '${name}' of ${group.path} is missing`, { param: file });
  }
  return { index, columnOrder, columns };
}

function compoundMemberColumn(
  values: unknown[],
  member: { type: number; size: number; signed: boolean },
): Column {
  const n = values.length;
  if (member.type === 3) return { kind: 'string', values: values.map(String) };
  if (member.type === 8 && member.size === 1)
    return { kind: 'boolean', values: Uint8Array.from(values as number[], (v) => (v ? 1 : 0)) };
  if (member.type === 1) {
    const out = member.size === 4 ? new Float32Array(n) : new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = values[i] as number;
    return { kind: 'numeric', dtype: `float${member.size * 8}`, values: out };
  }
  if (member.type === 0) {
    const dtype = `${member.signed ? 'int' : 'uint'}${member.size * 8}`;
    if (member.size === 8) {
      const big = BigInt64Array.from(values as (bigint | number)[], (v) => BigInt(v));
      return { kind: 'numeric', dtype, values: bigIntsToFloat64(big, 'compound field') };
    }
    const Ctor = member.signed
      ? member.size === 1
        ? Int8Array
        : member.size === 2
          ? Int16Array
          : Int32Array
      : member.size === 1
        ? Uint8Array
        : member.size === 2
          ? Uint16Array
          : Uint32Array;
    return { kind: 'numeric', dtype, values: Ctor.from(values as number[]) };
  }
  throw new TaceError('UNSUPPORTED', `compound field of HDF5 class ${member.type} is not supported`);
}

/** Legacy (AnnData <= 0.6) dataframe: one compound dataset, first field = index. */
function readCompoundDataFrame(ds: Dataset, file: string): DataFrame {
  const members = ds.metadata.compound_type?.members ?? [];
  const rows = readRaw(ds, file) as unknown[][];
  if (members.length === 0)
    throw new TaceError('PARSE_ERROR', `legacy dataframe ${ds.path} has no fields`, { param: file });
  const index = rows.map((r) => String(r[0]));
  const columnOrder: string[] = [];
  const columns: Record<string, Column> = {};
  for (let m = 1; m < members.length; m++) {
    const member = members[m];
    columnOrder.push(member.name);
    columns[member.name] = compoundMemberColumn(
      rows.map((r) => r[m]),
      member,
    );
  }
  return { index, columnOrder, columns };
}

/**
 * Reads an obs/var dataframe in any layout: AnnData >= 0.8 (`encoding-type: dataframe` 0.2.0, categorical and
 * nullable groups), 0.7 (0.1.0, codes with `__categories` references), or legacy compound datasets.
 * @throws {TaceError} `UNSUPPORTED` naming an unknown encoding.
 */
export function readDataFrame(node: Dataset | Group, file: string): DataFrame {
  if (isDataset(node)) {
    if (node.metadata.type === 6) return readCompoundDataFrame(node, file);
    throw new TaceError('UNSUPPORTED', `dataframe ${node.path} is a non-compound dataset`, { param: file });
  }
  const encoding = stringAttr(node, 'encoding-type');
  if (encoding === 'dataframe' || (encoding === undefined && '_index' in node.attrs))
    return readDataFrameGroup(node, file);
  throw new TaceError(
    'UNSUPPORTED',
    `dataframe ${node.path} has encoding-type '${encoding ?? '(none)'}', which this reader does not implement`,
    { param: file },
  );
}

/**
 * Applies the legacy convention of categories stored in `uns/<column>_categories` (AnnData's `_clean_uns`):
 * an integer column whose codes are all below the number of categories becomes categorical. Returns the
 * `uns` keys consumed.
 */
export function applyLegacyCategories(
  frames: DataFrame[],
  legacyCategories: Map<string, (string | number)[]>,
): Set<string> {
  const consumed = new Set<string>();
  for (const [key, categories] of legacyCategories) {
    const name = key.slice(0, -'_categories'.length);
    for (const frame of frames) {
      const column = frame.columns[name];
      if (column === undefined || column.kind !== 'numeric' || column.dtype.startsWith('float')) continue;
      const codes = Int32Array.from(column.values as ArrayLike<number>);
      if (!codes.every((c) => c < categories.length)) continue;
      frame.columns[name] = { kind: 'categorical', codes, categories, ordered: false };
      consumed.add(key);
    }
  }
  return consumed;
}
