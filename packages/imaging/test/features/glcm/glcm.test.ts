import { join } from 'node:path';
import { sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { glcmFeatures } from '../../../src/features/glcm/glcm-features.js';
import { glcmMatrix } from '../../../src/features/glcm/glcm-matrix.js';
import { baselineValues, CASES, loadCase, PYRAD_DIR, VARIANTS } from '../texture/baseline.js';
import { readNpy, relativeDifference } from '../texture/helpers.js';

describe.skipIf(PYRAD_DIR === null)(
  `glcm against PyRadiomics baselines ${PYRAD_DIR === null ? sharedDataSkipMessage('radiomics/pyradiomics') : ''}`,
  () => {
    it.each(CASES)('glcmMatrix(%s) equals <case>_glcm.npy (numpy layout i, j, angle) to 1e-12', (name) => {
      const grid = loadCase(name, '');
      const m = glcmMatrix(grid);
      const ref = readNpy(join(PYRAD_DIR!, 'baseline', `${name}_glcm.npy`));
      expect(ref.shape).toEqual([m.nLevels, m.nLevels, m.nAngles]);
      let worst = 0;
      for (let i = 0; i < m.nLevels; i++)
        for (let j = 0; j < m.nLevels; j++)
          for (let a = 0; a < m.nAngles; a++) {
            const got = m.values[(a * m.nLevels + i) * m.nLevels + j];
            const want = ref.data[(i * m.nLevels + j) * m.nAngles + a];
            worst = Math.max(worst, Math.abs(got - want));
          }
      expect(worst).toBeLessThan(1e-12);
    });

    const baseline = baselineValues('glcm');
    for (const name of CASES) {
      for (const [variant, settings] of Object.entries(VARIANTS)) {
        it(`glcmFeatures(${name}${variant}) equals baseline_glcm.csv to 1e-6 relative`, () => {
          const grid = loadCase(name, variant);
          const m = glcmMatrix(grid, {
            force2D: settings.force2D,
            weightingNorm: settings.merged ? 'no_weighting' : null,
            spacing: grid.spacing,
          });
          const got = glcmFeatures(m);
          const want = baseline.get(`${name}${variant}`)!;
          for (const [feature, value] of want) {
            const diff = relativeDifference(got[feature as keyof typeof got], value);
            expect(diff, `${feature}: ${got[feature as keyof typeof got]} vs ${value}`).toBeLessThan(1e-6);
          }
        });
      }
    }
  },
);
