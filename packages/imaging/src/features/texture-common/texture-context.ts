import type { RoiContext } from '../base.js';
import type { NeighborOptions } from './angles.js';
import type { TextureGrid } from './texture-grid.js';
import type { WeightingNorm } from './weighting.js';

/** The discretised ROI of an extraction context as a {@link TextureGrid}. */
export function contextGrid(context: RoiContext): TextureGrid {
  return { grayLevels: context.grayLevels, size: context.image.size };
}

/** The neighbourhood settings (`distances`, `force2D`, `force2Ddimension`) of an extraction context. */
export function contextNeighbors(context: RoiContext): NeighborOptions {
  const { distances, force2D, force2Ddimension } = context.settings;
  return { distances, force2D, force2Ddimension };
}

/** The angle weighting settings (`weightingNorm`, voxel spacing) of an extraction context. */
export function contextWeighting(context: RoiContext): {
  weightingNorm: WeightingNorm | null;
  spacing: readonly [number, number, number];
} {
  return {
    weightingNorm: (context.settings.weightingNorm ?? null) as WeightingNorm | null,
    spacing: context.image.spacing,
  };
}
