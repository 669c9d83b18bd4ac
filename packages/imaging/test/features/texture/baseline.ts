import { join } from 'node:path';
import { sharedDataPath } from '@tace/core/testing';
import type { Image } from '../../../src/image/types.js';
import { readNrrd } from '../../../src/io/nrrd.js';
import { discretize } from '../../../src/preprocess/discretize.js';
import { readBaseline } from '../../extract/baseline.js';

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

/** A discretised case cropped to the ROI bounding box. */
export interface Discretised {
  grayLevels: Int32Array;
  size: [number, number, number];
  spacing: [number, number, number];
}

const images = new Map<string, { image: Image; mask: Image }>();
const cache = new Map<string, Discretised>();

/** Reads a PyRadiomics test case with the NRRD reader and discretises it as the variant's settings say. */
export function loadCase(name: string, variant: string): Discretised {
  const key = `${name}${variant}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let pair = images.get(name);
  if (pair === undefined) {
    const dir = PYRAD_DIR!;
    pair = {
      image: readNrrd(join(dir, `${name}_image.nrrd`)),
      mask: readNrrd(join(dir, `${name}_label.nrrd`)),
    };
    images.set(name, pair);
  }
  const settings = VARIANTS[variant];
  const { image, mask } = pair;
  const [nx, ny] = image.size;
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-1, -1, -1];
  const roi = new Uint8Array(mask.data.length);
  for (let v = 0; v < roi.length; v++) {
    if (mask.data[v] !== 1) continue;
    const c = [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))];
    for (let d = 0; d < 3; d++) {
      lo[d] = Math.min(lo[d], c[d]);
      hi[d] = Math.max(hi[d], c[d]);
    }
    // resegmentRange [lower] (absolute): voxels below `lower` leave the texture ROI.
    if (settings.resegmentLower === undefined || image.data[v] >= settings.resegmentLower) roi[v] = 1;
  }
  const { levels } = discretize(image.data, roi, {
    binWidth: settings.binWidth,
    binCount: settings.binCount,
  });
  const size: [number, number, number] = [hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1];
  const grayLevels = new Int32Array(size[0] * size[1] * size[2]);
  for (let z = 0, u = 0; z < size[2]; z++)
    for (let y = 0; y < size[1]; y++)
      for (let x = 0; x < size[0]; x++, u++)
        grayLevels[u] = levels[x + lo[0] + nx * (y + lo[1] + ny * (z + lo[2]))];
  const out = { grayLevels, size, spacing: image.spacing };
  cache.set(key, out);
  return out;
}

/** Baseline feature values of a family: column (case + variant) -> feature name -> value. */
export function baselineValues(family: string): Map<string, Map<string, number>> {
  const table = readBaseline(join(PYRAD_DIR!, 'baseline', `baseline_${family}.csv`));
  const prefix = `original_${family}_`;
  const out = new Map<string, Map<string, number>>();
  for (const [column, row] of Object.entries(table)) {
    const values = new Map<string, number>();
    for (const [name, text] of Object.entries(row)) {
      if (name.startsWith(prefix)) values.set(name.slice(prefix.length), Number(text));
    }
    out.set(column, values);
  }
  return out;
}
