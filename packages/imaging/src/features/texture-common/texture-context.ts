import type { RoiContext } from '../base.js';
import { generateAngles, type NeighborOptions } from './angles.js';
import { type NeighborSums, neighborSums } from './neighbor-sums.js';
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

/** Contexts whose GLDM and NGTDM both run (see {@link shareNeighborScan}). */
const sharingContexts = new WeakSet<RoiContext>();

/**
 * Marks a context whose GLDM and NGTDM classes will both run, so that they count their neighbours in one
 * shared scan ({@link contextNeighborSums}); alone, each keeps its own cheaper scan. Same values either way.
 */
export function shareNeighborScan(context: RoiContext): void {
  sharingContexts.add(context);
}

/** Whether {@link shareNeighborScan} marked `context`. */
export function sharesNeighborScan(context: RoiContext): boolean {
  return sharingContexts.has(context);
}

/** Neighbour sums by texture volume and neighbour offsets: GLDM and NGTDM of one context share one scan. */
const sumsByVolume = new WeakMap<TextureVolume, Map<string, NeighborSums>>();

/**
 * {@link contextTexture} with both directions, and the {@link NeighborSums} of its ROI voxels over those
 * offsets, counted once per context (and neighbourhood) for GLDM and NGTDM, which only read them.
 * @throws {TaceError} see `contextTexture`.
 */
export function contextNeighborSums(
  context: RoiContext,
  neighbors: NeighborOptions,
): { volume: TextureVolume; offsets: Int32Array; sums: NeighborSums } {
  const { volume, offsets } = contextTexture(context, neighbors, true);
  let byOffsets = sumsByVolume.get(volume);
  if (byOffsets === undefined) {
    byOffsets = new Map();
    sumsByVolume.set(volume, byOffsets);
  }
  const key = offsets.join(',');
  let sums = byOffsets.get(key);
  if (sums === undefined) {
    sums = neighborSums(volume, offsets);
    byOffsets.set(key, sums);
  }
  return { volume, offsets, sums };
}
