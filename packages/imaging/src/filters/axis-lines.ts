/** The lines of a volume along one axis: where each starts, its stride and length. */
export interface AxisLines {
  /** Index of the first voxel of every line. */
  starts: Int32Array;
  /** Index step between consecutive voxels of a line. */
  stride: number;
  /** Voxels per line. */
  length: number;
}

/** Lines of a volume of `size` (x fastest) along `axis` (0 = x, 1 = y, 2 = z). */
export function axisLines(size: readonly [number, number, number], axis: 0 | 1 | 2): AxisLines {
  const [nx, ny, nz] = size;
  const stride = axis === 0 ? 1 : axis === 1 ? nx : nx * ny;
  const starts = new Int32Array((nx * ny * nz) / size[axis]);
  let k = 0;
  for (let z = 0; z < (axis === 2 ? 1 : nz); z++) {
    for (let y = 0; y < (axis === 1 ? 1 : ny); y++) {
      for (let x = 0; x < (axis === 0 ? 1 : nx); x++) starts[k++] = x + nx * (y + ny * z);
    }
  }
  return { starts, stride, length: size[axis] };
}
