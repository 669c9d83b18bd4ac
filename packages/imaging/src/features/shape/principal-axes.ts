import { symmetricEigenDecompose } from '@tace/core/kernels';

/**
 * Eigenvalues (ascending, mm^2) of the population covariance of the physical coordinates (index * spacing)
 * of the voxel centres inside `mask`, as PyRadiomics' shape class (for Major/Minor/LeastAxisLength,
 * Elongation, Flatness). Tiny negative eigenvalues from rounding are set to 0.
 */
export function principalMoments(
  mask: Uint8Array,
  size: readonly [number, number, number],
  spacing: readonly [number, number, number],
): [number, number, number] {
  const [nx, ny, nz] = size;
  let n = 0;
  let mx = 0;
  let my = 0;
  let mz = 0;
  let index = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++, index++) {
        if (mask[index] === 0) continue;
        n++;
        mx += i;
        my += j;
        mz += k;
      }
    }
  }
  mx /= n;
  my /= n;
  mz /= n;
  const c = new Float64Array(9);
  index = 0;
  for (let k = 0; k < nz; k++) {
    const dz = k - mz;
    for (let j = 0; j < ny; j++) {
      const dy = j - my;
      for (let i = 0; i < nx; i++, index++) {
        if (mask[index] === 0) continue;
        const dx = i - mx;
        c[0] += dx * dx;
        c[1] += dx * dy;
        c[2] += dx * dz;
        c[4] += dy * dy;
        c[5] += dy * dz;
        c[8] += dz * dz;
      }
    }
  }
  const [sx, sy, sz] = spacing;
  const cov = Float64Array.of(
    (c[0]! * sx * sx) / n,
    (c[1]! * sx * sy) / n,
    (c[2]! * sx * sz) / n,
    (c[1]! * sx * sy) / n,
    (c[4]! * sy * sy) / n,
    (c[5]! * sy * sz) / n,
    (c[2]! * sx * sz) / n,
    (c[5]! * sy * sz) / n,
    (c[8]! * sz * sz) / n,
  );
  const values = new Float64Array(3);
  symmetricEigenDecompose(cov, 3, values, null);
  // Core's solver gives them decreasing; these are ascending.
  return [values[2]!, values[1]!, values[0]!].map((e) => (e < 0 && e > -1e-10 ? 0 : e)) as [
    number,
    number,
    number,
  ];
}
