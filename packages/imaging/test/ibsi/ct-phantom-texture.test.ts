import { join } from 'node:path';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { type IbsiPrepareSettings, ibsiPrepare } from '../../src/ibsi/prepare.js';
import {
  type IbsiAggregation,
  type IbsiTextureFamily,
  ibsiTextureFeatures,
} from '../../src/ibsi/texture-aggregation.js';
import { readNifti } from '../../src/io/nifti.js';
import { REFERENCE, textureGroups, withinTolerance } from './digital-phantom.js';

const CT_DIR = sharedDataPath('radiomics/ibsi/ct_phantom/nifti');

/** IBSI 1 configurations of the CT phantom (reference manual, table 5.1). */
const CONFIGS: Record<string, IbsiPrepareSettings> = {
  config_A: { range: [-500, 400], binWidth: 25 },
  config_B: { spacing: [2, 2, null], range: [-500, 400], binCount: 32 },
  config_C: { spacing: [2, 2, 2], range: [-1000, 400], binWidth: 25 },
  config_D: { spacing: [2, 2, 2], outliers: 3, binCount: 32 },
  config_E: { spacing: [2, 2, 2], interpolation: 'bspline', range: [-1000, 400], outliers: 3, binCount: 32 },
};

function prepare(settings: IbsiPrepareSettings) {
  return ibsiPrepare(
    readNifti(join(CT_DIR!, 'phantom.nii.gz')),
    readNifti(join(CT_DIR!, 'mask.nii.gz')),
    settings,
  );
}

for (const [name, config] of Object.entries(CONFIGS)) {
  describe.skipIf(CT_DIR === null || REFERENCE === null)(
    `IBSI 1 CT phantom, ${name}, texture families ${CT_DIR === null ? sharedDataSkipMessage('radiomics/ibsi/ct_phantom') : ''}`,
    () => {
      const groups = textureGroups(name);
      let data: ReturnType<typeof prepare> | undefined;
      for (const [key, group] of groups) {
        const [family, aggregation] = key.split('|') as [IbsiTextureFamily, IbsiAggregation];
        it(`${family} (${aggregation}): every feature within the IBSI tolerance`, () => {
          data ??= prepare(config);
          const got = ibsiTextureFeatures(data.grid, family, aggregation, { nLevels: data.nLevels });
          const failures = group
            .filter((r) => !withinTolerance(got[r.code], r.value, r.tolerance))
            .map((r) => `${r.feature} (${r.code}): ${got[r.code]} vs ${r.value} +/- ${r.tolerance}`);
          expect(failures).toEqual([]);
        });
      }
    },
  );
}
