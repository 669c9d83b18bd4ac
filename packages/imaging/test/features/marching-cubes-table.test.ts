import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  harmonizedTriangleTable,
  orientTowardsInside,
  STANDARD_SPLIT_CASES,
  surfacePatches,
} from '../../src/features/shape/marching-cubes-cases.js';
import { TRIANGLE_TABLE } from '../../src/features/shape/marching-cubes-table.js';
import { meshAreaVolume } from '../../src/features/shape/mesh.js';
import { padMask } from '../../src/features/shape/shape.js';

const table = harmonizedTriangleTable();
/** Unoriented triangles of a flat list, as a sorted list of sorted triples. */
const triangleSet = (tri: ArrayLike<number>): string[] => {
  const out: string[] = [];
  for (let t = 0; t < tri.length; t += 3)
    out.push([tri[t]!, tri[t + 1]!, tri[t + 2]!].sort((a, b) => a - b).join(' '));
  return out.sort();
};

describe('harmonised marching-cubes table (tier 1: the rule)', () => {
  it('every patch is split as in the case where it occurs alone (but in case 58, as PyRadiomics)', () => {
    const alone = new Map<string, string[]>();
    for (let c = 1; c < 128; c++) {
      const patches = surfacePatches(Array.from(table[c]!));
      if (patches.length === 1) alone.set(patches[0]!.key, triangleSet(patches[0]!.triangles));
    }
    let multi = 0;
    for (let c = 1; c < 128; c++) {
      const patches = surfacePatches(Array.from(table[c]!));
      if (patches.length > 1) multi++;
      if (STANDARD_SPLIT_CASES.includes(c)) {
        expect(triangleSet(table[c]!)).toEqual(triangleSet(TRIANGLE_TABLE[c]!.split(' ').map(Number)));
        continue;
      }
      for (const patch of patches)
        expect(triangleSet(patch.triangles), `case ${c}`).toEqual(alone.get(patch.key));
    }
    expect(multi).toBeGreaterThan(30);
  });
  it('case 101 (corners 0, 2, 5, 6) = case 100 (2, 5, 6) + case 1 (0); the standard table splits it otherwise', () => {
    expect(triangleSet(table[101]!)).toEqual(triangleSet([...table[100]!, ...table[1]!]));
    expect(triangleSet(TRIANGLE_TABLE[101]!.split(' ').map(Number))).not.toEqual(triangleSet(table[101]!));
  });
  it('keeps the standard table for single-patch cases and orients every triangle towards the inside', () => {
    for (let c = 1; c < 128; c++) {
      const standard = TRIANGLE_TABLE[c]!.split(' ').map(Number);
      if (surfacePatches(standard).length === 1)
        expect(triangleSet(table[c]!), `case ${c}`).toEqual(triangleSet(standard));
      expect(orientTowardsInside(c, Array.from(table[c]!)), `case ${c}`).toEqual(Array.from(table[c]!));
    }
    // case 1 (corner 0 alone) as in the standard table, normal towards corner 0
    expect(Array.from(table[1]!)).toEqual([0, 8, 3]);
  });
});

/** True when some 2 x 2 face of the grid has its two set voxels on one diagonal only (an ambiguous face). */
function hasAmbiguousFace(data: Uint8Array, size: readonly [number, number, number]): boolean {
  const [nx, ny, nz] = size;
  const at = (i: number, j: number, k: number): number => data[i + nx * (j + ny * k)]!;
  const steps: [number, number, number][][] = [
    [
      [1, 0, 0],
      [0, 1, 0],
    ],
    [
      [1, 0, 0],
      [0, 0, 1],
    ],
    [
      [0, 1, 0],
      [0, 0, 1],
    ],
  ];
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        for (const [u, v] of steps) {
          const [ui, uj, uk] = u!;
          const [vi, vj, vk] = v!;
          if (i + ui + vi >= nx || j + uj + vj >= ny || k + uk + vk >= nz) continue;
          const p = at(i, j, k);
          const q = at(i + ui + vi, j + uj + vj, k + uk + vk);
          const r = at(i + ui, j + uj, k + uk);
          const s = at(i + vi, j + vj, k + vk);
          if (p === q && r === s && p !== r) return true;
        }
      }
    }
  }
  return false;
}

describe('harmonised marching-cubes table (tier 3: properties)', () => {
  it('without ambiguous faces the mesh is closed: its volume does not depend on the origin (1e-9)', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        fc.constantFrom<[number, number, number]>([1, 1, 1], [0.7, 0.9, 2.5]),
        (bits, spacing) => {
          const size: [number, number, number] = [3, 2, 2];
          const grid = {
            data: padMask(Uint8Array.from(bits, Number), size),
            size: [5, 4, 4] as const,
            spacing,
          };
          if (!bits.includes(true) || hasAmbiguousFace(grid.data, grid.size)) return;
          checked++;
          const a = meshAreaVolume(grid);
          const b = meshAreaVolume(grid, [7, -3, 11]);
          expect(b.volume).toBeCloseTo(a.volume, 9);
          expect(b.surfaceArea).toBeCloseTo(a.surfaceArea, 9);
        },
      ),
      { numRuns: 400 },
    );
    expect(checked).toBeGreaterThan(10);
  });
  it('a mask and the same mask shifted in its grid give the same area and volume (1e-9)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 27, maxLength: 27 }), (bits) => {
        if (!bits.includes(true)) return;
        const mask = Uint8Array.from(bits, Number);
        const small = {
          data: padMask(mask, [3, 3, 3]),
          size: [5, 5, 5] as const,
          spacing: [1, 1.5, 2] as const,
        };
        const big = new Uint8Array(7 * 7 * 7);
        for (let k = 0; k < 5; k++)
          for (let j = 0; j < 5; j++)
            for (let i = 0; i < 5; i++)
              big[i + 2 + 7 * (j + 1 + 7 * (k + 2))] = small.data[i + 5 * (j + 5 * k)]!;
        const a = meshAreaVolume(small, [2, 1, 2]);
        const b = meshAreaVolume({ data: big, size: [7, 7, 7], spacing: [1, 1.5, 2] });
        expect(b.volume).toBeCloseTo(a.volume, 9);
        expect(b.surfaceArea).toBeCloseTo(a.surfaceArea, 9);
      }),
      { numRuns: 100 },
    );
  });
});
