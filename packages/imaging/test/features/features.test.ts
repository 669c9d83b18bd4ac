import { symmetricEigenDecompose } from '@tace/core/kernels';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convexHull2D } from '../../src/features/shape/convex-hull.js';
import { meshDiameters, meshVertices } from '../../src/features/shape/diameters.js';
import { meshAreaVolume } from '../../src/features/shape/mesh.js';
import { padMask } from '../../src/features/shape/shape.js';
import { parseParameters, resolveSettings } from '../../src/index.js';
import { firstOrderFeatures, shape2DFeatures, shapeFeatures } from '../../src/kernels.js';

/** Eigenvalues of a symmetric 3 x 3 matrix, ascending, by core's solver (the one the shape class uses). */
function symmetricEigenvalues3(matrix: readonly number[]): Float64Array {
  const values = new Float64Array(3);
  symmetricEigenDecompose(Float64Array.from(matrix), 3, values, null);
  return values.reverse();
}

describe('firstOrderFeatures (hand-worked)', () => {
  // X = 1, 2, 3, 4, 10; levels (bin width 5): 1,1,1,1,3; shift 0; voxel volume 2
  const f = firstOrderFeatures(Float64Array.of(1, 2, 3, 4, 10), Int32Array.of(1, 1, 1, 1, 3), 2, 0);
  it('moments, energy and percentiles follow their definitions', () => {
    expect(f.Mean).toBe(4);
    expect(f.Energy).toBe(130);
    expect(f.TotalEnergy).toBe(260);
    expect(f.RootMeanSquared).toBeCloseTo(Math.sqrt(26), 14);
    expect(f.Variance).toBeCloseTo(10, 14); // population: (9 + 4 + 1 + 0 + 36) / 5
    expect(f.Median).toBe(3);
    expect(f['10Percentile']).toBeCloseTo(1.4, 14); // numpy linear interpolation
    expect(f.InterquartileRange).toBe(2);
    expect(f.MeanAbsoluteDeviation).toBeCloseTo(12 / 5, 14);
    expect(f.Skewness).toBeCloseTo((-27 - 8 - 1 + 216) / 5 / 10 ** 1.5, 14);
    expect(f.Kurtosis).toBeCloseTo((81 + 16 + 1 + 1296) / 5 / 100, 14);
  });
  it('entropy and uniformity use the grey-level histogram', () => {
    expect(f.Uniformity).toBeCloseTo(0.8 ** 2 + 0.2 ** 2, 14);
    expect(f.Entropy).toBeCloseTo(-(0.8 * Math.log2(0.8) + 0.2 * Math.log2(0.2)), 12);
  });
  it('skewness and kurtosis are 0 for a flat ROI (PyRadiomics convention)', () => {
    const flat = firstOrderFeatures(Float64Array.of(5, 5, 5), Int32Array.of(1, 1, 1), 1, 0);
    expect(flat.Skewness).toBe(0);
    expect(flat.Kurtosis).toBe(0);
  });
});

describe('marching-cubes mesh', () => {
  it('one voxel: an octahedron through its 6 face centres (volume 1/6, area 4 sqrt 3 / 2^2 * 2)', () => {
    const { surfaceArea, volume } = meshAreaVolume({
      data: padMask(Uint8Array.of(1), [1, 1, 1]),
      size: [3, 3, 3],
      spacing: [1, 1, 1],
    });
    expect(volume).toBeCloseTo(1 / 6, 14);
    expect(surfaceArea).toBeCloseTo(8 * (Math.sqrt(3) / 4) * 0.5, 14);
  });
  it('a 2 x 2 x 2 block scales with the spacing', () => {
    const a = shapeFeatures(new Uint8Array(8).fill(1), [2, 2, 2], [1, 1, 1]);
    const b = shapeFeatures(new Uint8Array(8).fill(1), [2, 2, 2], [2, 2, 2]);
    expect(b.MeshVolume).toBeCloseTo(8 * a.MeshVolume!, 10);
    expect(b.SurfaceArea).toBeCloseTo(4 * a.SurfaceArea!, 10);
    expect(a.VoxelVolume).toBe(8);
  });
});

describe('diameters without all pairs', () => {
  it('equal the all-pairs maxima over the mesh vertices (random masks, anisotropic spacing)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        fc.constantFrom<[number, number, number]>([1, 1, 1], [0.7, 0.9, 2.5]),
        (bits, spacing) => {
          if (!bits.includes(true)) return;
          const size: [number, number, number] = [5, 4, 3];
          const grid = {
            data: padMask(Uint8Array.from(bits, Number), size),
            size: [7, 6, 5] as [number, number, number],
            spacing,
          };
          const { x, y, z } = meshVertices(grid);
          const best = [0, 0, 0, 0];
          for (let p = 0; p < x.length; p++) {
            for (let q = p + 1; q < x.length; q++) {
              const dx = ((x[p]! - x[q]!) * spacing[0]) / 2;
              const dy = ((y[p]! - y[q]!) * spacing[1]) / 2;
              const dz = ((z[p]! - z[q]!) * spacing[2]) / 2;
              const d = dx * dx + dy * dy + dz * dz;
              best[0] = Math.max(best[0]!, d);
              if (z[p] === z[q]) best[1] = Math.max(best[1]!, d);
              if (y[p] === y[q]) best[2] = Math.max(best[2]!, d);
              if (x[p] === x[q]) best[3] = Math.max(best[3]!, d);
            }
          }
          const got = meshDiameters(grid);
          expect(got.max3D).toBeCloseTo(Math.sqrt(best[0]!), 12);
          expect(got.maxSlice).toBeCloseTo(Math.sqrt(best[1]!), 12);
          expect(got.maxColumn).toBeCloseTo(Math.sqrt(best[2]!), 12);
          expect(got.maxRow).toBeCloseTo(Math.sqrt(best[3]!), 12);
        },
      ),
      { numRuns: 60 },
    );
  });
  it('convexHull2D drops interior and collinear points', () => {
    const u = Int32Array.of(0, 2, 2, 0, 1, 1);
    const v = Int32Array.of(0, 0, 2, 2, 1, 0);
    expect(Array.from(convexHull2D(u, v)).sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('shape2D and eigenvalues', () => {
  it('a 2 x 2 square of 1 mm pixels: octagon-free diamond contour through edge midpoints', () => {
    const f = shape2DFeatures(Uint8Array.of(1, 1, 1, 1), [2, 2], [1, 1]);
    expect(f.PixelSurface).toBe(4);
    expect(f.MeshSurface).toBeCloseTo(4 - 4 * 0.125, 14);
    expect(f.Perimeter).toBeCloseTo(4 * 1 + 4 * Math.SQRT1_2, 14);
    expect(f.MaximumDiameter).toBeCloseTo(Math.hypot(2, 1), 14);
  });
  it('symmetricEigenvalues3 of a known matrix', () => {
    const e = symmetricEigenvalues3([2, 1, 0, 1, 2, 0, 0, 0, 5]);
    expect(e[0]).toBeCloseTo(1, 14);
    expect(e[1]).toBeCloseTo(3, 14);
    expect(e[2]).toBeCloseTo(5, 14);
  });
});

describe('parameter files', () => {
  it('reads PyRadiomics YAML (setting, imageType, featureClass) and fills defaults', () => {
    const p = parseParameters(
      [
        'setting:',
        '  binWidth: 10',
        '  interpolator: sitkLinear',
        '  resampledPixelSpacing: [1, 1, 0]',
        'imageType:',
        '  Original: {}',
        'featureClass:',
        '  firstorder:',
        '  shape: [Sphericity]',
      ].join('\n'),
    );
    expect(p.featureClass).toEqual({ firstorder: null, shape: ['Sphericity'] });
    const s = resolveSettings(p.setting);
    expect(s.binWidth).toBe(10);
    expect(s.interpolator).toBe('sitkLinear');
    expect(s.resampledPixelSpacing).toEqual([1, 1, 0]);
    expect(s.label).toBe(1);
    expect(s.padDistance).toBe(5);
  });
  it('rejects unknown sections and bad values, quoting them', () => {
    expect(() => parseParameters('settings:\n  binWidth: 5')).toThrow(/unknown section "settings"/);
    expect(() => resolveSettings({ binWidth: 'wide' })).toThrow(/binWidth has the wrong type: "wide"/);
    expect(() => resolveSettings({ interpolator: 'sitkLanczos' })).toThrow(/sitkLanczos/);
    expect(() => resolveSettings({ binCount: 'ten' })).toThrow(
      /binCount must be a positive number or null, but was "ten"/,
    );
    expect(() => resolveSettings({ binCount: 2.5 })).toThrow(/binCount must be an integer/);
    expect(() => resolveSettings({ resampledPixelSpacing: [1, 'a', 1] })).toThrow(/list of numbers/);
    expect(() => resolveSettings({ resegmentMode: 'percent' })).toThrow(/resegmentMode/);
  });
});
