/** Voxel storage of an {@link Image}. */
export type VoxelArray =
  | Float32Array
  | Float64Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Int8Array
  | Uint8Array;

/**
 * A 3D image (CT volume or label mask) on a regular grid, in the ITK/SimpleITK convention that
 * PyRadiomics uses:
 *
 * - `data[i + size[0] * (j + size[1] * k)]` is the voxel at index (i, j, k): x (i) varies fastest, then y
 *   (j), then z (k, the slice);
 * - `spacing` is the voxel size along i, j, k in millimetres;
 * - `origin` is the physical position (mm) of voxel (0, 0, 0)'s centre in patient coordinates **LPS**
 *   (x to the patient's Left, y to Posterior, z to Superior), as DICOM and ITK;
 * - `direction` is the 3x3 direction-cosine matrix, row-major: column c (`direction[c]`, `direction[3 + c]`,
 *   `direction[6 + c]`) is the unit vector of index axis c in LPS, so that
 *   `point = origin + direction * (index * spacing)`.
 *
 * A mask is an `Image` of integer labels (0 = background) on the same grid.
 */
export interface Image {
  /** Voxel values, x fastest. */
  data: VoxelArray;
  /** Number of voxels along i, j, k. */
  size: [number, number, number];
  /** Voxel size along i, j, k, in mm. */
  spacing: [number, number, number];
  /** LPS position of voxel (0, 0, 0) in mm. */
  origin: [number, number, number];
  /** Row-major 3x3 direction cosines (LPS). Identity: `[1, 0, 0, 0, 1, 0, 0, 0, 1]`. */
  direction: [number, number, number, number, number, number, number, number, number];
}

/** The identity direction matrix. */
export const IDENTITY_DIRECTION: Image['direction'] = [1, 0, 0, 0, 1, 0, 0, 0, 1];
