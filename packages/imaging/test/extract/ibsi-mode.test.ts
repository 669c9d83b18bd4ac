import { join } from 'node:path';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { type ExtractionResult, extractFeatures, readImage } from '../../src/index.js';
import { REFERENCE, referenceRows, TEXTURE_FAMILIES, withinTolerance } from '../ibsi/digital-phantom.js';

const CT_DIR = sharedDataPath('radiomics/ibsi/ct_phantom/nifti');
const STATISTICS = 'Intensity-based statistical features';
const CLASSES = { firstorder: null, glcm: null, glrlm: null, glszm: null, gldm: null, ngtdm: null };
const AGG_2D = ['2D_averaged', '2D_slice_merged', '2.5D_direction_merged', '2.5D_merged'];
const AGG_3D = ['3D_averaged', '3D_merged'];

/**
 * IBSI 1 CT phantom configurations (reference manual, table 5.1) as `extractFeatures` settings; the same
 * configurations the direct tests (test/ibsi/ct-phantom-texture.test.ts) give to `ibsiPrepare`.
 */
export const IBSI_CONFIG_SETTINGS: Record<string, Record<string, unknown>> = {
  config_A: { resegmentRange: [-500, 400], binWidth: 25, ibsiAggregation: AGG_2D },
  config_B: {
    resampledPixelSpacing: [2, 2, 0],
    interpolator: 'sitkLinear',
    resegmentRange: [-500, 400],
    binCount: 32,
    ibsiAggregation: AGG_2D,
  },
  config_C: {
    resampledPixelSpacing: [2, 2, 2],
    interpolator: 'sitkLinear',
    resegmentRange: [-1000, 400],
    binWidth: 25,
    ibsiAggregation: AGG_3D,
  },
  config_D: {
    resampledPixelSpacing: [2, 2, 2],
    interpolator: 'sitkLinear',
    ibsiOutlierSigma: 3,
    binCount: 32,
    ibsiAggregation: AGG_3D,
  },
  config_E: {
    resampledPixelSpacing: [2, 2, 2],
    interpolator: 'sitkBSpline',
    resegmentRange: [-1000, 400],
    ibsiOutlierSigma: 3,
    binCount: 32,
    ibsiAggregation: AGG_3D,
  },
};

/** Reference rows of a configuration that extraction reports (statistics and the five texture families), with the extracted value. */
function compare(config: string, result: ExtractionResult) {
  return referenceRows(config)
    .filter((r) => r.family === STATISTICS || TEXTURE_FAMILIES[r.family] !== undefined)
    .map((r) => {
      const got = result.ibsiFeatures.find(
        (f) => f.imageType === 'original' && f.code === r.code && f.aggregation === r.aggregation,
      );
      const value = got?.value ?? Number.NaN;
      return { ...r, got: value, pass: withinTolerance(value, r.value, r.tolerance) };
    });
}

for (const [config, setting] of Object.entries(IBSI_CONFIG_SETTINGS)) {
  describe.skipIf(CT_DIR === null || REFERENCE === null)(
    `extractFeatures, compliance 'ibsi', IBSI 1 CT phantom ${config} ${CT_DIR === null ? sharedDataSkipMessage('radiomics/ibsi/ct_phantom') : ''}`,
    () => {
      it('reproduces every IBSI reference value of the statistics and texture families within the published tolerance (value at 3 significant digits)', () => {
        const result = extractFeatures(
          readImage(join(CT_DIR!, 'phantom.nii.gz')),
          readImage(join(CT_DIR!, 'mask.nii.gz')),
          { setting: { compliance: 'ibsi', ...setting }, featureClass: CLASSES },
        );
        const rows = compare(config, result);
        const summary = new Map<string, [number, number]>();
        for (const r of rows) {
          const key = `${TEXTURE_FAMILIES[r.family] ?? 'statistics'} ${r.aggregation}`.trim();
          const [pass, total] = summary.get(key) ?? [0, 0];
          summary.set(key, [pass + (r.pass ? 1 : 0), total + 1]);
        }
        console.log(`${config}: ${[...summary].map(([k, [p, t]]) => `${k} ${p}/${t}`).join('; ')}`);
        expect(rows.length).toBeGreaterThan(100);
        const failures = rows
          .filter((r) => !r.pass)
          .map(
            (r) => `${r.feature} (${r.code}, ${r.aggregation}): ${r.got} vs ${r.value} +/- ${r.tolerance}`,
          );
        expect(failures).toEqual([]);
        // PyRadiomics-named features are still there, computed on the IBSI-processed ROI
        expect(Number.isFinite(result.features.original_glcm_Contrast)).toBe(true);
      });
    },
  );
}
