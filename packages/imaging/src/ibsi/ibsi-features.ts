import type { RoiContext } from '../features/base.js';
import { IBSI_STATISTIC_FEATURES, ibsiStatistics } from '../features/firstorder/ibsi-statistics.js';
import type { IbsiRoiFamily } from './ibsi-roi-families.js';
import type { IbsiAggregationSetting } from './settings.js';
import {
  IBSI_TEXTURE_FEATURES,
  type IbsiAggregation,
  type IbsiTextureFamily,
  ibsiTextureFeatures,
} from './texture-aggregation.js';

/**
 * IBSI feature families reported in IBSI mode: intensity-based statistics and the texture families (per image
 * type), and the ROI families of the original image that the `shape` class gives there (morphology, local
 * intensity, intensity histogram, intensity-volume histogram, GLDZM).
 */
export type IbsiFamily = 'statistics' | IbsiTextureFamily | IbsiRoiFamily;

/** One IBSI feature of an extraction in IBSI mode (`ExtractionResult.ibsiFeatures`). */
export interface IbsiFeatureValue {
  /** Image type the feature was computed on, as it prefixes PyRadiomics names (`original`, `log-sigma-1-0-mm-3D`). */
  imageType: string;
  /** IBSI family. */
  family: IbsiFamily;
  /** IBSI feature name, as in the IBSI 1 reference table (`Joint maximum`). */
  name: string;
  /** Four-character IBSI code (`GYBY`). */
  code: string;
  /** IBSI aggregation method as spelt in the IBSI tables (`3D, averaged`, `2D`, ...); `''` for statistics. */
  aggregation: string;
  /** The value. */
  value: number;
}

/**
 * The IBSI family computed for each PyRadiomics feature class in IBSI mode: first order gives the IBSI
 * intensity-based statistics, GLDM the NGLDM (IBSI dependence count = PyRadiomics dependence size, alpha 0).
 * Shape is not listed: in IBSI mode it gives the IBSI ROI families instead ({@link ibsiExtractionRoiFamilies}).
 */
export const IBSI_FAMILY_OF_CLASS: Readonly<Record<string, 'statistics' | IbsiTextureFamily>> = {
  firstorder: 'statistics',
  glcm: 'glcm',
  glrlm: 'glrlm',
  glszm: 'glszm',
  gldm: 'ngldm',
  ngtdm: 'ngtdm',
};

const DIRECTIONAL: Record<IbsiAggregationSetting, IbsiAggregation> = {
  '3D_averaged': '3D, averaged',
  '3D_merged': '3D, merged',
  '2D_averaged': '2D, averaged',
  '2D_slice_merged': '2D, slice-merged',
  '2.5D_direction_merged': '2.5D, direction-merged',
  '2.5D_merged': '2.5D, merged',
};

/** The IBSI aggregation of `family` for an `ibsiAggregation` setting value. */
export function ibsiAggregationFor(
  family: IbsiTextureFamily,
  setting: IbsiAggregationSetting,
): IbsiAggregation {
  if (family === 'glcm' || family === 'glrlm') return DIRECTIONAL[setting];
  return setting.split('_')[0] as IbsiAggregation;
}

/**
 * IBSI features of one family on a prepared ROI: statistics of the intensities in `context.mask`, or texture
 * features of `context.grayLevels` for each distinct aggregation of `aggregations` (IBSI `Ng` = `nLevels`).
 * @example ibsiFamilyFeatures(context, 'glcm', ['3D_averaged'], 36)
 */
export function ibsiFamilyFeatures(
  context: RoiContext,
  family: 'statistics' | IbsiTextureFamily,
  aggregations: readonly IbsiAggregationSetting[],
  nLevels: number,
): IbsiFeatureValue[] {
  const imageType = context.imageTypeName;
  if (family === 'statistics') {
    const values = new Float64Array(context.voxelCount);
    let n = 0;
    for (let v = 0; v < context.mask.length; v++)
      if (context.mask[v] !== 0) values[n++] = context.image.data[v]!;
    const stats = ibsiStatistics(values);
    return IBSI_STATISTIC_FEATURES.map((f) => ({
      imageType,
      family,
      name: f.name,
      code: f.code,
      aggregation: '',
      value: stats[f.tag],
    }));
  }
  const grid = { grayLevels: context.grayLevels, size: context.image.size };
  const out: IbsiFeatureValue[] = [];
  const done = new Set<IbsiAggregation>();
  for (const setting of aggregations) {
    const aggregation = ibsiAggregationFor(family, setting);
    if (done.has(aggregation)) continue;
    done.add(aggregation);
    const values = ibsiTextureFeatures(grid, family, aggregation, { nLevels });
    for (const f of IBSI_TEXTURE_FEATURES[family]) {
      out.push({ imageType, family, name: f.name, code: f.code, aggregation, value: values[f.code]! });
    }
  }
  return out;
}
