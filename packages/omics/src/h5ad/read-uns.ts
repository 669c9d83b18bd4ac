import type { Dataset, Group } from 'h5wasm';
import { isDataset, isGroup, stringAttr } from './h5wasm.js';
import { sparseFormatOf } from './sparse-source.js';
import type { UnsValue } from './types.js';
import { dtypeName, readRaw, readStrings } from './values.js';

function datasetValue(ds: Dataset, file: string, legacy: boolean): UnsValue | undefined {
  const shape = ds.shape ?? [];
  const dtype = dtypeName(ds);
  if (shape.length > 1 || dtype.startsWith('hdf5-class')) return undefined;
  if (dtype === 'string') {
    const strings = readStrings(ds, file);
    // Legacy files stored string scalars as one-element arrays; anndata unwraps them.
    return shape.length === 0 || (legacy && strings.length === 1) ? strings[0] : strings;
  }
  const raw = readRaw(ds, file);
  const toValue = (v: unknown): number | boolean =>
    dtype === 'bool' ? Boolean(v) : typeof v === 'bigint' ? Number(v) : (v as number);
  if (shape.length === 0)
    return toValue(ArrayBuffer.isView(raw) ? (raw as unknown as ArrayLike<unknown>)[0] : raw);
  const list = Array.from(raw as ArrayLike<unknown>, toValue);
  return dtype === 'bool' ? (list as boolean[]).map((b) => (b ? 1 : 0)) : (list as number[]);
}

/**
 * Reads `uns` (or a nested dictionary): scalars, strings and 1-D arrays; anything else (matrices,
 * rec-arrays, sparse graphs, dataframes) is listed in `skipped` instead. `legacy` unwraps one-element
 * string arrays, as anndata does for pre-0.7 files.
 */
export function readUns(
  group: Group,
  file: string,
  skipped: string[],
  legacy: boolean,
): Record<string, UnsValue> {
  const out: Record<string, UnsValue> = {};
  for (const key of group.keys()) {
    const entity = group.get(key);
    if (isDataset(entity)) {
      const value = datasetValue(entity, file, legacy);
      if (value === undefined) skipped.push(entity.path);
      else out[key] = value;
    } else if (isGroup(entity)) {
      const encoding = stringAttr(entity, 'encoding-type');
      if (sparseFormatOf(entity) !== null || (encoding !== undefined && encoding !== 'dict')) {
        skipped.push(entity.path);
        continue;
      }
      out[key] = readUns(entity, file, skipped, legacy);
    }
  }
  return out;
}
