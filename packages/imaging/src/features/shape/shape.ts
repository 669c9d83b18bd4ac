import type { RoiContext } from '../base.js';
import { meshDiameters } from './diameters.js';
import { type BinaryGrid, meshAreaVolume } from './mesh.js';
import { principalMoments } from './principal-axes.js';

/** The 14 3D shape features PyRadiomics enables by default. */
export const SHAPE_FEATURES = [
  'MeshVolume',
  'VoxelVolume',
  'SurfaceArea',
  'SurfaceVolumeRatio',
  'Sphericity',
  'Maximum3DDiameter',
  'Maximum2DDiameterSlice',
  'Maximum2DDiameterColumn',
  'Maximum2DDiameterRow',
  'MajorAxisLength',
  'MinorAxisLength',
  'LeastAxisLength',
  'Elongation',
  'Flatness',
] as const;

/** Copies a mask into a grid padded by one empty voxel on every side. */
export function padMask(mask: Uint8Array, size: readonly [number, number, number]): Uint8Array {
  const [nx, ny, nz] = size;
  const px = nx + 2;
  const py = ny + 2;
  const out = new Uint8Array(px * py * (nz + 2));
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      const from = nx * (j + ny * k);
      const to = 1 + px * (j + 1 + py * (k + 1));
      for (let i = 0; i < nx; i++) out[to + i] = mask[from + i] !== 0 ? 1 : 0;
    }
  }
  return out;
}

/**
 * 3D shape features of a binary ROI, named and computed as PyRadiomics `RadiomicsShape` (v2+, mesh based):
 * MeshVolume V and SurfaceArea A from the marching-cubes mesh, VoxelVolume = N * voxel volume,
 * SurfaceVolumeRatio = A / V, Sphericity = (36 pi V^2)^(1/3) / A, the maximum diameters over mesh vertices,
 * the axis lengths 4 sqrt(lambda) from the voxel-coordinate covariance, Elongation = sqrt(l_minor / l_major),
 * Flatness = sqrt(l_least / l_major); plus the deprecated Compactness1, Compactness2 and
 * SphericalDisproportion.
 *
 * Matches PyRadiomics baselines (brain1, brain2, breast1, original and resampled) to 1e-6 relative, except
 * the mesh features of brain1's baseline (PyRadiomics 2.0.1b1, whose table lacked one triangle of case 62;
 * later versions have it, as here).
 *
 * @param mask 1 inside the ROI, x fastest.
 * @param size voxels along x, y, z.
 * @param spacing voxel size along x, y, z (mm).
 * @param meshOrigin voxels between the coordinate origin of the mesh volume and `mask`'s corner along x, y, z
 *   (default 0: PyRadiomics' shape class crops the mask to the ROI bounding box without `padDistance` and pads
 *   it by one voxel, which is the grid used here; see
 *   {@link meshAreaVolume}; PyRadiomics crops to the bounding box plus `padDistance`, clipped to the image).
 */
export function shapeFeatures(
  mask: Uint8Array,
  size: readonly [number, number, number],
  spacing: readonly [number, number, number],
  meshOrigin: readonly [number, number, number] = [0, 0, 0],
): Record<string, number> {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) n++;
  const grid: BinaryGrid = {
    data: padMask(mask, size),
    size: [size[0] + 2, size[1] + 2, size[2] + 2],
    spacing,
  };
  const { surfaceArea: area, volume } = meshAreaVolume(grid, meshOrigin);
  const diameters = meshDiameters(grid);
  const [least, minor, major] = principalMoments(mask, size, spacing);
  const sphereArea = Math.cbrt(36 * Math.PI * volume * volume);
  return {
    MeshVolume: volume,
    VoxelVolume: n * spacing[0] * spacing[1] * spacing[2],
    SurfaceArea: area,
    SurfaceVolumeRatio: area / volume,
    Sphericity: sphereArea / area,
    Compactness1: volume / (Math.sqrt(Math.PI) * Math.sqrt(area * area * area)),
    Compactness2: (36 * Math.PI * volume * volume) / (area * area * area),
    SphericalDisproportion: area / sphereArea,
    Maximum3DDiameter: diameters.max3D,
    Maximum2DDiameterSlice: diameters.maxSlice,
    Maximum2DDiameterColumn: diameters.maxColumn,
    Maximum2DDiameterRow: diameters.maxRow,
    MajorAxisLength: 4 * Math.sqrt(major),
    MinorAxisLength: 4 * Math.sqrt(minor),
    LeastAxisLength: 4 * Math.sqrt(least),
    Elongation: Math.sqrt(minor / major),
    Flatness: Math.sqrt(least / major),
  };
}

/**
 * The 3D shape {@link FeatureClass}: uses the morphological mask of the context, cropped to the ROI bounding
 * box (PyRadiomics' `computeShape` crops without `padDistance`, so the mesh origin is the box corner minus one
 * padding voxel; this matters where the mesh is not closed).
 */
export function shapeClass(context: RoiContext): Record<string, number> {
  return shapeFeatures(context.morphologicalMask, context.image.size, context.image.spacing);
}
