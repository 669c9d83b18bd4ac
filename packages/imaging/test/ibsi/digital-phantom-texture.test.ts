import { sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import {
  type IbsiAggregation,
  type IbsiTextureFamily,
  ibsiTextureFeatures,
} from '../../src/ibsi/texture-aggregation.js';
import { digitalPhantom, PHANTOM_DIR, REFERENCE, textureGroups, withinTolerance } from './digital-phantom.js';

describe.skipIf(PHANTOM_DIR === null || REFERENCE === null)(
  `IBSI 1 digital phantom, texture families ${PHANTOM_DIR === null ? sharedDataSkipMessage('radiomics/ibsi/digital_phantom') : ''}`,
  () => {
    const groups = textureGroups('digital_phantom');
    for (const [key, group] of groups) {
      const [family, aggregation] = key.split('|') as [IbsiTextureFamily, IbsiAggregation];
      it(`${family} (${aggregation}): every feature within the IBSI tolerance (value at 3 significant digits)`, () => {
        const got = ibsiTextureFeatures(digitalPhantom(), family, aggregation, { nLevels: 6 });
        const failures = group
          .filter((r) => !withinTolerance(got[r.code], r.value, r.tolerance))
          .map((r) => `${r.feature} (${r.code}): ${got[r.code]} vs ${r.value} +/- ${r.tolerance}`);
        expect(failures).toEqual([]);
      });
    }
  },
);
