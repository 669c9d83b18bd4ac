import { join } from 'node:path';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import {
  type IbsiRoiFamilyOptions,
  type IbsiRoiFeature,
  ibsiRoiFamilies,
} from '../../src/ibsi/ibsi-roi-families.js';
import { type IbsiPrepareSettings, ibsiPrepare } from '../../src/ibsi/prepare.js';
import { readNifti } from '../../src/io/nifti.js';
import {
  digitalPhantomPrepared,
  PHANTOM_DIR,
  REFERENCE,
  ROI_FAMILIES_OF_TABLE,
  referenceRows,
  withinTolerance,
} from './digital-phantom.js';

const CT_DIR = sharedDataPath('radiomics/ibsi/ct_phantom/nifti');

const FAMILIES = ROI_FAMILIES_OF_TABLE;

/** IBSI 1 CT phantom configurations (reference manual, table 5.1), with their IVH discretisation. */
const CONFIGS: Record<string, { prepare: IbsiPrepareSettings; options: IbsiRoiFamilyOptions }> = {
  config_A: {
    prepare: { range: [-500, 400], binWidth: 25 },
    options: { ivh: 'none', gldzmAggregations: ['2D', '2.5D'] },
  },
  config_B: {
    prepare: { spacing: [2, 2, null], range: [-500, 400], binCount: 32 },
    options: { ivh: 'none', gldzmAggregations: ['2D', '2.5D'] },
  },
  config_C: {
    prepare: { spacing: [2, 2, 2], range: [-1000, 400], binWidth: 25 },
    options: { ivh: { binWidth: 2.5 }, range: [-1000, 400] },
  },
  config_D: { prepare: { spacing: [2, 2, 2], outliers: 3, binCount: 32 }, options: { ivh: 'none' } },
  config_E: {
    prepare: { spacing: [2, 2, 2], interpolation: 'bspline', range: [-1000, 400], outliers: 3, binCount: 32 },
    options: { ivh: { binCount: 1000 } },
  },
};

const normalise = (name: string) => name.replace('\\ :sup:`th`', 'th');

/**
 * Each reference row of the five families paired with the computed value: by IBSI code (morphology, local
 * intensity, GLDZM with its aggregation), by name (intensity histogram: the table repeats a code), by order
 * (IVH: the table gives V10 then V90 under one name).
 */
function compare(data: string, got: IbsiRoiFeature[]) {
  const seen = new Map<string, number>();
  return referenceRows(data)
    .filter((r) => FAMILIES[r.family] !== undefined && !Number.isNaN(r.value))
    .map((r) => {
      const family = FAMILIES[r.family]!;
      let match: IbsiRoiFeature | undefined;
      if (family === 'intensityHistogram')
        match = got.find((f) => f.family === family && f.name === normalise(r.feature));
      else if (family === 'intensityVolume') {
        const k = seen.get(r.feature) ?? 0;
        seen.set(r.feature, k + 1);
        match = got.filter((f) => f.family === family && f.name.startsWith(r.feature))[k];
      } else
        match = got.find((f) => f.family === family && f.code === r.code && f.aggregation === r.aggregation);
      const value = match?.value ?? Number.NaN;
      return { ...r, got: value, pass: withinTolerance(value, r.value, r.tolerance) };
    });
}

function check(data: string, got: IbsiRoiFeature[]) {
  const rows = compare(data, got);
  const summary = new Map<string, [number, number, number]>();
  for (const r of rows) {
    const key = `${FAMILIES[r.family]} ${r.aggregation}`.trim();
    const [pass, total, worst] = summary.get(key) ?? [0, 0, 0];
    // deviation in units of the tolerance (0 tolerance: in units of half the third significant digit)
    const unit =
      r.tolerance > 0 ? r.tolerance : 10 ** (Math.floor(Math.log10(Math.abs(r.value) || 1)) - 2) / 2;
    summary.set(key, [pass + (r.pass ? 1 : 0), total + 1, Math.max(worst, Math.abs(r.got - r.value) / unit)]);
  }
  console.log(
    `${data}: ${[...summary].map(([k, [p, t, w]]) => `${k} ${p}/${t} (largest deviation ${w.toFixed(2)} tolerances)`).join('; ')}`,
  );
  return rows
    .filter((r) => !r.pass)
    .map((r) => `${r.feature} (${r.code}, ${r.aggregation}): ${r.got} vs ${r.value} +/- ${r.tolerance}`);
}

describe.skipIf(PHANTOM_DIR === null || REFERENCE === null)(
  `IBSI 1 digital phantom: morphology, local intensity, intensity and intensity-volume histograms, GLDZM ${PHANTOM_DIR === null ? sharedDataSkipMessage('radiomics/ibsi/digital_phantom') : ''}`,
  () => {
    it('every reference value within the IBSI tolerance (value at 3 significant digits)', () => {
      const prepared = digitalPhantomPrepared();
      const got = ibsiRoiFamilies(prepared, { gldzmAggregations: ['3D', '2D', '2.5D'] });
      expect(compare('digital_phantom', got).length).toBe(25 + 2 + 23 + 6 + 48);
      expect(check('digital_phantom', got)).toEqual([]);
    });
  },
);

for (const [name, config] of Object.entries(CONFIGS)) {
  describe.skipIf(CT_DIR === null || REFERENCE === null)(
    `IBSI 1 CT phantom ${name}: morphology, local intensity, intensity and intensity-volume histograms, GLDZM ${CT_DIR === null ? sharedDataSkipMessage('radiomics/ibsi/ct_phantom') : ''}`,
    () => {
      it('every reference value within the IBSI tolerance (value at 3 significant digits)', () => {
        const prepared = ibsiPrepare(
          readNifti(join(CT_DIR!, 'phantom.nii.gz')),
          readNifti(join(CT_DIR!, 'mask.nii.gz')),
          config.prepare,
        );
        const got = ibsiRoiFamilies(prepared, config.options);
        expect(compare(name, got).length).toBeGreaterThan(70);
        expect(check(name, got)).toEqual([]);
      });
    },
  );
}
