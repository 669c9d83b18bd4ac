import { harmonizedTriangleTable } from './marching-cubes-cases.js';
import { CUBE_CORNERS, EDGE_CORNERS } from './marching-cubes-table.js';

/** A binary mask on a grid, x fastest: `data[i + nx * (j + ny * k)]`. */
export interface BinaryGrid {
  /** 1 inside, 0 outside. */
  data: Uint8Array;
  /** Voxels along x, y, z. */
  size: readonly [number, number, number];
  /** Voxel size along x, y, z (mm). */
  spacing: readonly [number, number, number];
}

/** Edge-midpoint offsets (in voxels) of the 12 cube edges. */
const EDGE_MIDPOINTS: readonly (readonly [number, number, number])[] = EDGE_CORNERS.map(([a, b]) => {
  const p = CUBE_CORNERS[a]!;
  const q = CUBE_CORNERS[b]!;
  return [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2, (p[2] + q[2]) / 2] as const;
});

/** Cross product of two 3-vectors. */
function cross(p: readonly number[], q: readonly number[]): [number, number, number] {
  return [p[1]! * q[2]! - p[2]! * q[1]!, p[2]! * q[0]! - p[0]! * q[2]!, p[0]! * q[1]! - p[1]! * q[0]!];
}

/** Triangles of each of the 128 cases as flat edge-number lists (each patch split as when it is alone). */
const CASES: readonly Int8Array[] = harmonizedTriangleTable();

/** The 4-bit code of the voxels (0, 0), (1, 0), (0, 1), (1, 1) in (y, z) from `index` (1 when inside). */
function faceCode(data: Uint8Array, index: number, dy: number, dz: number): number {
  return (
    (data[index] !== 0 ? 1 : 0) |
    (data[index + dy] !== 0 ? 2 : 0) |
    (data[index + dz] !== 0 ? 4 : 0) |
    (data[index + dy + dz] !== 0 ? 8 : 0)
  );
}

/** Cube-corner bits of a face code at the cube's low x (corners 0, 3, 4, 7) and high x (1, 2, 5, 6). */
const LOW_FACE = faceCorners(0);
const HIGH_FACE = faceCorners(1);

/** For each 4-bit face code, the bits of the cube corners with x = `x` at the code's (y, z) positions. */
function faceCorners(x: number): Uint8Array {
  const out = new Uint8Array(16);
  for (let code = 0; code < 16; code++) {
    for (let c = 0; c < 8; c++) {
      const [cx, cy, cz] = CUBE_CORNERS[c]!;
      if (cx === x && (code >> (cy + 2 * cz)) & 1) out[code] |= 1 << c;
    }
  }
  return out;
}

/**
 * Surface area (mm^2) and enclosed volume (mm^3) of the marching-cubes mesh of a binary mask cut at 0.5, as
 * PyRadiomics `cshape.calculate_coefficients`: every 2x2x2 cube of the grid is looked up in the triangle
 * table ({@link harmonizedTriangleTable}; configurations with corner 7 inside use their complement's
 * triangles with a sign flip for the volume); the area is the sum of triangle areas, the volume the sum of
 * signed tetrahedra to the origin / 6.
 *
 * The mask must be 0 on the grid border (pad it by one voxel). With the 128-case table and complement
 * symmetry the mesh is not always closed (ambiguous faces of neighbouring cubes may be split differently),
 * so the volume depends slightly on the coordinate origin: `origin` (in voxels, added to the grid index)
 * moves it; PyRadiomics' origin is the corner of its padded mask, i.e. `origin` 0 for a mask cropped to the
 * ROI box and padded by one voxel. `table` replaces the triangle table (128 flat edge-number lists), e.g. to
 * reproduce an older PyRadiomics table.
 * @example meshAreaVolume({ data, size: [3, 3, 3], spacing: [1, 1, 1] }) // one voxel: area 3.46, volume 0.5...
 */
export function meshAreaVolume(
  grid: BinaryGrid,
  origin: readonly [number, number, number] = [0, 0, 0],
  table: readonly Int8Array[] = CASES,
): { surfaceArea: number; volume: number } {
  const [ox, oy, oz] = origin;
  const [nx, ny, nz] = grid.size;
  const [sx, sy, sz] = grid.spacing;
  const { data } = grid;
  // Per case, with a, b, d the spacing-scaled vertex offsets of each triangle and p the cube corner in mm:
  // area = sum |(b - a) x (d - a)| / 2 (independent of p), and the signed tetrahedron volume to the origin
  // det(p + a, p + b, p + d) = det(a, b, d) + p . (a x b + b x d + d x a) (terms with p twice vanish).
  const caseArea = new Float64Array(128);
  const caseDet = new Float64Array(128);
  const caseNormal = new Float64Array(3 * 128);
  for (let c = 1; c < 128; c++) {
    const tri = table[c]!;
    for (let t = 0; t < tri.length; t += 3) {
      const scaled = (e: number): readonly number[] => {
        const m = EDGE_MIDPOINTS[e]!;
        return [m[0] * sx, m[1] * sy, m[2] * sz];
      };
      const a = scaled(tri[t]!);
      const b = scaled(tri[t + 1]!);
      const d = scaled(tri[t + 2]!);
      const ux = b[0]! - a[0]!;
      const uy = b[1]! - a[1]!;
      const uz = b[2]! - a[2]!;
      const vx = d[0]! - a[0]!;
      const vy = d[1]! - a[1]!;
      const vz = d[2]! - a[2]!;
      const cx = uy * vz - uz * vy;
      const cy = uz * vx - ux * vz;
      const cz = ux * vy - uy * vx;
      caseArea[c]! += 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
      const ab = cross(a, b);
      const bd = cross(b, d);
      const da = cross(d, a);
      caseDet[c]! += ab[0]! * d[0]! + ab[1]! * d[1]! + ab[2]! * d[2]!;
      for (let q = 0; q < 3; q++) caseNormal[3 * c + q]! += ab[q]! + bd[q]! + da[q]!;
    }
  }
  let surfaceArea = 0;
  let volume6 = 0;
  const dy = nx;
  const dz = nx * ny;
  for (let k = 0; k < nz - 1; k++) {
    const pz = (oz + k) * sz;
    for (let j = 0; j < ny - 1; j++) {
      const py = (oy + j) * sy;
      // the cube at i is the face of its 4 voxels at x = i (corners 0, 3, 4, 7) and the face at x = i + 1
      // (corners 1, 2, 5, 6), each face a 4-bit code (j, j + 1, k + 1, j + 1 and k + 1) read once
      let index = nx * (j + ny * k);
      let face = faceCode(data, index, dy, dz);
      for (let i = 0; i < nx - 1; i++, index++) {
        const next = faceCode(data, index + 1, dy, dz);
        let cube = LOW_FACE[face] | HIGH_FACE[next];
        face = next;
        let sign = 1;
        if (cube & 0x80) {
          cube ^= 0xff;
          sign = -1;
        }
        if (cube === 0) continue;
        surfaceArea += caseArea[cube]!;
        const px = (ox + i) * sx;
        volume6 +=
          sign *
          (caseDet[cube]! +
            px * caseNormal[3 * cube]! +
            py * caseNormal[3 * cube + 1]! +
            pz * caseNormal[3 * cube + 2]!);
      }
    }
  }
  return { surfaceArea, volume: Math.abs(volume6) / 6 };
}
