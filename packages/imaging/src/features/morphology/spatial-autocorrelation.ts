import { fft3d } from '../../image/fft.js';

/**
 * IBSI 1 Moran's I index (N365) and Geary's C measure (NPT7) of the intensities inside `mask`, with weights
 * `1 / distance` (mm) between every pair of distinct ROI voxels (reference manual, 3.1.24-25):
 * `I = N / W * sum w_ij y_i y_j / sum y_i^2`, `C = (N - 1) / (2 W) * sum w_ij (x_i - x_j)^2 / sum y_i^2`,
 * `y = x - mean`, `W = sum w_ij`. Exact: the pair sums are the correlations of the inverse-distance kernel
 * with the mask and with `y`, computed by one zero-padded 3D FFT (`O(M log M)`, `M` the padded box) when the ROI
 * is large, by the direct pair loop (`O(N^2)`) when that is cheaper.
 * @example spatialAutocorrelation(image.data, mask, image.size, image.spacing) // { moranI, gearyC }
 */
export function spatialAutocorrelation(
  data: ArrayLike<number>,
  mask: ArrayLike<number>,
  size: readonly [number, number, number],
  spacing: readonly [number, number, number],
): { moranI: number; gearyC: number } {
  const [nx, ny] = size;
  const [sx, sy, sz] = spacing;
  const index: number[] = [];
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-1, -1, -1];
  let mean = 0;
  for (let v = 0; v < mask.length; v++) {
    if (mask[v] === 0) continue;
    index.push(v);
    mean += data[v]!;
    const c = [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))];
    for (let d = 0; d < 3; d++) {
      if (c[d]! < lo[d]!) lo[d] = c[d]!;
      if (c[d]! > hi[d]!) hi[d] = c[d]!;
    }
  }
  // ROI bounding box: the pair sums only need it
  const box = [hi[0]! - lo[0]! + 1, hi[1]! - lo[1]! + 1, hi[2]! - lo[2]! + 1];
  const n = index.length;
  mean /= n;
  let squares = 0;
  for (const v of index) squares += (data[v]! - mean) ** 2;
  if (n < 2) return { moranI: Number.NaN, gearyC: Number.NaN };
  const pow2 = (m: number) => 2 ** Math.ceil(Math.log2(Math.max(2 * m - 1, 1)));
  const padded = [pow2(box[0]!), pow2(box[1]!), pow2(box[2]!)];
  const fftCost = padded[0]! * padded[1]! * padded[2]! * Math.log2(padded[0]! * padded[1]! * padded[2]!) * 8;
  let weightSum = 0;
  let cross = 0;
  let differences = 0;
  if (n * n < fftCost) {
    const px = new Float64Array(n);
    const py = new Float64Array(n);
    const pz = new Float64Array(n);
    const y = new Float64Array(n);
    index.forEach((v, p) => {
      px[p] = (v % nx) * sx;
      py[p] = (Math.floor(v / nx) % ny) * sy;
      pz[p] = Math.floor(v / (nx * ny)) * sz;
      y[p] = data[v]! - mean;
    });
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const w = 1 / Math.hypot(px[p]! - px[q]!, py[p]! - py[q]!, pz[p]! - pz[q]!);
        weightSum += 2 * w;
        cross += 2 * w * y[p]! * y[q]!;
        differences += 2 * w * (y[p]! - y[q]!) ** 2;
      }
    }
  } else {
    const [lx, ly, lz] = padded as [number, number, number];
    const total = lx * ly * lz;
    // kernel w(d) = 1 / |d| (mm), w(0) = 0, at circular offsets; real and even, so its transform is real
    const kRe = new Float64Array(total);
    const kIm = new Float64Array(total);
    for (let k = 0; k < lz; k++) {
      const dz = (k <= lz / 2 ? k : k - lz) * sz;
      for (let j = 0; j < ly; j++) {
        const dy = (j <= ly / 2 ? j : j - ly) * sy;
        for (let i = 0; i < lx; i++) {
          const dx = (i <= lx / 2 ? i : i - lx) * sx;
          const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
          kRe[i + lx * (j + ly * k)] = d === 0 ? 0 : 1 / d;
        }
      }
    }
    fft3d(kRe, kIm, padded, false);
    // signal: mask + i * y, both real; the kernel's transform is real, so the real and imaginary parts of
    // the convolution are the convolutions of the mask and of y
    const re = new Float64Array(total);
    const im = new Float64Array(total);
    for (const v of index) {
      const i = (v % nx) - lo[0]!;
      const j = (Math.floor(v / nx) % ny) - lo[1]!;
      const k = Math.floor(v / (nx * ny)) - lo[2]!;
      const u = i + lx * (j + ly * k);
      re[u] = 1;
      im[u] = data[v]! - mean;
    }
    fft3d(re, im, padded, false);
    for (let u = 0; u < total; u++) {
      re[u] = re[u]! * kRe[u]!;
      im[u] = im[u]! * kRe[u]!;
    }
    fft3d(re, im, padded, true);
    for (const v of index) {
      const i = (v % nx) - lo[0]!;
      const j = (Math.floor(v / nx) % ny) - lo[1]!;
      const k = Math.floor(v / (nx * ny)) - lo[2]!;
      const u = i + lx * (j + ly * k);
      const wm = re[u]! / total;
      const wy = im[u]! / total;
      const yv = data[v]! - mean;
      weightSum += wm;
      cross += yv * wy;
      differences += 2 * yv * yv * wm - 2 * yv * wy;
    }
  }
  return {
    moranI: ((n / weightSum) * cross) / squares,
    gearyC: (((n - 1) / (2 * weightSum)) * differences) / squares,
  };
}
