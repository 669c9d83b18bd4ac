import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataPath } from '@tace/core/testing';
import type { IbsiRoiFamily } from '../../src/ibsi/ibsi-roi-families.js';
import type { IbsiPrepared } from '../../src/ibsi/prepare.js';
import type { IbsiTextureFamily } from '../../src/ibsi/texture-aggregation.js';
import { readNifti } from '../../src/io/nifti.js';

export const PHANTOM_DIR = sharedDataPath('radiomics/ibsi/digital_phantom');
export const REFERENCE = sharedDataPath('radiomics/ibsi/ibsi1_reference_values.csv');

/** The IBSI 1 digital phantom: grey levels (already discretised) inside the mask, 0 outside. */
export function digitalPhantom(): { grayLevels: Int32Array; size: [number, number, number] } {
  const image = readNifti(join(PHANTOM_DIR!, 'phantom.nii.gz'));
  const mask = readNifti(join(PHANTOM_DIR!, 'mask.nii.gz'));
  const grayLevels = Int32Array.from(image.data, (v, k) => (mask.data[k] !== 0 ? v : 0));
  return { grayLevels, size: image.size };
}

/**
 * The digital phantom as `ibsiPrepare` would give it (no interpolation, resegmentation or discretisation: its
 * grey levels, `Ng` 6), for `ibsiRoiFamilies`.
 */
export function digitalPhantomPrepared(): IbsiPrepared {
  const grid = digitalPhantom();
  const image = readNifti(join(PHANTOM_DIR!, 'phantom.nii.gz'));
  const roi = Uint8Array.from(grid.grayLevels, (g) => (g > 0 ? 1 : 0));
  return {
    grid,
    nLevels: 6,
    image: { ...image, data: Float64Array.from(image.data) },
    voxelCount: roi.reduce((a, b) => a + b, 0),
    roi,
    morphologicalMask: roi,
  };
}

export interface ReferenceRow {
  family: string;
  feature: string;
  code: string;
  aggregation: string;
  value: number;
  tolerance: number;
}

/** Rows of `ibsi1_reference_values.csv` for one data set. */
export function referenceRows(data: string): ReferenceRow[] {
  const rows: ReferenceRow[] = [];
  for (const line of readFileSync(REFERENCE!, 'utf8').split(/\r?\n/).slice(1)) {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    if (cells[4] !== data) continue;
    rows.push({
      family: cells[0],
      feature: cells[1],
      code: cells[2],
      aggregation: cells[3],
      // a blank value (no consensus, e.g. config C compactness 1) is NaN
      value: cells[5] === '' ? Number.NaN : Number(cells[5]),
      tolerance: Number(cells[6]),
    });
  }
  return rows;
}

/**
 * IBSI agreement: |x - value| <= tolerance, where a published value is taken at its 3 significant digits
 * (half a unit of the third digit is added to the tolerance).
 */
export function withinTolerance(x: number, value: number, tolerance: number): boolean {
  const digit = value === 0 ? 0 : 10 ** (Math.floor(Math.log10(Math.abs(value))) - 2);
  return Math.abs(x - value) <= tolerance + digit / 2 + 1e-12;
}

/** IBSI family names of the reference table -> family of `ibsiRoiFamilies`. */
export const ROI_FAMILIES_OF_TABLE: Record<string, IbsiRoiFamily> = {
  'Morphological features': 'morphology',
  'Local intensity features': 'localIntensity',
  'Intensity histogram features': 'intensityHistogram',
  'Intensity-volume histogram features': 'intensityVolume',
  'Grey level distance zone based features': 'gldzm',
};

/** IBSI family names of the reference table -> family of `ibsiTextureFeatures`. */
export const TEXTURE_FAMILIES: Record<string, IbsiTextureFamily> = {
  'Grey level co-occurrence based features': 'glcm',
  'Grey level run length based features': 'glrlm',
  'Grey level size zone based features': 'glszm',
  'Neighbouring grey level dependence based features': 'ngldm',
  'Neighbourhood grey tone difference based features': 'ngtdm',
};

/** Texture reference rows of a data set grouped by `family|aggregation`. */
export function textureGroups(data: string): Map<string, ReferenceRow[]> {
  const groups = new Map<string, ReferenceRow[]>();
  if (REFERENCE === null) return groups;
  for (const r of referenceRows(data)) {
    const family = TEXTURE_FAMILIES[r.family];
    if (family === undefined) continue;
    const key = `${family}|${r.aggregation}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return groups;
}
