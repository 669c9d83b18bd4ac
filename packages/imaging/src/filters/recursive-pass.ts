import type { VoxelArray } from '../image/types.js';
import { type RecursiveGaussianCoefficients, recursiveFilterLineRange } from './recursive-gaussian.js';

/** Lines filtered together along y or z: their voxels are adjacent in x, so each gather reads whole cache lines. */
const BLOCK = 16;

/**
 * Filters every line of `source` (a volume of `size`, x fastest) along `axis` with each of `filters`, keeping
 * only the positions `lower .. lower + extent - 1` along that axis: one volume per filter, of `size` with
 * `size[axis]` replaced by `extent`. Each line is gathered once for all filters and filtered over its whole
 * length (the recursions need it), so the values kept equal those of {@link recursiveFilterAxis} on the whole
 * volume bit for bit; only the output, and the recursions past the kept positions, are saved. Along y and z,
 * blocks of up to 16 lines adjacent in x are gathered and scattered together (contiguous reads and writes).
 *
 * `inPlace`: the first output is written over `source` (a `Float64Array` the caller owns), packed at its start
 * and returned as a view of that length: safe, because each block of lines is gathered before any of its
 * outputs is written, and an output line of a block lands at or before the block's own positions, never on
 * a line not yet gathered (the packed layout is never ahead of the source's).
 */
export function recursivePass(
  source: VoxelArray | Float64Array,
  size: readonly [number, number, number],
  axis: 0 | 1 | 2,
  lower: number,
  extent: number,
  filters: readonly RecursiveGaussianCoefficients[],
  inPlace = false,
): Float64Array[] {
  const [nx, ny, nz] = size;
  const length = size[axis];
  const outSize: [number, number, number] = [nx, ny, nz];
  outSize[axis] = extent;
  const count = outSize[0] * outSize[1] * outSize[2];
  const outputs = filters.map((_, f) =>
    f === 0 && inPlace ? (source as Float64Array).subarray(0, count) : new Float64Array(count),
  );
  // strides of the source and of the outputs along the line, and along the two other axes (u slower than w)
  const sourceStrides = [1, nx, nx * ny];
  const outStrides = [1, outSize[0], outSize[0] * outSize[1]];
  const [w, u] = ([0, 1, 2] as const).filter((a) => a !== axis);
  const block = axis === 0 ? 1 : Math.min(BLOCK, nx);
  const lines = new Float64Array(block * length);
  const out = new Float64Array(block * length);
  const upper = lower + extent - 1;
  const stride = sourceStrides[axis];
  const outStride = outStrides[axis];
  const sw = sourceStrides[w];
  const ow = outStrides[w];
  for (let iu = 0; iu < size[u]; iu++) {
    for (let iw = 0; iw < size[w]; iw += block) {
      const lineCount = Math.min(block, size[w] - iw);
      const from = iu * sourceStrides[u] + iw * sw;
      const to = iu * outStrides[u] + iw * ow;
      for (let i = 0; i < length; i++) {
        const at = from + i * stride;
        for (let b = 0; b < lineCount; b++) lines[b * length + i] = source[at + b * sw];
      }
      for (let f = 0; f < filters.length; f++) {
        for (let b = 0; b < lineCount; b++) {
          recursiveFilterLineRange(out, lines, b * length, length, filters[f], lower, upper);
        }
        const target = outputs[f];
        for (let i = 0; i < extent; i++) {
          const at = to + i * outStride;
          for (let b = 0; b < lineCount; b++) target[at + b * ow] = out[b * length + lower + i];
        }
      }
    }
  }
  return outputs;
}
