import { join } from 'node:path';
import { sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { glrlmFeatures } from '../../../src/features/glrlm/glrlm-features.js';
import { glrlmMatrix } from '../../../src/features/glrlm/glrlm-matrix.js';
import { baselineValues, CASES, loadCase, PYRAD_DIR, VARIANTS } from '../texture/baseline.js';
import { readNpy, relativeDifference } from '../texture/helpers.js';

describe.skipIf(PYRAD_DIR === null)(
  `glrlm against PyRadiomics baselines ${PYRAD_DIR === null ? sharedDataSkipMessage('radiomics/pyradiomics') : ''}`,
  () => {
    it.each(CASES)(
      'glrlmMatrix(%s) equals <case>_glrlm.npy (layout i, run length, angle) to 1e-12',
      (name) => {
        const m = glrlmMatrix(loadCase(name, ''));
        const ref = readNpy(join(PYRAD_DIR!, 'baseline', `${name}_glrlm.npy`));
        expect(ref.shape).toEqual([m.nLevels, m.nRunLengths, m.nAngles]);
        let worst = 0;
        for (let i = 0; i < m.nLevels; i++)
          for (let r = 0; r < m.nRunLengths; r++)
            for (let a = 0; a < m.nAngles; a++) {
              const got = m.values[(a * m.nLevels + i) * m.nRunLengths + r];
              worst = Math.max(worst, Math.abs(got - ref.data[(i * m.nRunLengths + r) * m.nAngles + a]));
            }
        expect(worst).toBeLessThan(1e-12);
      },
    );

    const baseline = baselineValues('glrlm');
    for (const name of CASES) {
      for (const [variant, settings] of Object.entries(VARIANTS)) {
        it(`glrlmFeatures(${name}${variant}) equals baseline_glrlm.csv to 1e-6 relative`, () => {
          const grid = loadCase(name, variant);
          const got = glrlmFeatures(
            glrlmMatrix(grid, {
              force2D: settings.force2D,
              weightingNorm: settings.merged ? 'no_weighting' : null,
              spacing: grid.spacing,
            }),
          );
          for (const [feature, value] of baseline.get(`${name}${variant}`)!) {
            const x = got[feature as keyof typeof got];
            expect(relativeDifference(x, value), `${feature}: ${x} vs ${value}`).toBeLessThan(1e-6);
          }
        });
      }
    }
  },
);
