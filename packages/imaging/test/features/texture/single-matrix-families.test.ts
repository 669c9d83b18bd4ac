import { join } from 'node:path';
import { sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { gldmFeatures } from '../../../src/features/gldm/gldm-features.js';
import { gldmMatrix } from '../../../src/features/gldm/gldm-matrix.js';
import { glszmFeatures } from '../../../src/features/glszm/glszm-features.js';
import { glszmMatrix } from '../../../src/features/glszm/glszm-matrix.js';
import { ngtdmFeatures } from '../../../src/features/ngtdm/ngtdm-features.js';
import { ngtdmMatrix } from '../../../src/features/ngtdm/ngtdm-matrix.js';
import { baselineValues, CASES, loadCase, PYRAD_DIR, VARIANTS } from './baseline.js';
import { readNpy, relativeDifference } from './helpers.js';

type Grid = ReturnType<typeof loadCase>;
interface Family {
  matrix: (grid: Grid, force2D: boolean) => { values: Float64Array; shape: number[] };
  features: (grid: Grid, force2D: boolean) => Record<string, number>;
}

const FAMILIES: Record<string, Family> = {
  glszm: {
    matrix: (grid, force2D) => {
      const m = glszmMatrix(grid, { force2D });
      return { values: m.values, shape: [m.nLevels, m.nSizes] };
    },
    features: (grid, force2D) => glszmFeatures(glszmMatrix(grid, { force2D })),
  },
  gldm: {
    matrix: (grid, force2D) => {
      const m = gldmMatrix(grid, { force2D });
      return { values: m.values, shape: [m.nLevels, m.nDependences] };
    },
    features: (grid, force2D) => gldmFeatures(gldmMatrix(grid, { force2D, alpha: 0 })),
  },
  ngtdm: {
    matrix: (grid, force2D) => {
      const m = ngtdmMatrix(grid, { force2D });
      return { values: m.values, shape: [m.nLevels, 3] };
    },
    features: (grid, force2D) => ngtdmFeatures(ngtdmMatrix(grid, { force2D })),
  },
};

describe.skipIf(PYRAD_DIR === null)(
  `glszm, gldm, ngtdm against PyRadiomics baselines ${PYRAD_DIR === null ? sharedDataSkipMessage('radiomics/pyradiomics') : ''}`,
  () => {
    for (const [family, impl] of Object.entries(FAMILIES)) {
      it.each(CASES)(`${family}Matrix(%s) equals <case>_${family}.npy to 1e-9`, (name) => {
        const m = impl.matrix(loadCase(name, ''), false);
        const ref = readNpy(join(PYRAD_DIR!, 'baseline', `${name}_${family}.npy`));
        expect(m.shape).toEqual(ref.shape);
        let worst = 0;
        for (let k = 0; k < ref.data.length; k++)
          worst = Math.max(worst, Math.abs(m.values[k] - ref.data[k]));
        expect(worst).toBeLessThan(1e-9);
      });

      const baseline = baselineValues(family);
      for (const name of CASES) {
        for (const [variant, settings] of Object.entries(VARIANTS)) {
          // weightingNorm only applies to GLCM and GLRLM: these CSVs have no `_combined` column.
          if (!baseline.has(`${name}${variant}`)) continue;
          it(`${family}Features(${name}${variant}) equals baseline_${family}.csv to 1e-6 relative`, () => {
            const got = impl.features(loadCase(name, variant), settings.force2D === true);
            for (const [feature, value] of baseline.get(`${name}${variant}`)!) {
              expect(
                relativeDifference(got[feature], value),
                `${feature}: ${got[feature]} vs ${value}`,
              ).toBeLessThan(1e-6);
            }
          });
        }
      }
    }
  },
);
