import { describe, expect, it } from 'vitest';
import { extractFeatures, IDENTITY_DIRECTION, type Image } from '../../src/index.js';
import { discretize } from '../../src/preprocess/discretize.js';

/** 6 x 6 x 3 image with intensities 0..107 and a 4 x 4 x 3 cube ROI (label 1); NaN at the given voxels. */
function phantom(nanVoxels: number[] = []): { image: Image; mask: Image } {
  const size: [number, number, number] = [6, 6, 3];
  const data = Float32Array.from({ length: 108 }, (_, v) => (v * 7) % 108);
  for (const v of nanVoxels) data[v] = Number.NaN;
  const mask = new Uint8Array(108);
  for (let k = 0; k < 3; k++)
    for (let j = 1; j < 5; j++) for (let i = 1; i < 5; i++) mask[i + 6 * (j + 6 * k)] = 1;
  const geometry = {
    size,
    spacing: [1, 1, 1] as [number, number, number],
    origin: [0, 0, 0] as [number, number, number],
    direction: [...IDENTITY_DIRECTION],
  };
  return { image: { ...geometry, data }, mask: { ...geometry, data: mask } };
}

const CLASSES = { firstorder: null, glcm: null };
// ROI voxels (i, j, k) = (1, 1, 0) and (2, 3, 1); voxel 0 lies outside the ROI
const NAN_IN_ROI = [1 + 6 * 1, 2 + 6 * (3 + 6 * 1)];

describe('NaN voxels inside the ROI (setting nanVoxels)', () => {
  it("by default ('error') throw MISSING_VALUE naming the image and the count", () => {
    const { image, mask } = phantom(NAN_IN_ROI);
    expect(() => extractFeatures(image, mask, { featureClass: CLASSES })).toThrow(
      /image "original" has 2 NaN voxel\(s\) inside the ROI \(of 48 voxels\)/,
    );
    try {
      extractFeatures(image, mask, { featureClass: CLASSES });
    } catch (error) {
      expect((error as { code: string }).code).toBe('MISSING_VALUE');
    }
  });

  it('NaN outside the ROI is no error, and the diagnostics report 0 NaN voxels', () => {
    const { image, mask } = phantom([0]);
    const { diagnostics } = extractFeatures(image, mask, { featureClass: CLASSES });
    expect(diagnostics['diagnostics_Mask-original_NaNVoxels']).toBe(0);
  });

  it("'exclude' leaves them out of the intensity ROI (same features as a mask without them) and reports the count", () => {
    const { image, mask } = phantom(NAN_IN_ROI);
    const excluded = extractFeatures(image, mask, {
      setting: { nanVoxels: 'exclude' },
      featureClass: { ...CLASSES, shape: null },
    });
    expect(excluded.diagnostics['diagnostics_Mask-original_NaNVoxels']).toBe(2);
    const smaller = Uint8Array.from(mask.data);
    for (const v of NAN_IN_ROI) smaller[v] = 0;
    const reference = extractFeatures(image, { ...mask, data: smaller }, { featureClass: CLASSES });
    for (const [name, value] of Object.entries(reference.features)) {
      expect(excluded.features[name], name).toBe(value);
    }
    // first order counts 46 voxels; the shape mask keeps all 48 (4 x 4 x 3 mm^3 voxel volume)
    expect(excluded.features.original_shape_VoxelVolume).toBe(48);
  });

  it("'exclude' in IBSI mode too; an unknown policy is an INVALID_ARGUMENT error", () => {
    const { image, mask } = phantom(NAN_IN_ROI);
    const { ibsiFeatures } = extractFeatures(image, mask, {
      setting: { nanVoxels: 'exclude', compliance: 'ibsi' },
      featureClass: { firstorder: null },
    });
    expect(ibsiFeatures.find((f) => f.code === 'Q4LE')?.value).not.toBeNaN();
    expect(() => extractFeatures(image, mask, { setting: { nanVoxels: 'drop' } })).toThrow(
      /nanVoxels must be one of 'error', 'exclude'/,
    );
  });

  it('discretise itself rejects NaN in the ROI instead of giving it level 0', () => {
    expect(() => discretize([1, Number.NaN, 3], [1, 1, 1], { binWidth: 1 })).toThrow(
      /1 of the 3 ROI voxels are NaN/,
    );
    expect([...discretize([1, Number.NaN, 3], [1, 0, 1], { binWidth: 1 }).levels]).toEqual([1, 0, 3]);
  });
});
