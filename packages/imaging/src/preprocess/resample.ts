import { TaceError } from '@tace/core';
import { indexToPoint, pointToIndex } from '../image/geometry.js';
import type { Image, VoxelArray } from '../image/types.js';
import type { InterpolatorName } from '../settings.js';
import { cropArray, cropImage, padBox } from './crop.js';
import { boundingBox } from './roi-mask.js';
import { assertGridSize, DEFAULT_MAX_VOXELS } from './size-bounds.js';

type Grid = Omit<Image, 'data'>;

/** Cubic B-spline prefilter along one line (ITK `BSplineDecompositionImageFilter`, mirror boundaries). */
function decomposeLine(c: Float64Array): void {
  const n = c.length;
  if (n === 1) return;
  const z = Math.sqrt(3) - 2;
  const gain = (1 - z) * (1 - 1 / z);
  for (let i = 0; i < n; i++) c[i] = c[i]! * gain;
  const horizon = Math.ceil(Math.log(1e-10) / Math.log(Math.abs(z)));
  let zn = z;
  if (horizon < n) {
    let sum = c[0]!;
    for (let i = 1; i < horizon; i++) {
      sum += zn * c[i]!;
      zn *= z;
    }
    c[0] = sum;
  } else {
    const iz = 1 / z;
    let z2n = z ** (n - 1);
    let sum = c[0]! + z2n * c[n - 1]!;
    z2n = z2n * z2n * iz;
    for (let i = 1; i <= n - 2; i++) {
      sum += (zn + z2n) * c[i]!;
      zn *= z;
      z2n *= iz;
    }
    c[0] = sum / (1 - zn * zn);
  }
  for (let i = 1; i < n; i++) c[i] = c[i]! + z * c[i - 1]!;
  c[n - 1] = (z / (z * z - 1)) * (z * c[n - 2]! + c[n - 1]!);
  for (let i = n - 2; i >= 0; i--) c[i] = z * (c[i + 1]! - c[i]!);
}

/** Cubic B-spline coefficients of a volume (separable prefilter along x, y, z). */
export function bsplineCoefficients(
  data: ArrayLike<number>,
  size: readonly [number, number, number],
): Float64Array {
  const [nx, ny, nz] = size;
  const c = Float64Array.from(data as ArrayLike<number>);
  const strides = [1, nx, nx * ny];
  for (let axis = 0; axis < 3; axis++) {
    const n = size[axis]!;
    const line = new Float64Array(n);
    const stride = strides[axis]!;
    const others = axis === 0 ? [ny * nz, nx] : axis === 1 ? [nx * nz, 1] : [nx * ny, 1];
    for (let l = 0; l < others[0]!; l++) {
      const base = axis === 0 ? l * nx : axis === 1 ? (l % nx) + Math.floor(l / nx) * nx * ny : l;
      for (let t = 0; t < n; t++) line[t] = c[base + t * stride]!;
      decomposeLine(line);
      for (let t = 0; t < n; t++) c[base + t * stride] = line[t]!;
    }
  }
  return c;
}

function mirror(index: number, n: number): number {
  if (n === 1) return 0;
  const period = 2 * n - 2;
  let i =
    index < 0 ? -index - period * Math.floor(-index / period) : index - period * Math.floor(index / period);
  if (i >= n) i = period - i;
  return i;
}

function cubicWeights(w: number, out: Float64Array): void {
  out[3] = (w * w * w) / 6;
  out[0] = 1 / 6 + 0.5 * w * (w - 1) - out[3]!;
  out[2] = w + out[0]! - 2 * out[3]!;
  out[1] = 1 - out[0]! - out[2]! - out[3]!;
}

/** Casts an interpolated value to the element type of `like` as ITK does (clamp, then truncate toward zero). */
function castLike(like: VoxelArray, n: number): (values: Float64Array) => VoxelArray {
  return (values) => {
    if (like instanceof Float64Array) return values;
    if (like instanceof Float32Array) return Float32Array.from(values);
    const out = new (like.constructor as new (n: number) => VoxelArray)(n);
    const probe = out.constructor as unknown as { BYTES_PER_ELEMENT: number };
    const signed = !(
      like instanceof Uint8Array ||
      like instanceof Uint16Array ||
      like instanceof Uint32Array
    );
    const bits = probe.BYTES_PER_ELEMENT * 8;
    const lo = signed ? -(2 ** (bits - 1)) : 0;
    const hi = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
    for (let i = 0; i < n; i++) out[i] = Math.trunc(Math.min(hi, Math.max(lo, values[i]!)));
    return out;
  };
}

/**
 * Samples `image` on the grid `target` with a SimpleITK interpolator (as `sitk.ResampleImageFilter`):
 * points outside the input (beyond half a voxel from the edge) get 0; the result keeps the input's voxel
 * type (integer types are clamped and truncated, as ITK casts).
 *
 * - `sitkNearestNeighbor`: value of the nearest voxel (ties rounded up);
 * - `sitkLinear`: trilinear;
 * - `sitkBSpline`: cubic B-spline with ITK's prefilter and mirror boundaries.
 */
export function resampleToReference(image: Image, target: Grid, interpolator: InterpolatorName): Image {
  const [nx, ny, nz] = image.size;
  const [ox, oy, oz] = target.size;
  const values = new Float64Array(ox * oy * oz);
  // B-spline: the prefilter runs on the input box the target grid reads, widened by BSPLINE_MARGIN voxels on
  // every side that does not reach the image's edge (the causal / anti-causal recursions forget a voxel that
  // far away to below 1e-13 of the intensities), instead of on the whole input image.
  const box = interpolator === 'sitkBSpline' ? inputBox(image, target) : null;
  const coefficients =
    box === null
      ? null
      : bsplineCoefficients(cropArray(image.data, image.size, box.lower, box.size), box.size);
  const [lx, ly, lz] = box?.lower ?? [0, 0, 0];
  const [cx, cy] = box?.size ?? [0, 0, 0];
  const wx = new Float64Array(4);
  const wy = new Float64Array(4);
  const wz = new Float64Array(4);
  const ix = new Int32Array(4);
  const iy = new Int32Array(4);
  const iz = new Int32Array(4);
  const data = image.data;
  let out = 0;
  for (let k = 0; k < oz; k++) {
    for (let j = 0; j < oy; j++) {
      for (let i = 0; i < ox; i++, out++) {
        const [x, y, z] = pointToIndex(image, indexToPoint(target, i, j, k));
        if (x < -0.5 || y < -0.5 || z < -0.5 || x >= nx - 0.5 || y >= ny - 0.5 || z >= nz - 0.5) continue;
        if (interpolator === 'sitkNearestNeighbor') {
          values[out] = data[Math.floor(x + 0.5) + nx * (Math.floor(y + 0.5) + ny * Math.floor(z + 0.5))]!;
        } else if (interpolator === 'sitkLinear') {
          values[out] = trilinear(data, image.size, x, y, z);
        } else {
          const bx = Math.floor(x) - 1;
          const by = Math.floor(y) - 1;
          const bz = Math.floor(z) - 1;
          cubicWeights(x - Math.floor(x), wx);
          cubicWeights(y - Math.floor(y), wy);
          cubicWeights(z - Math.floor(z), wz);
          for (let t = 0; t < 4; t++) {
            ix[t] = mirror(bx + t, nx);
            iy[t] = mirror(by + t, ny);
            iz[t] = mirror(bz + t, nz);
          }
          let sum = 0;
          for (let c = 0; c < 4; c++) {
            for (let b = 0; b < 4; b++) {
              const row = cx * (iy[b]! - ly + cy * (iz[c]! - lz)) - lx;
              const w = wz[c]! * wy[b]!;
              for (let a = 0; a < 4; a++) sum += w * wx[a]! * coefficients![ix[a]! + row]!;
            }
          }
          values[out] = sum;
        }
      }
    }
  }
  return { ...target, size: [...target.size], data: castLike(image.data, values.length)(values) };
}

/** Voxels of input kept around the B-spline support on each side not at the image's edge: 0.268^30 < 1e-17. */
const BSPLINE_MARGIN = 30;

/**
 * The box of input voxels whose B-spline coefficients the samples of `target` use (the 4-voxel support of every
 * target point inside the input, mirrored at the edges), widened by {@link BSPLINE_MARGIN} and clamped to the
 * image. The grids are affine, so the corners of `target` bound the continuous indices.
 */
function inputBox(
  image: Image,
  target: Grid,
): { lower: [number, number, number]; size: [number, number, number] } {
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  const [ox, oy, oz] = target.size;
  for (let corner = 0; corner < 8; corner++) {
    const index = pointToIndex(
      image,
      indexToPoint(target, corner & 1 ? ox - 1 : 0, corner & 2 ? oy - 1 : 0, corner & 4 ? oz - 1 : 0),
    );
    for (let d = 0; d < 3; d++) {
      lo[d] = Math.min(lo[d]!, index[d]!);
      hi[d] = Math.max(hi[d]!, index[d]!);
    }
  }
  const lower: number[] = [];
  const size: number[] = [];
  for (let d = 0; d < 3; d++) {
    const n = image.size[d]!;
    const a = Math.floor(lo[d]!) - 1 - BSPLINE_MARGIN;
    const b = Math.floor(hi[d]!) + 2 + BSPLINE_MARGIN;
    // a box reaching an edge starts (ends) at it, so that the mirror boundary there stays ITK's
    const first = Math.min(Math.max(a, 0), n - 1);
    const last = Math.max(Math.min(b, n - 1), first);
    lower.push(first);
    size.push(last - first + 1);
  }
  return { lower: lower as [number, number, number], size: size as [number, number, number] };
}

function trilinear(
  data: VoxelArray,
  size: readonly [number, number, number],
  x: number,
  y: number,
  z: number,
): number {
  const [nx, ny, nz] = size;
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const z0 = Math.max(0, Math.floor(z));
  const fx = Math.max(0, x - x0);
  const fy = Math.max(0, y - y0);
  const fz = Math.max(0, z - z0);
  const x1 = Math.min(nx - 1, x0 + 1);
  const y1 = Math.min(ny - 1, y0 + 1);
  const z1 = Math.min(nz - 1, z0 + 1);
  const at = (i: number, j: number, k: number) => data[i + nx * (j + ny * k)]!;
  const c00 = at(x0, y0, z0) * (1 - fx) + at(x1, y0, z0) * fx;
  const c10 = at(x0, y1, z0) * (1 - fx) + at(x1, y1, z0) * fx;
  const c01 = at(x0, y0, z1) * (1 - fx) + at(x1, y0, z1) * fx;
  const c11 = at(x0, y1, z1) * (1 - fx) + at(x1, y1, z1) * fx;
  return (c00 * (1 - fy) + c10 * fy) * (1 - fz) + (c01 * (1 - fy) + c11 * fy) * fz;
}

/** Options of {@link resampleToSpacing}. */
export interface ResampleOptions {
  /** Image interpolator (PyRadiomics `interpolator`); the mask always uses nearest neighbour. @default 'sitkBSpline' */
  interpolator?: InterpolatorName;
  /** Voxels of padding around the ROI in the new grid (PyRadiomics `padDistance`). @default 5 */
  padDistance?: number;
  /** Largest number of voxels of the new grid, checked before allocating (not a PyRadiomics setting). @default DEFAULT_MAX_VOXELS (2^27) */
  maxVoxels?: number;
}

/**
 * Resamples image and ROI mask to `spacing` (mm; 0 keeps an axis) on PyRadiomics' grid
 * (`imageoperations.resampleImage`): aligned to the input's first voxel corner, covering only the ROI bounding
 * box plus `padDistance` new voxels, axes where the ROI is one voxel thick are not resampled, and the mask is
 * resampled by nearest neighbour. When the spacing does not change, image and mask are only cropped.
 *
 * @throws {TaceError} `INVALID_ARGUMENT` for a non-positive spacing or a new grid of more than `maxVoxels`
 *   voxels (stating the size it would need), `EMPTY_INPUT` for an empty mask.
 * @example const { image, mask } = resampleToSpacing(ct, roi, [1, 1, 1], { interpolator: 'sitkBSpline' });
 */
export function resampleToSpacing(
  image: Image,
  mask: Uint8Array,
  spacing: readonly [number, number, number],
  options: ResampleOptions = {},
): { image: Image; mask: Uint8Array } {
  const interpolator = options.interpolator ?? 'sitkBSpline';
  const pad = options.padDistance ?? 5;
  const box = boundingBox(mask, image.size);
  if (box === null)
    throw new TaceError('EMPTY_INPUT', 'cannot resample around an empty mask', { param: 'mask' });
  const target = spacing.map((s, d) => {
    if (!(s >= 0) || !Number.isFinite(s))
      throw new TaceError('INVALID_ARGUMENT', `resampledPixelSpacing must be finite and >= 0, but was ${s}`, {
        param: 'resampledPixelSpacing',
      });
    return s === 0 || box.size[d] === 1 ? image.spacing[d]! : s;
  }) as [number, number, number];
  const close = target.every((s, d) => Math.abs(image.spacing[d]! - s) <= 1e-8 + 1e-5 * Math.abs(s));
  if (close) {
    const region = padBox(box, image.size, pad);
    return { image: cropImage(image, region), mask: cropArray(mask, image.size, region.lower, region.size) };
  }
  const ratio = image.spacing.map((s, d) => s / target[d]!);
  const lower: number[] = [];
  const size: number[] = [];
  const originIndex: number[] = [];
  for (let d = 0; d < 3; d++) {
    let lo = Math.floor((box.lower[d]! - 0.5) * ratio[d]! - pad);
    let hi = Math.ceil((box.lower[d]! + box.size[d]! - 0.5) * ratio[d]! + pad);
    const maxHi = Math.ceil(image.size[d]! * ratio[d]!) - 1;
    if (lo < 0) lo = 0;
    if (hi > maxHi) hi = maxHi;
    lower.push(lo);
    size.push(hi - lo + 1);
    originIndex.push((0.5 * (target[d]! - image.spacing[d]!)) / image.spacing[d]! + lo / ratio[d]!);
  }
  assertGridSize(size, 'resampledPixelSpacing', options.maxVoxels ?? DEFAULT_MAX_VOXELS);
  const grid: Grid = {
    size: size as [number, number, number],
    spacing: target,
    origin: indexToPoint(image, originIndex[0]!, originIndex[1]!, originIndex[2]!),
    direction: [...image.direction],
  };
  const maskImage: Image = { ...image, data: mask };
  return {
    image: resampleToReference(image, grid, interpolator),
    mask: resampleToReference(maskImage, grid, 'sitkNearestNeighbor').data as Uint8Array,
  };
}
