import { imageFromFunction, lcgNoise, maskFromFunction } from '@tace/synthetic';
import type { Image } from '../../src/index.js';

/** A linear function of the LPS position: trilinear interpolation reproduces it exactly. */
export const linear = (p: readonly number[]): number => p[0] + 10 * p[1] + 100 * p[2];

/**
 * A synthetic two-phase patient: liver-like background (~60 HU) with seeded noise (@tace/synthetic's
 * `lcgNoise`, uniform on [-10, 10)), a spherical tumor of `radius` mm that enhances in the arterial phase
 * (+80 HU) and washes out in the portal-venous phase (-30 HU). The portal-venous phase lies on a coarser,
 * shifted grid, as a second acquisition would.
 */
export function syntheticPatient(
  seed: number,
  radius: number,
): { phases: { arterial: Image; 'portal-venous': Image }; mask: Image } {
  const noise = lcgNoise(seed, { amplitude: 20 });
  const center = [20 + (seed % 5), 18, 15];
  const inside = (p: readonly number[]): boolean =>
    Math.hypot(p[0] - center[0], p[1] - center[1], p[2] - center[2]) <= radius;
  const arterial = imageFromFunction(
    [28, 26, 12],
    (i, j, k, p) => 60 + noise('background', i, j, k) + (inside(p) ? 80 : 0),
    { spacing: [1.5, 1.5, 3] },
  );
  const portal = imageFromFunction(
    [22, 20, 10],
    (i, j, k, p) => 70 + noise('background', i, j, k) + (inside(p) ? -30 : 0),
    { spacing: [2, 2, 3.5], origin: [-1, -0.5, -2] },
  );
  const mask = maskFromFunction(arterial, (i, j, k) => inside([i * 1.5, j * 1.5, k * 3]));
  return { phases: { arterial, 'portal-venous': portal }, mask };
}
