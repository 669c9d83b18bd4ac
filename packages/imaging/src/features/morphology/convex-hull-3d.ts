/**
 * Volume and surface area of the 3D convex hull of integer points `(x, y, z)` after scaling each axis by
 * `scale` (mm per unit). The hull is built on the exact integer coordinates (incremental algorithm with exact
 * orientation tests: integer coordinates below 2^16 keep every determinant exact in doubles), then measured
 * on the scaled points: scaling the axes maps the hull of the points onto the hull of the scaled points.
 * Fewer than 4 non-coplanar points give volume 0 and area 0.
 * @example convexHullVolumeArea(Int32Array.of(0, 1, 0, 0), Int32Array.of(0, 0, 1, 0), Int32Array.of(0, 0, 0, 1), [1, 1, 1]).volume // 1/6
 */
export function convexHullVolumeArea(
  x: Int32Array,
  y: Int32Array,
  z: Int32Array,
  scale: readonly [number, number, number],
): { volume: number; area: number } {
  const n = x.length;
  const orient = (a: number, b: number, c: number, p: number): number => {
    const ax = x[a]! - x[p]!;
    const ay = y[a]! - y[p]!;
    const az = z[a]! - z[p]!;
    const bx = x[b]! - x[p]!;
    const by = y[b]! - y[p]!;
    const bz = z[b]! - z[p]!;
    const cx = x[c]! - x[p]!;
    const cy = y[c]! - y[p]!;
    const cz = z[c]! - z[p]!;
    return ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
  };
  // initial tetrahedron: two distinct points, a third off their line, a fourth off their plane
  const p0 = 0;
  let p1 = -1;
  for (let i = 1; i < n && p1 < 0; i++) if (x[i] !== x[p0] || y[i] !== y[p0] || z[i] !== z[p0]) p1 = i;
  if (p1 < 0) return { volume: 0, area: 0 };
  let p2 = -1;
  for (let i = 1; i < n && p2 < 0; i++) {
    const ux = x[p1]! - x[p0]!;
    const uy = y[p1]! - y[p0]!;
    const uz = z[p1]! - z[p0]!;
    const vx = x[i]! - x[p0]!;
    const vy = y[i]! - y[p0]!;
    const vz = z[i]! - z[p0]!;
    if (uy * vz - uz * vy !== 0 || uz * vx - ux * vz !== 0 || ux * vy - uy * vx !== 0) p2 = i;
  }
  if (p2 < 0) return { volume: 0, area: 0 };
  let p3 = -1;
  for (let i = 1; i < n && p3 < 0; i++) if (orient(p0, p1, p2, i) !== 0) p3 = i;
  if (p3 < 0) return { volume: 0, area: 0 };
  // faces as vertex triples, oriented so that the inside is on the positive side of orient(a, b, c, p)
  const fa: number[] = [];
  const fb: number[] = [];
  const fc: number[] = [];
  const alive: boolean[] = [];
  const addFace = (a: number, b: number, c: number) => {
    fa.push(a);
    fb.push(b);
    fc.push(c);
    alive.push(true);
  };
  const tetra: [number, number, number, number][] = [
    [p0, p1, p2, p3],
    [p0, p1, p3, p2],
    [p1, p2, p3, p0],
    [p2, p0, p3, p1],
  ];
  for (const [a, b, c, opposite] of tetra) {
    if (orient(a, b, c, opposite) > 0) addFace(a, b, c);
    else addFace(a, c, b);
  }
  // visible(f, p): p strictly outside face f (orient(a, b, c, p) < 0 with the inside positive)
  const edgeOwner = new Map<number, number>();
  const key = (a: number, b: number) => a * n + b;
  const visible: number[] = [];
  for (let p = 0; p < n; p++) {
    if (p === p0 || p === p1 || p === p2 || p === p3) continue;
    visible.length = 0;
    for (let f = 0; f < fa.length; f++) {
      if (alive[f] && orient(fa[f]!, fb[f]!, fc[f]!, p) < 0) visible.push(f);
    }
    if (visible.length === 0) continue;
    // horizon: directed edges of visible faces whose reverse is not on a visible face
    edgeOwner.clear();
    for (const f of visible) {
      alive[f] = false;
      edgeOwner.set(key(fa[f]!, fb[f]!), f);
      edgeOwner.set(key(fb[f]!, fc[f]!), f);
      edgeOwner.set(key(fc[f]!, fa[f]!), f);
    }
    for (const f of visible) {
      const edges: [number, number][] = [
        [fa[f]!, fb[f]!],
        [fb[f]!, fc[f]!],
        [fc[f]!, fa[f]!],
      ];
      for (const [a, b] of edges) if (!edgeOwner.has(key(b, a))) addFace(a, b, p);
    }
    // compact dead faces now and then
    if (fa.length > 4 * 1024 && fa.length > 8 * alive.filter(Boolean).length) {
      let w = 0;
      for (let f = 0; f < fa.length; f++) {
        if (!alive[f]) continue;
        fa[w] = fa[f]!;
        fb[w] = fb[f]!;
        fc[w] = fc[f]!;
        alive[w] = true;
        w++;
      }
      fa.length = fb.length = fc.length = alive.length = w;
    }
  }
  const [sx, sy, sz] = scale;
  let volume6 = 0;
  let area2 = 0;
  for (let f = 0; f < fa.length; f++) {
    if (!alive[f]) continue;
    const a = fa[f]!;
    const b = fb[f]!;
    const c = fc[f]!;
    const ax = x[a]! * sx;
    const ay = y[a]! * sy;
    const az = z[a]! * sz;
    const ux = x[b]! * sx - ax;
    const uy = y[b]! * sy - ay;
    const uz = z[b]! * sz - az;
    const vx = x[c]! * sx - ax;
    const vy = y[c]! * sy - ay;
    const vz = z[c]! * sz - az;
    const cx = uy * vz - uz * vy;
    const cy = uz * vx - ux * vz;
    const cz = ux * vy - uy * vx;
    area2 += Math.sqrt(cx * cx + cy * cy + cz * cz);
    volume6 += ax * cx + ay * cy + az * cz;
  }
  return { volume: Math.abs(volume6) / 6, area: area2 / 2 };
}
