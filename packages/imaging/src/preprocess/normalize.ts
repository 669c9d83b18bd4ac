import type { Image } from '../image/types.js';

/** Options of {@link normalizeImage}. */
export interface NormalizeOptions {
  /** Factor applied after normalisation (PyRadiomics `normalizeScale`). @default 1 */
  scale?: number;
  /** Clip z-scores to +/- this value before scaling, or `null` (PyRadiomics `removeOutliers`). @default null */
  removeOutliers?: number | null;
}

/**
 * Z-score normalisation over **all** voxels of the image (not only the ROI), as PyRadiomics `normalizeImage`
 * (SimpleITK `Normalize`: mean and sample standard deviation with N - 1), optional outlier clipping, then
 * scaling: `f(x) = scale * clip((x - mean) / sd)`. Returns a `Float64Array` image.
 * @example normalizeImage(ct, { scale: 100 })
 */
export function normalizeImage(image: Image, options: NormalizeOptions = {}): Image {
  const scale = options.scale ?? 1;
  const outliers = options.removeOutliers ?? null;
  const { data } = image;
  const n = data.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += data[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (data[i]! - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = (data[i]! - mean) / sd;
    if (outliers !== null) z = Math.min(outliers, Math.max(-outliers, z));
    out[i] = z * scale;
  }
  return { ...image, data: out };
}
