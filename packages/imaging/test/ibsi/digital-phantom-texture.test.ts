import { sharedDataSkipMessage } from '@tace/core';
import { describe, expect, it } from 'vitest';
import { type IbsiAggregation, type IbsiTextureFamily, ibsiTextureFeatures } from '../../src/ibsi/index.js';
import { digitalPhantom, PHANTOM_DIR, REFERENCE, referenceRows, withinTolerance } from './digital-phantom.js';

const FAMILIES: Record<string, IbsiTextureFamily> = {
  'Grey level co-occurrence based features': 'glcm',
  'Grey level run length based features': 'glrlm',
  'Grey level size zone based features': 'glszm',
  'Neighbouring grey level dependence based features': 'ngldm',
  'Neighbourhood grey tone difference based features': 'ngtdm',
};

describe.skipIf(PHANTOM_DIR === null || REFERENCE === null)(
  `IBSI 1 digital phantom, texture families ${PHANTOM_DIR === null ? sharedDataSkipMessage('radiomics/ibsi/digital_phantom') : ''}`,
  () => {
    const rows =
      REFERENCE === null ? [] : referenceRows('digital_phantom').filter((r) => r.family in FAMILIES);
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = `${FAMILIES[r.family]}|${r.aggregation}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
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
