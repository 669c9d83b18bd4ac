import { assertFiniteNumber, assertInteger, TaceError } from '@tace/core';
import type { Image } from '../image/types.js';
import { bsplineCoefficients } from '../preprocess/resample.js';
import { checkFilterInput, withData } from './filter-input.js';

/** Options of {@link lbp3DImages} (PyRadiomics settings in brackets). */
export interface Lbp3DOptions {
  /** Number of spherical-harmonic levels (degrees 0 .. levels - 1; `lbp3DLevels`). @default 2 */
  levels?: number;
  /** Radius of the sampling sphere, in voxels (`lbp3DIcosphereRadius`). @default 1 */
  icosphereRadius?: number;
  /** Subdivisions of the icosahedron (`lbp3DIcosphereSubdivision`; 1 gives 42 samples). @default 1 */
  icosphereSubdivision?: number;
}

/** The images of {@link lbp3DImages}: one per level (`lbp-3D-m1`, ...) and the spherical kurtosis (`lbp-3D-k`). */
export interface Lbp3DImages {
  /** `levels[l]` is PyRadiomics' `lbp-3D-m<l + 1>`: 0 outside the ROI. */
  levels: Image[];
  /** PyRadiomics' `lbp-3D-k`: 0 outside the ROI; NaN where all samples of a voxel are equal. */
  kurtosis: Image;
}

/**
 * Vertices of trimesh's `icosphere(subdivisions, radius)` (as PyRadiomics samples the sphere): the icosahedron
 * with vertices at the cyclic permutations of `(+-1, +-t, 0)`, `t` the golden ratio, each subdivision
 * splitting every face in four at its edge midpoints, every vertex projected onto the sphere; 12, 42, 162, ...
 * vertices, as `[a0, a1, a2]` triples.
 */
export function icosphereVertices(subdivisions: number, radius: number): number[][] {
  const t = (1 + Math.sqrt(5)) / 2;
  let vertices = [
    [-1, t, 0],
    [1, t, 0],
    [-1, -t, 0],
    [1, -t, 0],
    [0, -1, t],
    [0, 1, t],
    [0, -1, -t],
    [0, 1, -t],
    [t, 0, -1],
    [t, 0, 1],
    [-t, 0, -1],
    [-t, 0, 1],
  ];
  // biome-ignore format: the 20 faces, three vertex indices each
  let faces = [[0, 11, 5], [0, 5, 1], [0, 1, 7], [0, 7, 10], [0, 10, 11], [1, 5, 9], [5, 11, 4], [11, 10, 2], [10, 7, 6], [7, 1, 8], [3, 9, 4], [3, 4, 2], [3, 2, 6], [3, 6, 8], [3, 8, 9], [4, 9, 5], [2, 4, 11], [6, 2, 10], [8, 6, 7], [9, 8, 1]];
  const unit = (v: number[]) => {
    const n = Math.hypot(v[0]!, v[1]!, v[2]!);
    return v.map((x) => x / n);
  };
  vertices = vertices.map(unit);
  for (let s = 0; s < subdivisions; s++) {
    const midpoints = new Map<string, number>();
    const midpoint = (i: number, j: number) => {
      const key = `${Math.min(i, j)},${Math.max(i, j)}`;
      let m = midpoints.get(key);
      if (m === undefined) {
        m = vertices.length;
        midpoints.set(key, m);
        vertices.push(vertices[i]!.map((x, d) => (x + vertices[j]![d]!) / 2));
      }
      return m;
    };
    const next: number[][] = [];
    for (const [a, b, c] of faces as [number, number, number][]) {
      const ab = midpoint(a, b);
      const bc = midpoint(b, c);
      const ca = midpoint(c, a);
      next.push([a, ab, ca], [b, bc, ab], [c, ca, bc], [ab, bc, ca]);
    }
    faces = next;
    vertices = vertices.map(unit);
  }
  return vertices.map((v) => v.map((x) => x * radius));
}

/**
 * Associated Legendre function `P_n^m(x)` with the Condon-Shortley phase (scipy `lpmv`), `m >= 0`.
 */
function legendre(n: number, m: number, x: number): number {
  let pmm = 1;
  const s = Math.sqrt((1 - x) * (1 + x));
  for (let i = 1; i <= m; i++) pmm *= -(2 * i - 1) * s;
  if (n === m) return pmm;
  let pm1 = x * (2 * m + 1) * pmm;
  for (let l = m + 2; l <= n; l++) {
    const pl = ((2 * l - 1) * x * pm1 - (l + m - 1) * pmm) / (l - m);
    pmm = pm1;
    pm1 = pl;
  }
  return pm1;
}

function factorialRatio(a: number, b: number): number {
  // a! / b!
  let r = 1;
  for (let i = b + 1; i <= a; i++) r *= i;
  for (let i = a + 1; i <= b; i++) r /= i;
  return r;
}

/**
 * scipy's `sph_harm(m, n, theta, phi)` (`theta` azimuthal, `phi` polar): `sqrt((2n + 1) / (4 pi) (n - m)! /
 * (n + m)!) P_n^m(cos phi) exp(i m theta)`, negative orders through `P_n^-m = (-1)^m (n - m)! / (n + m)! P_n^m`.
 */
function sphericalHarmonic(m: number, n: number, theta: number, phi: number): [number, number] {
  const am = Math.abs(m);
  let p = legendre(n, am, Math.cos(phi));
  if (m < 0) p *= (am % 2 === 0 ? 1 : -1) * factorialRatio(n - am, n + am);
  const scale = p * Math.sqrt(((2 * n + 1) / (4 * Math.PI)) * factorialRatio(n - m, n + m));
  return [scale * Math.cos(m * theta), scale * Math.sin(m * theta)];
}

/** Cubic B-spline basis weights of the 4 coefficients `floor(x) - 1 .. floor(x) + 2`. */
function splineWeights(x: number, out: Float64Array): void {
  const w = x - Math.floor(x);
  const u = 1 - w;
  out[0] = (u * u * u) / 6;
  out[1] = 2 / 3 - w * w + (w * w * w) / 2;
  out[2] = 2 / 3 - u * u + (u * u * u) / 2;
  out[3] = (w * w * w) / 6;
}

/** Whole-sample mirror index (scipy `mirror`: `d c b | a b c d | c b a`), `n >= 1`. */
function mirrorWhole(i: number, n: number): number {
  if (n === 1) return 0;
  const period = 2 * n - 2;
  const r = ((i % period) + period) % period;
  return r < n ? r : period - r;
}

/**
 * PyRadiomics `LBP3D` images (`imageoperations.getLBP3DImage`; Banerjee et al. 2013), for the ROI voxels
 * (`mask` 1): the image is sampled at each ROI voxel's index plus every vertex of {@link icosphereVertices}
 * (vertex components added to the z, y, x indices, as PyRadiomics adds them to numpy's (z, y, x) indices;
 * voxel units, spacing ignored) by cubic B-spline interpolation as scipy's `map_coordinates(order=3)` does
 * (mirror-boundary prefilter, 0 for points outside the image). `lbp-3D-k` is the samples' excess kurtosis
 * (biased, scipy's `kurtosis`; NaN when they are all equal). The samples `>=` the voxel become 1, else 0;
 * `c_{m,n} = sum_v bit_v Y_{m,n}(v)` with scipy's `sph_harm(m, n, arccos(a2 / r), atan2(a1, a0))` (the polar
 * angle in scipy's azimuthal slot, as PyRadiomics calls it); level `n` is `g_n(v) = sum_m c_{m,n} Y_{m,n}(v)`
 * and `lbp-3D-m<n + 1>` the real part of the complex `sqrt(sum_v g_n(v)^2)`, as PyRadiomics computes it.
 * @throws {TaceError} `INVALID_ARGUMENT` for a bad option or mask size; `MISSING_VALUE` for NaN voxels.
 * @example const { levels, kurtosis } = lbp3DImages(ct, roi, { levels: 2 });
 */
export function lbp3DImages(image: Image, mask: Uint8Array, options: Lbp3DOptions = {}): Lbp3DImages {
  const levels = options.levels ?? 2;
  const radius = options.icosphereRadius ?? 1;
  const subdivision = options.icosphereSubdivision ?? 1;
  assertInteger(levels, 'levels', 1);
  assertFiniteNumber(radius, 'icosphereRadius');
  if (!(radius > 0)) {
    throw new TaceError('INVALID_ARGUMENT', `icosphereRadius must be > 0, but was ${radius}`, {
      param: 'icosphereRadius',
    });
  }
  assertInteger(subdivision, 'icosphereSubdivision', 0);
  if (subdivision > 5) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `icosphereSubdivision must be at most 5, but was ${subdivision}`,
      {
        param: 'icosphereSubdivision',
        remedy: 'subdivision 5 already samples 10,242 points per voxel',
      },
    );
  }
  checkFilterInput(image, 'LBP3D');
  const { data, size } = image;
  if (mask.length !== data.length) {
    throw new TaceError('INVALID_ARGUMENT', `mask has ${mask.length} voxels, the image ${data.length}`, {
      param: 'mask',
    });
  }
  const [nx, ny, nz] = size;
  const vertices = icosphereVertices(subdivision, radius);
  const nv = vertices.length;
  // Harmonics: column j of degree degree[j], sampled at every vertex (real and imaginary parts).
  const degree: number[] = [];
  const yRe: Float64Array[] = [];
  const yIm: Float64Array[] = [];
  for (let n = 0; n < levels; n++) {
    for (let m = -n; m <= n; m++) {
      const re = new Float64Array(nv);
      const im = new Float64Array(nv);
      vertices.forEach(([a0, a1, a2], v) => {
        const [r, i] = sphericalHarmonic(m, n, Math.acos(a2! / radius), Math.atan2(a1!, a0!));
        re[v] = r;
        im[v] = i;
      });
      degree.push(n);
      yRe.push(re);
      yIm.push(im);
    }
  }
  const coefficients = bsplineCoefficients(data, size);
  const out = Array.from({ length: levels }, () => new Float64Array(data.length));
  const kurt = new Float64Array(data.length);
  const samples = new Float64Array(nv);
  const bits = new Uint8Array(nv);
  const wx = new Float64Array(4);
  const wy = new Float64Array(4);
  const wz = new Float64Array(4);
  const cRe = new Float64Array(degree.length);
  const cIm = new Float64Array(degree.length);
  const sample = (z: number, y: number, x: number) => {
    if (z < 0 || z > nz - 1 || y < 0 || y > ny - 1 || x < 0 || x > nx - 1) return 0;
    splineWeights(x, wx);
    splineWeights(y, wy);
    splineWeights(z, wz);
    const x0 = Math.floor(x) - 1;
    const y0 = Math.floor(y) - 1;
    const z0 = Math.floor(z) - 1;
    let sum = 0;
    for (let k = 0; k < 4; k++) {
      const zk = mirrorWhole(z0 + k, nz) * nx * ny;
      for (let j = 0; j < 4; j++) {
        const yj = zk + mirrorWhole(y0 + j, ny) * nx;
        let line = 0;
        for (let i = 0; i < 4; i++) line += wx[i]! * coefficients[yj + mirrorWhole(x0 + i, nx)]!;
        sum += wz[k]! * wy[j]! * line;
      }
    }
    return sum;
  };
  for (let z = 0, voxel = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++, voxel++) {
        if (mask[voxel] !== 1) continue;
        const centre = data[voxel] as number;
        let mean = 0;
        for (let v = 0; v < nv; v++) {
          const [a0, a1, a2] = vertices[v] as [number, number, number];
          samples[v] = sample(z + a0, y + a1, x + a2);
          mean += samples[v]!;
          bits[v] = samples[v]! >= centre ? 1 : 0;
        }
        mean /= nv;
        let m2 = 0;
        let m4 = 0;
        for (let v = 0; v < nv; v++) {
          const d2 = (samples[v]! - mean) ** 2;
          m2 += d2;
          m4 += d2 * d2;
        }
        m2 /= nv;
        m4 /= nv;
        kurt[voxel] = m2 <= (1e-15 * mean) ** 2 ? Number.NaN : m4 / (m2 * m2) - 3;
        for (let j = 0; j < degree.length; j++) {
          let re = 0;
          let im = 0;
          for (let v = 0; v < nv; v++) {
            if (bits[v] === 0) continue;
            re += yRe[j]![v]!;
            im += yIm[j]![v]!;
          }
          cRe[j] = re;
          cIm[j] = im;
        }
        for (let n = 0; n < levels; n++) {
          // sum_v g(v)^2 in complex arithmetic, g(v) = sum_{m} c_{m,n} Y_{m,n}(v).
          let sRe = 0;
          let sIm = 0;
          for (let v = 0; v < nv; v++) {
            let gRe = 0;
            let gIm = 0;
            for (let j = n * n; j < (n + 1) * (n + 1); j++) {
              gRe += cRe[j]! * yRe[j]![v]! - cIm[j]! * yIm[j]![v]!;
              gIm += cRe[j]! * yIm[j]![v]! + cIm[j]! * yRe[j]![v]!;
            }
            sRe += gRe * gRe - gIm * gIm;
            sIm += 2 * gRe * gIm;
          }
          // Real part of the principal square root.
          out[n]![voxel] = Math.sqrt((Math.hypot(sRe, sIm) + sRe) / 2);
        }
      }
    }
  }
  return { levels: out.map((d) => withData(image, d)), kurtosis: withData(image, kurt) };
}
