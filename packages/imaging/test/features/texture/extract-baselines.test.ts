import { join } from 'node:path';
import { sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { extractFeatures } from '../../../src/extract/extract-features.js';
import { readNrrd } from '../../../src/io/nrrd.js';
import { baselineSettings, readBaseline } from '../../extract/baseline.js';
import { CASES, PYRAD_DIR } from './baseline.js';
import { relativeDifference } from './helpers.js';

// End to end: extractFeatures (imaging preprocessing: normalisation, B-spline resampling, resegmentation,
// discretisation) + the registered texture classes, against every column of the PyRadiomics texture baselines
// for brain1, brain2, breast1, with each column's settings from its diagnostics row.
const FAMILIES = ['glcm', 'glrlm', 'glszm', 'gldm', 'ngtdm'] as const;

describe.skipIf(PYRAD_DIR === null)(
  `texture classes through extractFeatures ${PYRAD_DIR === null ? sharedDataSkipMessage('radiomics/pyradiomics') : ''}`,
  () => {
    const images = new Map<
      string,
      { image: ReturnType<typeof readNrrd>; mask: ReturnType<typeof readNrrd> }
    >();
    const load = (name: string) => {
      if (!images.has(name)) {
        images.set(name, {
          image: readNrrd(join(PYRAD_DIR!, `${name}_image.nrrd`)),
          mask: readNrrd(join(PYRAD_DIR!, `${name}_label.nrrd`)),
        });
      }
      return images.get(name)!;
    };
    for (const family of FAMILIES) {
      const table =
        PYRAD_DIR === null ? {} : readBaseline(join(PYRAD_DIR, 'baseline', `baseline_${family}.csv`));
      for (const [column, row] of Object.entries(table)) {
        const name = column.split('_')[0];
        if (!(CASES as readonly string[]).includes(name)) continue;
        it(`${family} on ${column} matches PyRadiomics to 1e-6 relative`, () => {
          const { image, mask } = load(name);
          const { features } = extractFeatures(image, mask, {
            setting: baselineSettings(row),
            featureClass: { [family]: null },
          });
          let compared = 0;
          for (const [key, text] of Object.entries(row)) {
            if (!key.startsWith(`original_${family}_`)) continue;
            const got = features[key];
            expect(got, key).toBeDefined();
            expect(relativeDifference(got!, Number(text)), `${key}: ${got} vs ${text}`).toBeLessThan(1e-6);
            compared++;
          }
          expect(compared).toBeGreaterThan(0);
        });
      }
    }
  },
);
