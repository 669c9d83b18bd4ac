import type { RoiContext } from '../base.js';
import { generateAngles, type NeighborOptions } from './angles.js';
import type { TextureGrid } from './texture-grid.js';
import { neighborPad, type TextureVolume, textureVolume } from './texture-volume.js';
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

/** Texture volumes by context and border width: the texture classes of one context share one. */
const volumes = new WeakMap<RoiContext, Map<number, TextureVolume>>();

/**
 * The neighbour offsets of `neighbors` on the context's grid (`generateAngles`, one direction per pair unless
 * `bidirectional`) and the context's discretised ROI as a {@link TextureVolume} padded for them. The volume is
 * built once per context (and border width) and shared by every texture class of that context, which only
 * read it; a context is never modified after extraction builds it.
 * @throws {TaceError} see `generateAngles` and `roiLevels`.
 */
export function contextTexture(
  context: RoiContext,
  neighbors: NeighborOptions,
  bidirectional: boolean,
): { volume: TextureVolume; offsets: Int32Array } {
  const offsets = generateAngles(context.image.size, { ...neighbors, bidirectional });
  const pad = neighborPad(offsets);
  let byPad = volumes.get(context);
  if (byPad === undefined) {
    byPad = new Map();
    volumes.set(context, byPad);
  }
  let volume = byPad.get(pad);
  if (volume === undefined) {
    volume = textureVolume(contextGrid(context), pad);
    byPad.set(pad, volume);
  }
  return { volume, offsets };
}
