import { join } from 'node:path';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { extractFeatures } from '../../src/extract/extract-features.js';
import { ibsiRoiFamilies } from '../../src/ibsi/ibsi-roi-families.js';
import { readNifti } from '../../src/io/nifti.js';
import * as phantom from './digital-phantom.js';

const {
  digitalPhantomPrepared,
  PHANTOM_DIR,
  REFERENCE,
  referenceRows,
  ROI_FAMILIES_OF_TABLE,
  withinTolerance,
} = phantom;

const CT_DIR = sharedDataPath('radiomics/ibsi/ct_phantom/nifti');
const ROI_FAMILIES = ['morphology', 'localIntensity', 'intensityHistogram', 'intensityVolume', 'gldzm'];
const TABLE_FAMILIES: Record<string, string> = ROI_FAMILIES_OF_TABLE;
// families matched by IBSI code (the histograms repeat codes in the table)
const FAMILY_OF_TABLE = Object.fromEntries(
  Object.entries(ROI_FAMILIES_OF_TABLE).filter(
    ([, f]) => f !== 'intensityHistogram' && f !== 'intensityVolume',
  ),
);

// extractFeatures in IBSI mode: the shape class gives the IBSI ROI families of the original image
// (ibsiRoiFamilies, within the IBSI tolerance on the digital phantom: test/ibsi/roi-families.test.ts) in
// ibsiFeatures, with IBSI names and codes, instead of PyRadiomics' shape features.
describe.skipIf(PHANTOM_DIR === null || REFERENCE === null)(
  `extractFeatures, compliance 'ibsi', shape class: IBSI ROI families ${PHANTOM_DIR === null ? sharedDataSkipMessage('radiomics/ibsi/digital_phantom') : ''}`,
  () => {
    const image = readNifti(join(PHANTOM_DIR!, 'phantom.nii.gz'));
    const mask = readNifti(join(PHANTOM_DIR!, 'mask.nii.gz'));
    const extract = (shape: string[] | null, extra: Record<string, unknown> = {}) =>
      extractFeatures(image, mask, {
        setting: {
          compliance: 'ibsi',
          binWidth: 1,
          ibsiAggregation: ['3D_averaged', '2D_averaged', '2.5D_merged'],
          ...extra,
        },
        featureClass: { shape, firstorder: null },
      });

    it('digital phantom: every value equals ibsiRoiFamilies (1e-12) and the IBSI reference within tolerance', () => {
      const result = extract(null);
      const prepared = digitalPhantomPrepared();
      const direct = ibsiRoiFamilies(prepared, { gldzmAggregations: ['3D', '2D', '2.5D'] });
      const extracted = result.ibsiFeatures.filter((f) => ROI_FAMILIES.includes(f.family));
      expect(extracted).toHaveLength(direct.length);
      expect(direct.length).toBe(25 + 2 + 23 + 6 + 3 * 16);
      direct.forEach((d, i) => {
        const e = extracted[i]!;
        expect([e.imageType, e.family, e.name, e.code, e.aggregation]).toEqual([
          'original',
          d.family,
          d.name,
          d.code,
          d.aggregation,
        ]);
        if (Number.isNaN(d.value)) expect(e.value).toBeNaN();
        else expect(Math.abs(e.value - d.value)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(d.value)));
      });
      // by IBSI code: morphology, local intensity, GLDZM (the histograms repeat codes; roi-families.test.ts)
      const rows = referenceRows('digital_phantom').filter((r) => FAMILY_OF_TABLE[r.family] !== undefined);
      expect(rows.length).toBe(25 + 2 + 48);
      const outside = rows.filter((r) => {
        const got = extracted.find((f) => f.code === r.code && f.aggregation === r.aggregation);
        return !withinTolerance(got?.value ?? Number.NaN, r.value, r.tolerance);
      });
      expect(outside.map((r) => r.feature)).toEqual([]);
      // no PyRadiomics shape features in IBSI mode; first order still gives PyRadiomics names and IBSI statistics
      expect(Object.keys(result.features).some((k) => k.startsWith('original_shape_'))).toBe(false);
      expect(result.ibsiFeatures.filter((f) => f.family === 'statistics')).toHaveLength(18);
    });

    it('a selection of families under shape; unknown names and bad ibsiIvh are INVALID_ARGUMENT', () => {
      const some = extract(['morphology', 'gldzm']).ibsiFeatures;
      expect([...new Set(some.map((f) => f.family))]).toEqual(['morphology', 'gldzm', 'statistics']);
      expect(() => extract(['Sphericity'])).toThrow(/shape class gives the IBSI families/);
      expect(() => extract(null, { ibsiIvh: { binWidth: 0 } })).toThrow(/setting ibsiIvh must be/);
      const binned = extract(['intensityVolume'], { ibsiIvh: { binCount: 3 } }).ibsiFeatures;
      expect(binned.filter((f) => f.family === 'intensityVolume')).toHaveLength(6);
    });
  },
);

// End to end on the CT phantom, configuration C (2 mm isotropic, trilinear, [-1000, 400] HU, bin size 25, IVH
// bins of 2.5 HU): the ROI families of the extraction against the IBSI 1 reference values.
describe.skipIf(CT_DIR === null || REFERENCE === null)(
  `extractFeatures, compliance 'ibsi', shape class on the CT phantom, configuration C ${CT_DIR === null ? sharedDataSkipMessage('radiomics/ibsi/ct_phantom') : ''}`,
  () => {
    it('all five families (morphology, local intensity, both histograms, GLDZM 3D) within the IBSI tolerance', () => {
      const result = extractFeatures(
        readNifti(join(CT_DIR!, 'phantom.nii.gz')),
        readNifti(join(CT_DIR!, 'mask.nii.gz')),
        {
          setting: {
            compliance: 'ibsi',
            resampledPixelSpacing: [2, 2, 2],
            interpolator: 'sitkLinear',
            resegmentRange: [-1000, 400],
            binWidth: 25,
            ibsiIvh: { binWidth: 2.5 },
          },
          featureClass: { shape: null },
        },
      );
      const rows = referenceRows('config_C').filter(
        (r) => TABLE_FAMILIES[r.family] !== undefined && !Number.isNaN(r.value),
      );
      expect(rows.length).toBeGreaterThan(70);
      // by code (morphology, local intensity, GLDZM), name (intensity histogram: the table repeats a code),
      // order (IVH: V10 then V90 under one name)
      const seen = new Map<string, number>();
      const outside = rows
        .map((r) => {
          const family = TABLE_FAMILIES[r.family];
          const ofFamily = result.ibsiFeatures.filter((f) => f.family === family);
          let got = ofFamily.find((f) => f.code === r.code && f.aggregation === r.aggregation);
          if (family === 'intensityHistogram')
            got = ofFamily.find((f) => f.name === r.feature.replace('\\ :sup:`th`', 'th'));
          else if (family === 'intensityVolume') {
            const k = seen.get(r.feature) ?? 0;
            seen.set(r.feature, k + 1);
            got = ofFamily.filter((f) => f.name.startsWith(r.feature))[k];
          }
          return { r, value: got?.value ?? Number.NaN };
        })
        .filter(({ r, value }) => !withinTolerance(value, r.value, r.tolerance))
        .map(({ r, value }) => `${r.feature} (${r.code}): ${value} vs ${r.value} +/- ${r.tolerance}`);
      expect(outside).toEqual([]);
    });
  },
);
