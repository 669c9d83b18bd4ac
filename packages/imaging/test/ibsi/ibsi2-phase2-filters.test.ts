import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { ibsiGabor } from '../../src/filters/ibsi-gabor.js';
import { ibsiLaws } from '../../src/filters/ibsi-laws.js';
import { ibsiMeanFilter } from '../../src/filters/ibsi-mean.js';
import { ibsiSimoncelli } from '../../src/filters/ibsi-simoncelli.js';
import { ibsi2PhantomA, ibsi2PhantomB, outsideTolerance, roiStatistics } from './ibsi2-phantom.js';

const CT_DIR = sharedDataPath('radiomics/ibsi/ct_phantom/nifti');
const IBSI2 = sharedDataPath('radiomics/ibsi/ibsi2_filter_reference_values.csv');

// IBSI 2 phase 2, configurations 1, 2, 4, 5, 8, 9 (A: the phantom's own grid, 2D per slice; B: 1 mm isotropic,
// 3D, cropped to the ROI plus 32 voxels, beyond the Gabor kernel's 20-voxel reach); statistics of the response
// in the ROI resegmented to [-1000, 400] HU, each within the published IBSI 2 tolerance. A statistic without a
// consensus value (8.B quartile coefficient of dispersion) is not counted (`outsideTolerance` lists it).
describe.skipIf(CT_DIR === null || IBSI2 === null)(
  `IBSI 2 phase 2: no filter, mean, Laws, Gabor, Simoncelli ${CT_DIR === null ? sharedDataSkipMessage('radiomics/ibsi/ct_phantom') : ''}`,
  () => {
    const counted = (config: string, got: Record<string, number>) =>
      outsideTolerance(IBSI2!, config, got).filter((s) => !s.endsWith(' vs  +/- '));

    it('2D (A): 1.A, 2.A, 4.A, 5.A, 9.A all 18 within tolerance; 8.A 16 (median and QCoD, near-zero statistics, outside)', () => {
      const a = ibsi2PhantomA(CT_DIR!);
      const stats = (r: ArrayLike<number>) => roiStatistics(a, r);
      expect(counted('1.A', stats(a.image.data))).toEqual([]);
      expect(counted('2.A', stats(ibsiMeanFilter(a.image, { force2D: true }).data))).toEqual([]);
      expect(counted('4.A', stats(ibsiLaws(a.image, { kernel: 'L5E5', force2D: true }).data))).toEqual([]);
      expect(counted('5.A', stats(ibsiGabor(a.image, { force2D: true }).data))).toEqual([]);
      expect(counted('9.A', stats(ibsiSimoncelli(a.image, { force2D: true, level: 2 }).data))).toEqual([]);
      const s8 = counted('8.A', stats(ibsiSimoncelli(a.image, { force2D: true }).data));
      expect(s8.map((s) => s.split(':')[0])).toEqual(['stat_median', 'stat_qcod']);
    });

    it('3D (B): 1.B, 2.B, 4.B, 5.B, 8.B within tolerance; 9.B all but the minimum (-602.4 vs -605 +/- 2)', () => {
      const b = ibsi2PhantomB(CT_DIR!, 32);
      const stats = (r: ArrayLike<number>) => roiStatistics(b, r);
      expect(counted('1.B', stats(b.image.data))).toEqual([]);
      expect(counted('2.B', stats(ibsiMeanFilter(b.image).data))).toEqual([]);
      expect(counted('4.B', stats(ibsiLaws(b.image, { kernel: 'L5E5E5' }).data))).toEqual([]);
      expect(counted('5.B', stats(ibsiGabor(b.image).data))).toEqual([]);
      expect(counted('8.B', stats(ibsiSimoncelli(b.image).data))).toEqual([]);
      const s9 = counted('9.B', stats(ibsiSimoncelli(b.image, { level: 2 }).data));
      expect(s9.map((s) => s.split(':')[0])).toEqual(['stat_min']);
    });
  },
);
