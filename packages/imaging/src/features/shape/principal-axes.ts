/**
 * Eigenvalues of a symmetric 3x3 matrix (row-major), ascending, by cyclic Jacobi rotations (accurate to
 * machine precision).
 */
export function symmetricEigenvalues3(matrix: ArrayLike<number>): [number, number, number] {
  const a = Float64Array.from(matrix);
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = a[1]! * a[1]! + a[2]! * a[2]! + a[5]! * a[5]!;
    if (off < 1e-30 * (a[0]! * a[0]! + a[4]! * a[4]! + a[8]! * a[8]!) || off === 0) break;
    for (const [p, q] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      const apq = a[3 * p + q]!;
      if (apq === 0) continue;
      const app = a[4 * p]!;
      const aqq = a[4 * q]!;
      const theta = (aqq - app) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const s = t * c;
      for (let r = 0; r < 3; r++) {
        const arp = a[3 * r + p]!;
        const arq = a[3 * r + q]!;
        a[3 * r + p] = c * arp - s * arq;
        a[3 * r + q] = s * arp + c * arq;
      }
      for (let r = 0; r < 3; r++) {
        const apr = a[3 * p + r]!;
        const aqr = a[3 * q + r]!;
        a[3 * p + r] = c * apr - s * aqr;
        a[3 * q + r] = s * apr + c * aqr;
      }
    }
  }
  return [a[0]!, a[4]!, a[8]!].sort((u, v) => u - v) as [number, number, number];
}

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
  const cov = [
    (c[0]! * sx * sx) / n,
    (c[1]! * sx * sy) / n,
    (c[2]! * sx * sz) / n,
    (c[1]! * sx * sy) / n,
    (c[4]! * sy * sy) / n,
    (c[5]! * sy * sz) / n,
    (c[2]! * sx * sz) / n,
    (c[5]! * sy * sz) / n,
    (c[8]! * sz * sz) / n,
  ];
  return symmetricEigenvalues3(cov).map((e) => (e < 0 && e > -1e-10 ? 0 : e)) as [number, number, number];
}
