import { TaceError } from '@tace/core';
import type { RoiContext } from '../features/base.js';
import type { IbsiFeatureValue } from './ibsi-features.js';
import { ibsiAggregationFor } from './ibsi-features.js';
import { type IbsiRoiFamily, type IvhDiscretization, ibsiRoiFamilies } from './ibsi-roi-families.js';
import type { IbsiAggregationSetting } from './settings.js';

/** The IBSI ROI families, in the order `extractFeatures` reports them. */
export const IBSI_ROI_FAMILIES: readonly IbsiRoiFamily[] = [
  'morphology',
  'localIntensity',
  'intensityHistogram',
  'intensityVolume',
  'gldzm',
];

/** Options of {@link ibsiExtractionRoiFamilies}. */
export interface IbsiExtractionRoiOptions {
  /** Families to compute (null: all five). */
  families: readonly string[] | null;
  /** `ibsiAggregation` setting: its neighbourhoods (`3D`, `2D`, `2.5D`) are the GLDZM aggregations. */
  aggregations: readonly IbsiAggregationSetting[];
  /** IVH discretisation (`ibsiIvh` setting). */
  ivh: IvhDiscretization;
  /** Resegmentation range `[lower, upper]` (absolute, finite), or null. */
  range: readonly [number, number] | null;
}

/**
 * The IBSI ROI families of `extractFeatures`' IBSI mode (the `shape` class there): {@link ibsiRoiFamilies} on
 * the original image's context over the whole (interpolated) grid (`context.mask` the intensity mask after
 * resegmentation, `context.morphologicalMask` the morphological one, `context.grayLevels` the IBSI
 * discretisation with `nLevels` grey levels), as `ibsiFeatures` entries of image type `original`.
 * @throws {TaceError} `INVALID_ARGUMENT` for a family name that is not one of {@link IBSI_ROI_FAMILIES}.
 * @example ibsiExtractionRoiFamilies(context, 36, { families: null, aggregations: ['3D_averaged'], ivh: 'none', range: [-1000, 400] })
 */
export function ibsiExtractionRoiFamilies(
  context: RoiContext,
  nLevels: number,
  options: IbsiExtractionRoiOptions,
): IbsiFeatureValue[] {
  for (const family of options.families ?? []) {
    if (!(IBSI_ROI_FAMILIES as readonly string[]).includes(family)) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `in IBSI mode the shape class gives the IBSI families ${IBSI_ROI_FAMILIES.join(', ')}, not "${family}"`,
        { param: 'featureClass', remedy: 'list IBSI family names under shape, or null for all five' },
      );
    }
  }
  const families = (options.families ?? IBSI_ROI_FAMILIES) as readonly IbsiRoiFamily[];
  const gldzmAggregations = [
    ...new Set(options.aggregations.map((a) => ibsiAggregationFor('glszm', a) as '3D' | '2D' | '2.5D')),
  ];
  const { image, mask, morphologicalMask, grayLevels, voxelCount } = context;
  const values = ibsiRoiFamilies(
    {
      grid: { grayLevels, size: image.size },
      nLevels,
      image,
      voxelCount,
      roi: mask,
      morphologicalMask,
    },
    { families, gldzmAggregations, ivh: options.ivh, range: options.range },
  );
  return values.map((f) => ({ imageType: 'original', ...f }));
}
