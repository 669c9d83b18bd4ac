import { createHash } from 'node:crypto';
import { indexToPoint } from '../image/geometry.js';
import type { Image } from '../image/types.js';
import { cropArray } from '../preprocess/crop.js';
import type { BoundingBox } from '../preprocess/roi-mask.js';

/** Formats numbers as a Python tuple, as PyRadiomics writes geometry diagnostics: `(1, 2, 3)`. */
export function pyTuple(values: readonly number[]): string {
  return `(${values.join(', ')})`;
}

/**
 * SHA-1 of the voxel bytes (native type, little-endian, x fastest), as PyRadiomics'
 * `diagnostics_Image-original_Hash` (`hashlib.sha1(sitk.GetArrayViewFromImage(image))`).
 */
export function voxelHash(data: Image['data']): string {
  return createHash('sha1')
    .update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    .digest('hex');
}

/** Number of 6-connected components of a binary mask (PyRadiomics `VolumeNum`, SimpleITK ConnectedComponent). */
export function connectedComponents(mask: Uint8Array, size: readonly [number, number, number]): number {
  const [nx, ny, nz] = size;
  const seen = new Uint8Array(mask.length);
  const stack = new Int32Array(mask.length);
  let components = 0;
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] === 0 || seen[start]) continue;
    components++;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const v = stack[--top]!;
      const i = v % nx;
      const j = Math.floor(v / nx) % ny;
      const k = Math.floor(v / (nx * ny));
      const push = (w: number) => {
        if (mask[w] !== 0 && !seen[w]) {
          seen[w] = 1;
          stack[top++] = w;
        }
      };
      if (i > 0) push(v - 1);
      if (i < nx - 1) push(v + 1);
      if (j > 0) push(v - nx);
      if (j < ny - 1) push(v + nx);
      if (k > 0) push(v - nx * ny);
      if (k < nz - 1) push(v + nx * ny);
    }
  }
  return components;
}

/** `diagnostics_Image-<name>_*` entries: spacing, size, mean, minimum, maximum (and hash for the original). */
export function imageDiagnostics(
  name: string,
  image: Image,
  withHash: boolean,
): Record<string, string | number> {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < image.data.length; i++) {
    const v = image.data[i]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const prefix = `diagnostics_Image-${name}_`;
  return {
    ...(withHash ? { [`${prefix}Hash`]: voxelHash(image.data) } : {}),
    [`${prefix}Dimensionality`]: '3D',
    [`${prefix}Spacing`]: pyTuple(image.spacing),
    [`${prefix}Size`]: pyTuple(image.size),
    [`${prefix}Mean`]: sum / image.data.length,
    [`${prefix}Minimum`]: min,
    [`${prefix}Maximum`]: max,
  };
}

/** `diagnostics_Mask-<name>_*` entries: bounding box, voxel count, components, centre of mass, ROI intensity stats. */
export function maskDiagnostics(
  name: string,
  image: Image,
  mask: Uint8Array,
  box: BoundingBox,
  hashSource?: Image['data'],
): Record<string, string | number> {
  // mask voxels outside the bounding box are 0: statistics and components only visit the box
  const [nx, ny] = image.size;
  let n = 0;
  let ci = 0;
  let cj = 0;
  let ck = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  const [li, lj, lk] = box.lower;
  const [ei, ej, ek] = box.size;
  for (let k = lk; k < lk + ek; k++) {
    for (let j = lj; j < lj + ej; j++) {
      let v = li + nx * (j + ny * k);
      for (let i = li; i < li + ei; i++, v++) {
        if (mask[v] === 0) continue;
        n++;
        ci += i;
        cj += j;
        ck += k;
        const x = image.data[v]!;
        sum += x;
        if (x < min) min = x;
        if (x > max) max = x;
      }
    }
  }
  const com: [number, number, number] = [ci / n, cj / n, ck / n];
  const prefix = `diagnostics_Mask-${name}_`;
  return {
    ...(hashSource !== undefined ? { [`${prefix}Hash`]: voxelHash(hashSource) } : {}),
    [`${prefix}Spacing`]: pyTuple(image.spacing),
    [`${prefix}Size`]: pyTuple(image.size),
    [`${prefix}BoundingBox`]: pyTuple([...box.lower, ...box.size]),
    [`${prefix}VoxelNum`]: n,
    [`${prefix}VolumeNum`]: connectedComponents(cropArray(mask, image.size, box.lower, box.size), box.size),
    [`${prefix}CenterOfMassIndex`]: pyTuple(com),
    [`${prefix}CenterOfMass`]: pyTuple(indexToPoint(image, ...com)),
    [`${prefix}Mean`]: sum / n,
    [`${prefix}Minimum`]: min,
    [`${prefix}Maximum`]: max,
  };
}
