/**
 * IBSI texture aggregation methods as settings (`ibsiAggregation`). Each names the method of the directional
 * families (GLCM, GLRLM: `'3D_averaged'` = IBSI "3D, averaged"...); the other families (GLSZM, NGLDM, NGTDM)
 * use the matching neighbourhood: `3D_*` -> "3D", `2D_*` -> "2D", `2.5D_*` -> "2.5D".
 */
export type IbsiAggregationSetting =
  | '3D_averaged'
  | '3D_merged'
  | '2D_averaged'
  | '2D_slice_merged'
  | '2.5D_direction_merged'
  | '2.5D_merged';

/** The accepted values of `ibsiAggregation`. */
export const IBSI_AGGREGATION_SETTINGS: readonly IbsiAggregationSetting[] = [
  '3D_averaged',
  '3D_merged',
  '2D_averaged',
  '2D_slice_merged',
  '2.5D_direction_merged',
  '2.5D_merged',
];
