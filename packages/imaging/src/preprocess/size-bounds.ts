import { TaceError } from '@tace/core';
import type { Image } from '../image/types.js';

/**
 * Largest number of voxels a grid derived from a setting (resampling) may have before anything is allocated:
 * 2^27 (134 million, 1 GiB as `Float64Array`), about a 512 x 512 x 512 volume. The `maxVoxels` setting raises it.
 */
export const DEFAULT_MAX_VOXELS = 2 ** 27;

/**
 * Throws unless a grid of `size` voxels (derived from a setting such as `resampledPixelSpacing`) has at most
 * `limit` voxels, stating the voxels and memory it would need; checked before allocating, so a tiny spacing
 * is a named error in microseconds, not a `RangeError` or minutes of interpolation.
 * @throws {TaceError} `INVALID_ARGUMENT` naming `param`.
 * @example assertGridSize([512, 512, 300], 'resampledPixelSpacing', DEFAULT_MAX_VOXELS);
 */
export function assertGridSize(
  size: readonly number[],
  param: string,
  limit: number = DEFAULT_MAX_VOXELS,
  what = 'the resampled grid',
): void {
  const voxels = size.reduce((a, b) => a * b, 1);
  if (size.every((n) => Number.isSafeInteger(n) && n >= 1) && voxels <= limit) return;
  const shown = size.map((n) => (Number.isFinite(n) ? String(n) : 'infinite')).join(' x ');
  throw new TaceError(
    'INVALID_ARGUMENT',
    `${what} would have ${shown} = ${formatCount(voxels)} voxels (${formatBytes(voxels * 8)} as float64), more than the limit of ${formatCount(limit)} voxels`,
    {
      param,
      remedy: `check ${param} (it is in mm); to allow a larger grid raise the maxVoxels setting (e.g. { maxVoxels: ${Number.isFinite(voxels) ? Math.ceil(voxels) : 'Infinity'} })`,
    },
  );
}

/**
 * Throws unless `image` is well formed: three positive integer sizes, `data.length` equal to their product,
 * finite positive spacing. An in-memory image whose data are shorter than its size would otherwise read
 * `undefined` as 0 voxels.
 * @throws {TaceError} `LENGTH_MISMATCH` or `INVALID_ARGUMENT` naming `name`.
 * @example assertImageShape(ct, 'image');
 */
export function assertImageShape(image: Image, name: string): void {
  const { size, spacing } = image;
  if (!Array.isArray(size) || size.length !== 3 || size.some((n) => !Number.isSafeInteger(n) || n < 1)) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `${name}.size must be three positive integers, but was ${JSON.stringify(size)}`,
      {
        param: name,
      },
    );
  }
  const expected = size[0] * size[1] * size[2];
  const length = image.data?.length;
  if (length !== expected) {
    throw new TaceError(
      'LENGTH_MISMATCH',
      `${name}.data has ${length} voxels, but its size ${size.join(' x ')} needs ${expected}`,
      { param: name, remedy: 'build the image with data of length size[0] * size[1] * size[2] (x fastest)' },
    );
  }
  if (
    !Array.isArray(spacing) ||
    spacing.length !== 3 ||
    spacing.some((s) => !(Number.isFinite(s) && s > 0))
  ) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `${name}.spacing must be three finite positive numbers (mm), but was ${JSON.stringify(spacing)}`,
      { param: name },
    );
  }
}

/**
 * Throws when voxels inside the ROI are infinite (NaN voxels have their own policy, `nanVoxels`): a bin width
 * cannot discretise them. Reports how many and where (the first one's voxel index and value).
 * @throws {TaceError} `INVALID_ARGUMENT` naming `name`.
 * @example assertFiniteRoi(ct.data, roi, ct.size, 'image');
 */
export function assertFiniteRoi(
  data: ArrayLike<number>,
  mask: ArrayLike<number>,
  size: readonly [number, number, number],
  name: string,
): void {
  let count = 0;
  let first = -1;
  for (let v = 0; v < mask.length; v++) {
    if (mask[v] === 0) continue;
    const x = data[v]!;
    if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) {
      if (count === 0) first = v;
      count++;
    }
  }
  if (count === 0) return;
  throw infiniteRoiError(data, size, name, count, first);
}

/**
 * The error of {@link assertFiniteRoi}: `count` infinite ROI voxels, the first at linear index `first` on a
 * grid of `size`.
 */
export function infiniteRoiError(
  data: ArrayLike<number>,
  size: readonly [number, number, number],
  name: string,
  count: number,
  first: number,
): TaceError {
  const i = first % size[0];
  const j = Math.floor(first / size[0]) % size[1];
  const k = Math.floor(first / (size[0] * size[1]));
  return new TaceError(
    'INVALID_ARGUMENT',
    `${name} has ${count} non-finite (infinite) voxel${count === 1 ? '' : 's'} inside the ROI, the first at index (${i}, ${j}, ${k}) = ${data[first]}`,
    {
      param: name,
      remedy:
        'the image holds non-finite values (a failed conversion or division?); fix the image or leave those voxels out of the mask',
    },
  );
}

function formatCount(n: number): string {
  if (!Number.isFinite(n)) return 'infinitely many';
  return n >= 1e6 ? n.toExponential(2) : String(n);
}

function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'unbounded memory';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let u = 0;
  let v = bytes;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}
