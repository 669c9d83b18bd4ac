import { join } from 'node:path';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core';
import { describe, expect, it } from 'vitest';
import {
  type IbsiAggregation,
  type IbsiTextureFamily,
  ibsiDiscretise,
  ibsiResample,
  ibsiTextureFeatures,
} from '../../src/ibsi/index.js';
import { readNifti } from '../../src/io/nifti.js';
import { resampleToReference } from '../../src/preprocess/resample.js';
import { REFERENCE, textureGroups, withinTolerance } from './digital-phantom.js';

const CT_DIR = sharedDataPath('radiomics/ibsi/ct_phantom/nifti');

interface Config {
  /** In-plane (2D, `null` along z) or isotropic resampling in mm; none for A. */
  spacing: (number | null)[] | null;
  /** Cubic B-spline image interpolation (ITK's, with prefilter) instead of linear, on the same IBSI grid. */
  cubic?: boolean;
  /** Resegmentation range in HU. */
  range: [number, number] | null;
  /** Outlier resegmentation: mean +/- 3 standard deviations of the ROI. */
  outliers: boolean;
  binWidth?: number;
  binCount?: number;
  nLevels: number;
}

/** IBSI 1 configurations of the CT phantom (reference manual, table 5.1). */
const CONFIGS: Record<string, Config> = {
  config_A: { spacing: null, range: [-500, 400], outliers: false, binWidth: 25, nLevels: 36 },
  config_B: { spacing: [2, 2, null], range: [-500, 400], outliers: false, binCount: 32, nLevels: 32 },
  config_C: { spacing: [2, 2, 2], range: [-1000, 400], outliers: false, binWidth: 25, nLevels: 56 },
  config_D: { spacing: [2, 2, 2], range: null, outliers: true, binCount: 32, nLevels: 32 },
  config_E: {
    spacing: [2, 2, 2],
    cubic: true,
    range: [-1000, 400],
    outliers: true,
    binCount: 32,
    nLevels: 32,
  },
};

/**
 * The discretised ROI of a configuration: resampling on the IBSI grid (linear, or for E the cubic B-spline of
 * `resampleToReference` sampled on that grid; image rounded to integers, mask linear and kept where >= 0.5),
 * resegmentation, then IBSI discretisation.
 */
function prepare(config: Config) {
  let image = readNifti(join(CT_DIR!, 'phantom.nii.gz'));
  let mask = readNifti(join(CT_DIR!, 'mask.nii.gz'));
  mask = { ...mask, data: Float64Array.from(mask.data, (m) => (m !== 0 ? 1 : 0)) };
  if (config.spacing !== null) {
    mask = ibsiResample(mask, config.spacing);
    image = config.cubic
      ? resampleToReference({ ...image, data: Float64Array.from(image.data) }, mask, 'sitkBSpline')
      : ibsiResample(image, config.spacing);
    image = { ...image, data: image.data.map((x) => Math.round(x)) };
  }
  const roi = Uint8Array.from(mask.data, (m) => (m >= 0.5 ? 1 : 0));
  let [lo, hi] = config.range ?? [-Infinity, Infinity];
  if (config.outliers) {
    let n = 0;
    let sum = 0;
    let squares = 0;
    roi.forEach((m, v) => {
      if (m === 0) return;
      n++;
      sum += image.data[v];
      squares += image.data[v] ** 2;
    });
    const mean = sum / n;
    const sd = Math.sqrt(squares / n - mean * mean);
    lo = Math.max(lo, mean - 3 * sd);
    hi = Math.min(hi, mean + 3 * sd);
  }
  for (let v = 0; v < roi.length; v++) if (image.data[v] < lo || image.data[v] > hi) roi[v] = 0;
  const { levels } = ibsiDiscretise(image.data, roi, {
    binWidth: config.binWidth,
    binCount: config.binCount,
    lowerBound: config.range?.[0],
  });
  return { grid: { grayLevels: levels, size: image.size }, nLevels: config.nLevels };
}

for (const [name, config] of Object.entries(CONFIGS)) {
  describe.skipIf(CT_DIR === null || REFERENCE === null)(
    `IBSI 1 CT phantom, ${name}, texture families ${CT_DIR === null ? sharedDataSkipMessage('radiomics/ibsi/ct_phantom') : ''}`,
    () => {
      const groups = textureGroups(name);
      let data: ReturnType<typeof prepare> | undefined;
      for (const [key, group] of groups) {
        const [family, aggregation] = key.split('|') as [IbsiTextureFamily, IbsiAggregation];
        it(`${family} (${aggregation}): every feature within the IBSI tolerance`, () => {
          data ??= prepare(config);
          const got = ibsiTextureFeatures(data.grid, family, aggregation, { nLevels: data.nLevels });
          const failures = group
            .filter((r) => !withinTolerance(got[r.code], r.value, r.tolerance))
            .map((r) => `${r.feature} (${r.code}): ${got[r.code]} vs ${r.value} +/- ${r.tolerance}`);
          expect(failures).toEqual([]);
        });
      }
    },
  );
}
