import { describe, expect, it } from 'vitest';
import {
  extractFeatures,
  IDENTITY_DIRECTION,
  type Image,
  parseParameters,
  resolveSettings,
} from '../../src/index.js';

/** A 4 x 4 x 2 image whose 2 x 2 x 2 ROI holds 3, 12, 13, 22 in each slice. */
function cube(): { image: Image; mask: Image } {
  const geometry = {
    size: [4, 4, 2] as [number, number, number],
    spacing: [1, 1, 1] as [number, number, number],
    origin: [0, 0, 0] as [number, number, number],
    direction: [...IDENTITY_DIRECTION],
  };
  const data = new Float32Array(32).fill(50);
  const mask = new Uint8Array(32);
  for (let k = 0; k < 2; k++) {
    [3, 12, 13, 22].forEach((x, n) => {
      const v = 1 + (n % 2) + 4 * (1 + Math.floor(n / 2)) + 16 * k;
      data[v] = x;
      mask[v] = 1;
    });
  }
  return { image: { ...geometry, data }, mask: { ...geometry, data: mask } };
}

describe("compliance setting: 'pyradiomics' (default) or 'ibsi'", () => {
  it('fixed bin size: PyRadiomics bins from multiples of the width, IBSI from the ROI minimum or the resegmentation bound', () => {
    const { image, mask } = cube();
    const uniformity = (setting: Record<string, unknown>) =>
      extractFeatures(image, mask, {
        setting: { binWidth: 10, ...setting },
        featureClass: { firstorder: null },
      }).features.original_firstorder_Uniformity;
    // PyRadiomics: 3, 12, 13, 22 -> levels 1, 2, 2, 3: (1/4)^2 + (1/2)^2 + (1/4)^2
    expect(uniformity({})).toBeCloseTo(0.375, 12);
    // IBSI from the minimum 3: levels 1, 1, 2, 2
    expect(uniformity({ compliance: 'ibsi' })).toBeCloseTo(0.5, 12);
    // IBSI from the resegmentation bound 0: levels 1, 2, 2, 3
    expect(uniformity({ compliance: 'ibsi', resegmentRange: [0, 100] })).toBeCloseTo(0.375, 12);
  });

  it('ibsiFeatures is [] in PyRadiomics mode; in IBSI mode it lists every IBSI feature of the enabled classes', () => {
    const { image, mask } = cube();
    const classes = { firstorder: null, glcm: null, glrlm: null, glszm: null, gldm: null, ngtdm: null };
    expect(extractFeatures(image, mask, { featureClass: classes }).ibsiFeatures).toEqual([]);
    const { ibsiFeatures, features } = extractFeatures(image, mask, {
      setting: { compliance: 'ibsi', binWidth: 10 },
      featureClass: classes,
    });
    const count = (family: string) => ibsiFeatures.filter((f) => f.family === family).length;
    expect([
      count('statistics'),
      count('glcm'),
      count('glrlm'),
      count('glszm'),
      count('ngldm'),
      count('ngtdm'),
    ]).toEqual([18, 25, 16, 16, 17, 5]);
    // default aggregation: 3D averaged (directional families), 3D (the others)
    expect(ibsiFeatures.find((f) => f.code === 'GYBY')).toMatchObject({
      imageType: 'original',
      name: 'Joint maximum',
      aggregation: '3D, averaged',
    });
    expect(ibsiFeatures.find((f) => f.code === '5QRC')?.aggregation).toBe('3D');
    expect(ibsiFeatures.find((f) => f.code === 'Q4LE')?.value).toBe(12.5);
    expect(features.original_firstorder_Mean).toBe(12.5);
    // two aggregations of GLCM, one (3D) of GLSZM for 3D_averaged + 3D_merged
    const both = extractFeatures(image, mask, {
      setting: { compliance: 'ibsi', binWidth: 10, ibsiAggregation: ['3D_averaged', '3D_merged'] },
      featureClass: { glcm: null, glszm: null },
    }).ibsiFeatures;
    expect(both.filter((f) => f.family === 'glcm')).toHaveLength(50);
    expect(both.filter((f) => f.family === 'glszm')).toHaveLength(16);
  });

  it('filtered image types get their own IBSI entries, binned from their own ROI minimum', () => {
    const { image, mask } = cube();
    const { ibsiFeatures } = extractFeatures(image, mask, {
      setting: { compliance: 'ibsi', binWidth: 10, resegmentRange: [0, 100] },
      imageType: { Original: {}, Square: {} },
      featureClass: { firstorder: null, glcm: null },
    });
    expect([...new Set(ibsiFeatures.map((f) => f.imageType))]).toEqual(['original', 'square']);
    expect(ibsiFeatures.filter((f) => f.imageType === 'square')).toHaveLength(18 + 25);
  });

  it('parameter files accept the IBSI settings in the setting block; bad values are clear errors', () => {
    const parameters = parseParameters(
      'setting:\n  compliance: ibsi\n  ibsiAggregation: 2D_slice_merged\n  ibsiOutlierSigma: 3\n  nanVoxels: exclude\n',
    );
    const settings = resolveSettings(parameters.setting);
    expect(settings.compliance).toBe('ibsi');
    expect(settings.ibsiAggregation).toEqual(['2D_slice_merged']);
    expect(settings.ibsiOutlierSigma).toBe(3);
    expect(settings.nanVoxels).toBe('exclude');
    expect(resolveSettings().compliance).toBe('pyradiomics');
    expect(resolveSettings().ibsiAggregation).toEqual(['3D_averaged']);
    expect(() => resolveSettings({ compliance: 'IBSI2' })).toThrow(
      /compliance must be one of 'pyradiomics', 'ibsi'/,
    );
    expect(() => resolveSettings({ ibsiAggregation: ['3D'] })).toThrow(/ibsiAggregation must be one of/);
    expect(() => resolveSettings({ ibsiAggregation: [] })).toThrow(/at least one/);
    expect(() => resolveSettings({ ibsiOutlierSigma: -1 })).toThrow(
      /ibsiOutlierSigma must be a positive number/,
    );
  });
});
