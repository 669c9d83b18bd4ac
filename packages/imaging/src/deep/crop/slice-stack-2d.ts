import { assertInteger, TaceError } from '@tace/core';
import type { Image } from '../../image/types.js';
import { type CropOptions, resolveCropOptions } from './crop-options.js';
import { assertMaskOnGrid, gridAround, sampleOnGrid } from './grid.js';
import { roiCenter, roiSliceCounts } from './roi.js';

/** Options of {@link sliceStack2d}: the crop options plus the number of slices. */
export interface SliceStackOptions extends CropOptions {
  /** Number of samples: the axial mask slices with the largest ROI area (fewer if the ROI spans fewer). @default 1 */
  slices?: number;
}

/** Slice stacks produced by {@link sliceStack2d}. */
export interface SliceStacks {
  /** Number of samples (<= `slices`). */
  samples: number;
  /** Axial index k (in the mask) of each sample's central slice, by decreasing ROI area. */
  sliceIndices: Int32Array;
  /** ROI voxel count of each chosen slice. */
  areas: Int32Array;
  /** Voxels `[samples, phases, size[2], size[1], size[0]]`, x fastest. */
  data: Float32Array;
  /** Channels per sample: phases x size[2] (phase-major). */
  channels: number;
}

/**
 * 2D / 2.5D slice stacks through the largest-area ROI slices: the axial slices k of the mask with the most
 * ROI voxels are chosen (ties: lower k first); for each, a `size[0] x size[1]` patch at `spacing[0..1]` mm is
 * centred on the ROI of that slice (center of mass or bounding box) and `size[2]` adjacent planes are
 * sampled `spacing[2]` mm apart around it (1 = 2D, 3 = 2.5D). Phases are sampled on the same grid (the
 * first phase's orientation), as in {@link cropPhases}; the border is padded with `padValue`.
 *
 * @throws {TaceError} `GEOMETRY_MISMATCH`, `EMPTY_INPUT` (empty ROI), `INVALID_ARGUMENT`.
 * @example
 * ```ts
 * const stacks = sliceStack2d([arterial, portal], mask, { size: [64, 64, 3], spacing: [1, 1, 2.5], slices: 5 });
 * stacks.channels; // 6
 * ```
 */
export function sliceStack2d(
  phases: Image | readonly Image[],
  mask: Image,
  options: SliceStackOptions = {},
): SliceStacks {
  const list: readonly Image[] = Array.isArray(phases) ? phases : [phases as Image];
  if (list.length === 0) throw new TaceError('EMPTY_INPUT', 'no phase to crop', { param: 'phases' });
  const { slices = 1 } = options;
  assertInteger(slices, 'slices', 1);
  const resolved = resolveCropOptions(options);
  assertMaskOnGrid(list[0], mask);
  const counts = roiSliceCounts(mask, resolved.label);
  const order = Array.from(counts.keys())
    .filter((k) => counts[k] > 0)
    .sort((a, b) => counts[b] - counts[a] || a - b)
    .slice(0, slices);
  if (order.length === 0) {
    throw new TaceError('EMPTY_INPUT', 'the mask ROI is empty', {
      param: 'mask',
      remedy: 'check the mask and label',
    });
  }
  const voxels = resolved.size[0] * resolved.size[1] * resolved.size[2];
  const data = new Float32Array(order.length * list.length * voxels);
  order.forEach((k, s) => {
    const center = roiCenter(mask, resolved.center, resolved.label, k);
    const grid = gridAround(center, resolved.size, resolved.spacing, list[0].direction);
    list.forEach((phase, p) => {
      const offset = (s * list.length + p) * voxels;
      sampleOnGrid(phase, grid, resolved.padValue, data.subarray(offset, offset + voxels));
    });
  });
  return {
    samples: order.length,
    sliceIndices: Int32Array.from(order),
    areas: Int32Array.from(order, (k) => counts[k]),
    data,
    channels: list.length * resolved.size[2],
  };
}
