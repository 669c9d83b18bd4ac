import { IDENTITY_DIRECTION, type Image } from '../../src/image/types.js';

/** A volume of `size` (x fastest) with voxel (x, y, z) = `f(x, y, z)`, identity direction, origin 0. */
export function volume(
  size: [number, number, number],
  f: (x: number, y: number, z: number) => number,
  spacing = [1, 1, 1],
): Image {
  const data = new Float64Array(size[0] * size[1] * size[2]);
  for (let z = 0, v = 0; z < size[2]; z++)
    for (let y = 0; y < size[1]; y++) for (let x = 0; x < size[0]; x++, v++) data[v] = f(x, y, z);
  return {
    data,
    size,
    spacing: spacing as [number, number, number],
    origin: [0, 0, 0],
    direction: [...IDENTITY_DIRECTION],
  };
}
