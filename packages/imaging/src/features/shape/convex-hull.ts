/**
 * Indices of the vertices of the 2D convex hull of integer points `(u[i], v[i])` (Andrew's monotone chain;
 * collinear points dropped), in counter-clockwise order. Exact for integer coordinates below 2^25.
 * @example convexHull2D(Int32Array.of(0, 2, 1, 0), Int32Array.of(0, 0, 1, 2)) // the 4 corners except (1,1)
 */
export function convexHull2D(u: Int32Array, v: Int32Array): Int32Array {
  const n = u.length;
  if (n < 3) return Int32Array.from({ length: n }, (_, i) => i);
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => u[a]! - u[b]! || v[a]! - v[b]!);
  const hull = new Int32Array(2 * n);
  let top = 0;
  const cross = (o: number, a: number, b: number): number =>
    (u[a]! - u[o]!) * (v[b]! - v[o]!) - (v[a]! - v[o]!) * (u[b]! - u[o]!);
  for (let s = 0; s < n; s++) {
    const p = order[s]!;
    while (top >= 2 && cross(hull[top - 2]!, hull[top - 1]!, p) <= 0) top--;
    hull[top++] = p;
  }
  const lowerSize = top + 1;
  for (let s = n - 2; s >= 0; s--) {
    const p = order[s]!;
    while (top >= lowerSize && cross(hull[top - 2]!, hull[top - 1]!, p) <= 0) top--;
    hull[top++] = p;
  }
  return hull.slice(0, Math.max(1, top - 1));
}
