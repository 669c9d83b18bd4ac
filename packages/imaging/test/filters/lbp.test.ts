import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFeatures } from '../../src/extract/extract-features.js';
import { type Lbp2DMethod, lbp2DImage } from '../../src/filters/lbp-2d.js';
import { icosphereVertices, lbp3DImages } from '../../src/filters/lbp-3d.js';
import { volume } from './volume.js';

// Fixture: test/fixtures/lbp/make.py (Debian python3-skimage 0.19 for LBP2D, PyRadiomics' call per slice; LBP3D
// re-implemented from PyRadiomics' getLBP3DImage with numpy/scipy 1.10, icosphere checked against trimesh 5.1).
interface Fixture {
  size: [number, number, number];
  image: number[];
  levelsImage: number[];
  mask: number[];
  lbp2D: {
    input: 'image' | 'levelsImage';
    radius: number;
    samples: number;
    method: Lbp2DMethod;
    axis: 0 | 1 | 2;
    values: (number | null)[];
  }[];
  lbp3D: {
    levels: number;
    radius: number;
    subdivision: number;
    m1: number[];
    m2: number[];
    m3?: number[];
    k: (number | null)[];
  }[];
}
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'lbp', 'lbp.json'), 'utf8'),
) as Fixture;
const asImage = (values: number[]) => {
  const [nx, ny] = fixture.size;
  return volume(fixture.size, (x, y, z) => values[x + nx * (y + ny * z)]!);
};

describe('lbp2DImage equals scikit-image local_binary_pattern per slice (PyRadiomics LBP2D)', () => {
  it.each(fixture.lbp2D.map((c, i) => [i, c] as const))('case %i', (_, c) => {
    const got = lbp2DImage(asImage(fixture[c.input]), {
      radius: c.radius,
      samples: c.samples,
      method: c.method,
      axis: c.axis,
    }).data;
    const want = c.values.map((v) => (v === null ? Number.NaN : v));
    // the codes exactly; the 'var' variances to 1e-12 relative
    for (let i = 0; i < want.length; i++) {
      if (Number.isNaN(want[i]!)) expect(got[i]).toBeNaN();
      else expect(Math.abs(got[i]! - want[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want[i]!)));
    }
  });

  it('hand-worked: a voxel brighter than its 8 neighbours is 0, darker is 8, a ramp edge is uniform', () => {
    const peak = volume([3, 3, 1], (x, y) => (x === 1 && y === 1 ? 10 : 1));
    expect(lbp2DImage(peak).data[4]).toBe(0);
    const pit = volume([3, 3, 1], (x, y) => (x === 1 && y === 1 ? -10 : 1));
    expect(lbp2DImage(pit).data[4]).toBe(8);
    // x ramp: samples at columns >= the centre's are 1 (i = 0, 1, 2 (same column), 6, 7): 5 ones, 2 changes
    const ramp = volume([3, 3, 1], (x) => x);
    expect(lbp2DImage(ramp).data[4]).toBe(5);
  });
});

describe('lbp3DImages equals the numpy/scipy re-implementation of PyRadiomics getLBP3DImage', () => {
  it('icosphere: 12, 42, 162 unit vertices', () => {
    for (const [s, n] of [
      [0, 12],
      [1, 42],
      [2, 162],
    ] as const) {
      const v = icosphereVertices(s, 1);
      expect(v).toHaveLength(n);
      for (const p of v) expect(Math.hypot(p[0]!, p[1]!, p[2]!)).toBeCloseTo(1, 14);
    }
  });

  it.each(
    fixture.lbp3D.map(
      (c) => [`levels ${c.levels}, radius ${c.radius}, subdivision ${c.subdivision}`, c] as const,
    ),
  )('%s: m1..m<levels> and k within 1e-9', (_, c) => {
    const mask = Uint8Array.from(fixture.mask);
    const { levels, kurtosis } = lbp3DImages(asImage(fixture.image), mask, {
      levels: c.levels,
      icosphereRadius: c.radius,
      icosphereSubdivision: c.subdivision,
    });
    const wants = [c.m1, c.m2, c.m3].slice(0, c.levels) as number[][];
    expect(levels).toHaveLength(c.levels);
    levels.forEach((level, l) => {
      for (let i = 0; i < mask.length; i++)
        expect(Math.abs(level.data[i]! - wants[l]![i]!)).toBeLessThan(
          1e-9 * Math.max(1, Math.abs(wants[l]![i]!)),
        );
    });
    for (let i = 0; i < mask.length; i++)
      expect(Math.abs(kurtosis.data[i]! - (c.k[i] ?? Number.NaN))).toBeLessThan(1e-9);
  });
});

describe('LBP2D / LBP3D image types in extractFeatures (PyRadiomics names)', () => {
  it('yields lbp-2D, lbp-3D-m1, lbp-3D-m2, lbp-3D-k features, equal to firstorder of the filtered images', () => {
    const image = asImage(fixture.image);
    const mask = { ...image, data: Uint8Array.from(fixture.mask) };
    const { features } = extractFeatures(image, mask, {
      imageType: { LBP2D: {}, LBP3D: {} },
      featureClass: { firstorder: ['Mean', 'Maximum'] },
      setting: { binWidth: 1 },
    });
    const names = Object.keys(features).sort();
    expect(names).toEqual([
      'lbp-2D_firstorder_Maximum',
      'lbp-2D_firstorder_Mean',
      'lbp-3D-k_firstorder_Maximum',
      'lbp-3D-k_firstorder_Mean',
      'lbp-3D-m1_firstorder_Maximum',
      'lbp-3D-m1_firstorder_Mean',
      'lbp-3D-m2_firstorder_Maximum',
      'lbp-3D-m2_firstorder_Mean',
    ]);
    const roiMean = (values: ArrayLike<number>) => {
      let s = 0;
      let n = 0;
      for (let i = 0; i < fixture.mask.length; i++)
        if (fixture.mask[i] === 1) {
          s += values[i]!;
          n++;
        }
      return s / n;
    };
    const default2D = fixture.lbp2D.find(
      (c) => c.input === 'image' && c.method === 'uniform' && c.axis === 0,
    )!;
    expect(features['lbp-2D_firstorder_Mean']).toBeCloseTo(roiMean(default2D.values as number[]), 12);
    expect(features['lbp-3D-m2_firstorder_Mean']).toBeCloseTo(roiMean(fixture.lbp3D[0]!.m2), 9);
  });
});
