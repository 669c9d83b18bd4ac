import type { Image } from '../image/types.js';
import { checkFilterInput, withData } from './filter-input.js';

/** Options of {@link gradientMagnitudeImage}. */
export interface GradientOptions {
  /** Divide differences by the voxel spacing (PyRadiomics `gradientUseSpacing`). @default true */
  useSpacing?: boolean;
}

/**
 * PyRadiomics `Gradient` image type (SimpleITK `GradientMagnitudeImageFilter`): the magnitude of the central
 * differences `(x[i+1] - x[i-1]) / (2 spacing)` along each axis, the image being extended by its edge value
 * (ITK's zero-flux Neumann boundary), so an edge voxel gets `(x[1] - x[0]) / (2 spacing)`. Name `gradient`.
 * @throws {TaceError} `MISSING_VALUE` for NaN voxels.
 * @example gradientMagnitudeImage(image).data
 */
export function gradientMagnitudeImage(image: Image, options: GradientOptions = {}): Image {
  checkFilterInput(image, 'gradient');
  const [nx, ny, nz] = image.size;
  const spacing = options.useSpacing === false ? [1, 1, 1] : image.spacing;
  const d = image.data;
  const out = new Float64Array(d.length);
  const [sx, sy, sz] = spacing;
  const plane = nx * ny;
  let v = 0;
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++, v++) {
        const gx = (d[x < nx - 1 ? v + 1 : v] - d[x > 0 ? v - 1 : v]) / (2 * sx);
        const gy = (d[y < ny - 1 ? v + nx : v] - d[y > 0 ? v - nx : v]) / (2 * sy);
        const gz = (d[z < nz - 1 ? v + plane : v] - d[z > 0 ? v - plane : v]) / (2 * sz);
        out[v] = Math.sqrt(gx * gx + gy * gy + gz * gz);
      }
    }
  }
  return withData(image, out);
}
