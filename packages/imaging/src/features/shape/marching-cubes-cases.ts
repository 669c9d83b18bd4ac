import { CUBE_CORNERS, EDGE_CORNERS, TRIANGLE_TABLE } from './marching-cubes-table.js';

/** A surface patch of one cube case: its triangles (edge-number triples) and its sorted vertex (edge) list. */
interface Patch {
  triangles: number[];
  key: string;
}

/** Splits one case's triangles into patches: maximal sets of triangles connected through shared vertices. */
export function surfacePatches(triangles: readonly number[]): Patch[] {
  const n = triangles.length / 3;
  const parent = Array.from({ length: n }, (_, t) => t);
  const find = (t: number): number => {
    while (parent[t] !== t) t = parent[t]!;
    return t;
  };
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const shared = [0, 1, 2].some((p) =>
        [0, 1, 2].some((q) => triangles[3 * a + p] === triangles[3 * b + q]),
      );
      if (shared) parent[find(a)] = find(b);
    }
  }
  const groups = new Map<number, number[]>();
  for (let t = 0; t < n; t++) {
    const root = find(t);
    const group = groups.get(root) ?? [];
    group.push(triangles[3 * t]!, triangles[3 * t + 1]!, triangles[3 * t + 2]!);
    groups.set(root, group);
  }
  return [...groups.values()].map((group) => ({
    triangles: group,
    key: [...new Set(group)].sort((p, q) => p - q).join(' '),
  }));
}

/**
 * Orders each triangle so that its normal `(b - a) x (d - a)` points towards the inside corners of the cube
 * (the convention of the standard table: case 1, corner 0 alone, gives `0 8 3`): for every vertex, on edge
 * (p, q), the direction from its outside corner to its inside corner is dotted with the normal, and the sum
 * must be positive.
 */
export function orientTowardsInside(cube: number, triangles: readonly number[]): number[] {
  const out: number[] = [];
  const mid = (e: number): number[] => {
    const [p, q] = EDGE_CORNERS[e]!;
    return [0, 1, 2].map((d) => (CUBE_CORNERS[p]![d]! + CUBE_CORNERS[q]![d]!) / 2);
  };
  for (let t = 0; t < triangles.length; t += 3) {
    const a = triangles[t]!;
    const b = triangles[t + 1]!;
    const d = triangles[t + 2]!;
    const [pa, pb, pd] = [mid(a), mid(b), mid(d)];
    const u = [0, 1, 2].map((k) => pb![k]! - pa![k]!);
    const v = [0, 1, 2].map((k) => pd![k]! - pa![k]!);
    const normal = [
      u[1]! * v[2]! - u[2]! * v[1]!,
      u[2]! * v[0]! - u[0]! * v[2]!,
      u[0]! * v[1]! - u[1]! * v[0]!,
    ];
    let towardsInside = 0;
    for (const e of [a, b, d]) {
      const [p, q] = EDGE_CORNERS[e]!;
      const [inner, outer] = (cube >> p) & 1 ? [p, q] : [q, p];
      for (let k = 0; k < 3; k++) {
        towardsInside += normal[k]! * (CUBE_CORNERS[inner]![k]! - CUBE_CORNERS[outer]![k]!);
      }
    }
    if (towardsInside === 0)
      throw new Error(`marching cubes: triangle ${a} ${b} ${d} of case ${cube} is degenerate`);
    out.push(...(towardsInside > 0 ? [a, b, d] : [a, d, b]));
  }
  return out;
}

/**
 * Cases that PyRadiomics (2.1+) leaves split as in the standard table although a patch of theirs is split
 * otherwise when alone: case 58 (corners 1, 3, 4, 5; the 1-4-5 pentagon, cf. case 50).
 */
export const STANDARD_SPLIT_CASES: readonly number[] = [58];

/**
 * Builds the 128-case triangle table used for PyRadiomics-compatible meshes from the standard table
 * ({@link TRIANGLE_TABLE}) by one rule: **a surface patch is triangulated the same way wherever it occurs.**
 *
 * A cube case whose surface has several separate patches (e.g. case 101: corners 2, 5, 6 on one side and
 * corner 0 alone) takes, for each patch, the triangles of the case in which that patch occurs alone (there:
 * case 100 and case 1), instead of the standard table's own split. The patches and the ambiguous-face choices
 * are unchanged (so the mesh is, as PyRadiomics', not always closed); only non-planar patches (the pentagon
 * around three corners of a face, ...) change area and volume. Every triangle is then oriented towards the
 * inside corners ({@link orientTowardsInside}), which the complement symmetry needs for signed volumes.
 *
 * This reproduces the behaviour of PyRadiomics' edited table in `cshape.c` (derived here from the rule, not
 * copied). PyRadiomics applies the rule everywhere but in case 58 (corners 1, 4, 5 and 3), where it keeps the
 * standard split of the 1-4-5 pentagon (unlike its case 50): {@link STANDARD_SPLIT_CASES} keeps that
 * exception. The resulting triangles then agree with PyRadiomics' in every case except 51, a planar square
 * split along its other diagonal (identical area and volume).
 * @returns per case, a flat list of edge numbers, three per triangle.
 * @example harmonizedTriangleTable()[101] // Int8Array [1, 4, 9, 1, 2, 4, 2, 6, 4, 0, 8, 3] (up to order)
 */
export function harmonizedTriangleTable(): Int8Array[] {
  const standard = TRIANGLE_TABLE.map((row) => (row === '' ? [] : row.split(' ').map(Number)));
  const alone = new Map<string, number[]>();
  for (let cube = 1; cube < 128; cube++) {
    const patches = surfacePatches(standard[cube]!);
    if (patches.length === 1 && !alone.has(patches[0]!.key))
      alone.set(patches[0]!.key, patches[0]!.triangles);
  }
  return standard.map((triangles, cube) => {
    const rebuilt = STANDARD_SPLIT_CASES.includes(cube)
      ? triangles
      : surfacePatches(triangles).flatMap((patch) => alone.get(patch.key) ?? patch.triangles);
    return Int8Array.from(orientTowardsInside(cube, rebuilt));
  });
}
