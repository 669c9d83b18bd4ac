import { join } from 'node:path';
import { sharedDataPath } from '@tace/core';
import { type Discretised, discretise, readBaselineCsv, readNrrd } from './helpers.js';

export const PYRAD_DIR = sharedDataPath('radiomics/pyradiomics');
export const CASES = ['brain1', 'brain2', 'breast1'] as const;

/** The baseline variants whose settings the texture area reproduces on its own (no resampling / normalisation). */
export const VARIANTS: Record<
  string,
  { binWidth?: number; binCount?: number; resegmentLower?: number; force2D?: boolean; merged?: boolean }
> = {
  '': { binWidth: 25 },
  _2d: { binWidth: 25, force2D: true },
  _FBN: { binCount: 64 },
  _combined: { binWidth: 25, merged: true },
  _flatRegion: { binWidth: 5000, resegmentLower: 0 },
};

const cache = new Map<string, Discretised>();

export function loadCase(name: string, variant: string): Discretised {
  const key = `${name}${variant}`;
  let hit = cache.get(key);
  if (hit === undefined) {
    const dir = PYRAD_DIR!;
    const image = readNrrd(join(dir, `${name}_image.nrrd`));
    const mask = readNrrd(join(dir, `${name}_label.nrrd`));
    hit = discretise(image, mask, VARIANTS[variant]);
    cache.set(key, hit);
  }
  return hit;
}

export function baselineValues(family: string): Map<string, Map<string, number>> {
  const { columns, rows } = readBaselineCsv(join(PYRAD_DIR!, 'baseline', `baseline_${family}.csv`));
  const out = new Map<string, Map<string, number>>();
  columns.forEach((column, c) => {
    const values = new Map<string, number>();
    for (const [name, cells] of rows) {
      const prefix = `original_${family}_`;
      if (name.startsWith(prefix)) values.set(name.slice(prefix.length), Number(cells[c]));
    }
    out.set(column, values);
  });
  return out;
}
