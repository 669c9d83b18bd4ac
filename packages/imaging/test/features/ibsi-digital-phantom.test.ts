import { readFileSync } from 'node:fs';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { extractFeatures, readImage } from '../../src/index.js';

// Reference: IBSI 1 consensus values for the digital phantom (ibsi1_reference_values.csv, data =
// digital_phantom), compared within the published tolerance; values of tolerance 0 are published to 3
// significant digits, so half a unit of their last digit is allowed.
const DIR = 'radiomics/ibsi';
const root = sharedDataPath(DIR);

interface Reference {
  value: number;
  tolerance: number;
}

function references(): Map<string, Reference> {
  const out = new Map<string, Reference>();
  const lines = readFileSync(`${root}/ibsi1_reference_values.csv`, 'utf8').trim().split(/\r?\n/).slice(1);
  for (const line of lines) {
    const cells = line.split(',');
    if (cells[4] !== 'digital_phantom' || cells[3] !== '') continue;
    const text = cells[5]!;
    const mantissa = text.split('e')[0]!.replace('-', '');
    const digits = mantissa.replace('.', '').replace(/^0+/, '').length;
    const halfUnit = 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(Number(text)))) - digits + 1);
    out.set(`${cells[0]}|${cells[1]}`, {
      value: Number(text),
      tolerance: Math.max(Number(cells[6]), halfUnit),
    });
  }
  return out;
}

describe.skipIf(root === null)(
  `IBSI 1 digital phantom ${root === null ? sharedDataSkipMessage(DIR) : ''}`,
  () => {
    const image = root === null ? null : readImage(`${root}/digital_phantom/phantom.nii.gz`);
    const mask = root === null ? null : readImage(`${root}/digital_phantom/mask.nii.gz`);
    const { features } = extractFeatures(image!, mask!, {
      setting: { binWidth: 1, voxelArrayShift: 0, minimumROIDimensions: 1 },
    });
    const ref = references();
    const n = features.original_shape_VoxelVolume! / 8; // 2 x 2 x 2 mm voxels
    // PyRadiomics takes the covariance of voxel centres with 1/N, IBSI with 1/(N - 1).
    const sampleScale = Math.sqrt(n / (n - 1));
    const cases: [string, string, number][] = [
      ['Morphological features', 'Volume (mesh)', features.original_shape_MeshVolume!],
      ['Morphological features', 'Volume (voxel counting)', features.original_shape_VoxelVolume!],
      ['Morphological features', 'Surface area (mesh)', features.original_shape_SurfaceArea!],
      ['Morphological features', 'Surface to volume ratio', features.original_shape_SurfaceVolumeRatio!],
      ['Morphological features', 'Sphericity', features.original_shape_Sphericity!],
      ['Morphological features', 'Maximum 3D diameter', features.original_shape_Maximum3DDiameter!],
      ['Morphological features', 'Major axis length', features.original_shape_MajorAxisLength! * sampleScale],
      ['Morphological features', 'Minor axis length', features.original_shape_MinorAxisLength! * sampleScale],
      ['Morphological features', 'Least axis length', features.original_shape_LeastAxisLength! * sampleScale],
      ['Morphological features', 'Elongation', features.original_shape_Elongation!],
      ['Morphological features', 'Flatness', features.original_shape_Flatness!],
      ['Intensity-based statistical features', 'Mean intensity', features.original_firstorder_Mean!],
      ['Intensity-based statistical features', 'Intensity variance', features.original_firstorder_Variance!],
      ['Intensity-based statistical features', 'Intensity skewness', features.original_firstorder_Skewness!],
      [
        'Intensity-based statistical features',
        '(Excess) intensity kurtosis',
        features.original_firstorder_Kurtosis! - 3,
      ],
      ['Intensity-based statistical features', 'Median intensity', features.original_firstorder_Median!],
      ['Intensity-based statistical features', 'Minimum intensity', features.original_firstorder_Minimum!],
      [
        'Intensity-based statistical features',
        '10\\ :sup:`th` intensity percentile',
        features.original_firstorder_10Percentile!,
      ],
      [
        'Intensity-based statistical features',
        '90\\ :sup:`th` intensity percentile',
        features.original_firstorder_90Percentile!,
      ],
      ['Intensity-based statistical features', 'Maximum intensity', features.original_firstorder_Maximum!],
      [
        'Intensity-based statistical features',
        'Intensity interquartile range',
        features.original_firstorder_InterquartileRange!,
      ],
      ['Intensity-based statistical features', 'Intensity range', features.original_firstorder_Range!],
      [
        'Intensity-based statistical features',
        'Intensity-based mean absolute deviation',
        features.original_firstorder_MeanAbsoluteDeviation!,
      ],
      [
        'Intensity-based statistical features',
        'Intensity-based robust mean absolute deviation',
        features.original_firstorder_RobustMeanAbsoluteDeviation!,
      ],
      [
        'Intensity-based statistical features',
        'Intensity-based energy',
        features.original_firstorder_Energy!,
      ],
      [
        'Intensity-based statistical features',
        'Root mean square intensity',
        features.original_firstorder_RootMeanSquared!,
      ],
    ];
    for (const [family, name, value] of cases) {
      it(`${name} is within the IBSI tolerance`, () => {
        const r = ref.get(`${family}|${name}`);
        expect(r, `${family}|${name} in the reference table`).toBeDefined();
        expect(Math.abs(value - r!.value), `${value} vs ${r!.value} +/- ${r!.tolerance}`).toBeLessThanOrEqual(
          r!.tolerance,
        );
      });
    }
  },
);
