import { symmetricEigenDecompose } from '@tace/core/kernels';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GLCM_FEATURE_NAMES, glcmFeatures } from '../../../src/features/glcm/glcm-features.js';
import { glcmMatrix } from '../../../src/features/glcm/glcm-matrix.js';
import { GLDM_FEATURE_NAMES, gldmFeatures } from '../../../src/features/gldm/gldm-features.js';
import { gldmMatrix } from '../../../src/features/gldm/gldm-matrix.js';
import { GLRLM_FEATURE_NAMES, glrlmFeatures } from '../../../src/features/glrlm/glrlm-features.js';
import { glrlmMatrix } from '../../../src/features/glrlm/glrlm-matrix.js';
import { GLSZM_FEATURE_NAMES, glszmFeatures } from '../../../src/features/glszm/glszm-features.js';
import { glszmMatrix } from '../../../src/features/glszm/glszm-matrix.js';
import { NGTDM_FEATURE_NAMES, ngtdmFeatures } from '../../../src/features/ngtdm/ngtdm-features.js';
import { ngtdmMatrix } from '../../../src/features/ngtdm/ngtdm-matrix.js';
import { generateAngles } from '../../../src/features/texture-common/angles.js';

/** The 5 x 5 example image of PyRadiomics' GLCM documentation (rows = y, columns = x). */
const DOC_IMAGE = [
  [1, 2, 5, 2, 3],
  [3, 2, 1, 3, 1],
  [1, 3, 5, 5, 2],
  [1, 1, 1, 1, 2],
  [1, 2, 4, 3, 5],
];
const docGrid = {
  grayLevels: Int32Array.from(DOC_IMAGE.flat()),
  size: [5, 5, 1] as [number, number, number],
};

/** Eigenvalues increasing, by core's solver (decreasing), the one GLCM's MCC uses. */
function symmetricEigenvalues(matrix: Float64Array, n: number): Float64Array {
  const values = new Float64Array(n);
  symmetricEigenDecompose(matrix, n, values, null);
  return values.reverse();
}

describe('generateAngles', () => {
  it('gives the 13 directions of PyRadiomics in its order, (1, 1, 1) first and (1, 0, 0) last', () => {
    const a = generateAngles([5, 5, 5], { bidirectional: false });
    expect(a.length / 3).toBe(13);
    expect([...a.subarray(0, 3)]).toEqual([1, 1, 1]);
    expect([...a.subarray(36, 39)]).toEqual([1, 0, 0]);
    expect(generateAngles([5, 5, 5], { bidirectional: true }).length / 3).toBe(26);
  });
  it('gives 4 in-plane directions with force2D and none along an axis of size 1', () => {
    expect([...generateAngles([5, 5, 5], { bidirectional: false, force2D: true })]).toEqual([
      1, 1, 0, 0, 1, 0, -1, 1, 0, 1, 0, 0,
    ]);
    expect(generateAngles([5, 5, 1], { bidirectional: false }).length / 3).toBe(4);
  });
});

describe('glcmMatrix', () => {
  it("reproduces the symmetrical GLCM of PyRadiomics' documentation example (angle 0, distance 1)", () => {
    const m = glcmMatrix(docGrid, { force2D: true });
    expect(m.nAngles).toBe(4);
    const horizontal = 3; // (1, 0, 0) is the last of the 4 in-plane angles
    const p = m.values.subarray(horizontal * 25, horizontal * 25 + 25);
    const total = 40; // 20 horizontal pairs, counted both ways
    const expected = [6, 4, 3, 0, 0, 4, 0, 2, 1, 3, 3, 2, 0, 1, 2, 0, 1, 1, 0, 0, 0, 3, 2, 0, 2];
    for (let k = 0; k < 25; k++) expect(p[k] * total).toBeCloseTo(expected[k], 12);
  });
  it('drops grey levels absent from the ROI and keeps their values for the features', () => {
    const m = glcmMatrix({ grayLevels: Int32Array.from([1, 4, 4, 1]), size: [4, 1, 1] });
    expect([...m.grayLevels]).toEqual([1, 4]);
    expect(m.maxLevel).toBe(4);
    // pairs (1,4), (4,4), (4,1) both ways: p = [[0, 2], [2, 2]] / 6
    expect([...m.values].map((x) => x * 6)).toEqual([0, 2, 2, 2]);
    expect(glcmFeatures(m).Contrast).toBeCloseTo((4 * 9) / 6, 12);
  });
});

describe('texture features of a flat ROI (one grey level)', () => {
  const flat = { grayLevels: new Int32Array(27).fill(3), size: [3, 3, 3] as [number, number, number] };
  it('are defined, with PyRadiomics conventions (Correlation = 1, MCC = 1, Coarseness = 1e6)', () => {
    const glcm = glcmFeatures(glcmMatrix(flat));
    expect(glcm.Correlation).toBe(1);
    expect(glcm.MCC).toBe(1);
    expect(glcm.Imc1).toBe(0);
    expect(glcm.Contrast).toBe(0);
    const ngtdm = ngtdmFeatures(ngtdmMatrix(flat));
    expect(ngtdm).toEqual({ Coarseness: 1e6, Contrast: 0, Busyness: 0, Complexity: 0, Strength: 0 });
    const glszm = glszmFeatures(glszmMatrix(flat));
    expect(glszm.LargeAreaEmphasis).toBe(27 * 27);
    expect(glszm.ZonePercentage).toBeCloseTo(1 / 27, 15);
    for (const v of Object.values(glrlmFeatures(glrlmMatrix(flat)))) expect(Number.isFinite(v)).toBe(true);
    // dependence = 1 + ROI neighbours: 8 corners 8, 12 edges 12, 6 faces 18, the centre 27
    expect(gldmFeatures(gldmMatrix(flat)).LargeDependenceEmphasis).toBeCloseTo(
      (8 * 64 + 12 * 144 + 6 * 324 + 729) / 27,
      9,
    );
  });
});

describe('bad input', () => {
  it('a single-voxel ROI gives NaN for GLCM and GLRLM (no pair, no run), values elsewhere', () => {
    const one = { grayLevels: Int32Array.from([0, 2, 0]), size: [3, 1, 1] as [number, number, number] };
    const glcm = glcmFeatures(glcmMatrix(one));
    expect(Object.keys(glcm)).toEqual([...GLCM_FEATURE_NAMES]);
    expect(Number.isNaN(glcm.Contrast)).toBe(true);
    expect(Object.keys(glrlmFeatures(glrlmMatrix(one)))).toEqual([...GLRLM_FEATURE_NAMES]);
    expect(Object.keys(glszmFeatures(glszmMatrix(one)))).toEqual([...GLSZM_FEATURE_NAMES]);
    expect(Object.keys(gldmFeatures(gldmMatrix(one)))).toEqual([...GLDM_FEATURE_NAMES]);
    expect(Object.keys(ngtdmFeatures(ngtdmMatrix(one)))).toEqual([...NGTDM_FEATURE_NAMES]);
  });
  it('an empty ROI, a wrong length or more than 10^4 grey levels throw a TaceError', () => {
    expect(() => glcmMatrix({ grayLevels: new Int32Array(8), size: [2, 2, 2] })).toThrow(/no voxel/);
    expect(() => glcmMatrix({ grayLevels: new Int32Array(7).fill(1), size: [2, 2, 2] })).toThrow(/length 7/);
    expect(() => glszmMatrix({ grayLevels: Int32Array.from([1, 20_000]), size: [2, 1, 1] })).toThrow(
      /binWidth/,
    );
    const many = Int32Array.from({ length: 5000 }, (_, k) => k + 1);
    expect(() => glcmMatrix({ grayLevels: many, size: [5000, 1, 1] })).not.toThrow();
    const wide = Int32Array.from({ length: 8000 }, (_, k) => k + 1);
    expect(() => glcmMatrix({ grayLevels: wide, size: [20, 20, 20] })).toThrow(/GLCM would have/);
  });
});

describe('symmetricEigenvalues', () => {
  it('solves [[2, 1], [1, 2]] to 1e-14 and a diagonal matrix exactly', () => {
    const two = symmetricEigenvalues(Float64Array.from([2, 1, 1, 2]), 2);
    expect(two[0]).toBeCloseTo(1, 14);
    expect(two[1]).toBeCloseTo(3, 14);
    expect([...symmetricEigenvalues(Float64Array.from([3, 0, 0, 0, 1, 0, 0, 0, 2]), 3)]).toEqual([1, 2, 3]);
  });
  it('preserves the trace and the Frobenius norm (property, 1e-9 relative)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 144, maxLength: 144 }),
        (n, raw) => {
          const m = new Float64Array(n * n);
          for (let i = 0; i < n; i++)
            for (let j = 0; j <= i; j++) m[i * n + j] = m[j * n + i] = raw[i * 12 + j];
          let trace = 0;
          let frob = 0;
          for (let i = 0; i < n; i++) trace += m[i * n + i];
          for (const x of m) frob += x * x;
          const e = symmetricEigenvalues(Float64Array.from(m), n);
          const sum = e.reduce((s, x) => s + x, 0);
          const squares = e.reduce((s, x) => s + x * x, 0);
          expect(Math.abs(sum - trace)).toBeLessThan(1e-9 * (1 + Math.abs(trace) + Math.sqrt(frob)));
          expect(Math.abs(squares - frob)).toBeLessThan(1e-9 * (1 + frob));
        },
      ),
      { numRuns: 200 },
    );
  });
});
