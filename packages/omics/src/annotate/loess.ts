import { TaceError } from '@tace/core';

/** Options of {@link loessFit}. */
export interface LoessOptions {
  /** Fraction of the points in each local neighbourhood (R `loess(span)`). @default 0.75 */
  span?: number;
  /** Degree of the local polynomial, 1 or 2 (R `loess(degree)`). @default 2 */
  degree?: 1 | 2;
  /** Maximum points in a k-d tree cell, as a fraction of the neighbourhood (R `loess.control(cell)`). @default 0.2 */
  cell?: number;
}

/**
 * Fitted values of a one-predictor loess as R `loess(y ~ x, span, degree)` computes them with its defaults
 * (`family = "gaussian"`, `surface = "interpolate"`): Cleveland, Grosse & Shyu's k-d tree is built on x (cells
 * split at the median until they hold at most `floor(n * span * cell)` points, ties kept with the upper cell,
 * box widened by 0.5% on each side), a tricube-weighted local polynomial is fitted at every vertex on its
 * `floor(n * span)` nearest points (value and slope kept), and each fitted value is the cubic Hermite
 * interpolation between the two vertices of its cell (R's `lowesd`/`lowesb`/`lowese`, `ehg124`-`ehg128`). This
 * is what Seurat's `FindVariableFeatures(selection.method = "vst")` fits. Observations must be finite.
 *
 * @throws {TaceError} `INVALID_ARGUMENT` for lengths that differ, non-finite values, fewer than 4 points or a
 *   span leaving fewer points per neighbourhood than coefficients.
 * @example loessFit(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), Float64Array.of(1, 4, 9, 16, 25, 36, 49, 64), { span: 1 }) // ~ x^2
 */
export function loessFit(x: Float64Array, y: Float64Array, options: LoessOptions = {}): Float64Array {
  const span = options.span ?? 0.75;
  const degree = options.degree ?? 2;
  const cell = options.cell ?? 0.2;
  const n = x.length;
  if (y.length !== n)
    throw new TaceError('INVALID_ARGUMENT', `x has ${n} values, y ${y.length}`, { param: 'y' });
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i]))
      throw new TaceError('INVALID_ARGUMENT', `loess needs finite x and y (point ${i})`, {
        param: 'x',
        remedy: 'drop non-finite points first',
      });
  const nf = Math.min(n, Math.floor(n * span));
  if (n < 4 || nf <= degree + 1)
    throw new TaceError('INVALID_ARGUMENT', `span ${span} leaves ${nf} of ${n} points per neighbourhood`, {
      param: 'span',
      remedy: `use a larger span or more points (at least ${degree + 2} per neighbourhood)`,
    });
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || a - b);
  const xs = Float64Array.from(order, (i) => x[i]);
  const ys = Float64Array.from(order, (i) => y[i]);
  // Bounding box (ehg126).
  const lo0 = xs[0];
  const hi0 = xs[n - 1];
  const margin = 0.005 * Math.max(hi0 - lo0, 1e-10 * Math.max(Math.abs(lo0), Math.abs(hi0)) + 1e-30);
  const fc = Math.floor(n * (span * cell));
  const nvmax = Math.max(200, n);
  // Cells in creation order (ehg124): first/last sorted position (1-based), vertex bounds, split, children.
  const cl: number[] = [1];
  const cu: number[] = [n];
  const cLow: number[] = [lo0 - margin];
  const cHigh: number[] = [hi0 + margin];
  const split: number[] = [];
  const child: number[] = [];
  const vertices: number[] = [lo0 - margin, hi0 + margin];
  for (let p = 0; p < cl.length; p++) {
    const l = cl[p];
    const u = cu[p];
    let leaf =
      u - l + 1 <= fc || cHigh[p] - cLow[p] <= 0 || nvmax < cl.length + 2 || nvmax < vertices.length + 1;
    let m = 0;
    if (!leaf) {
      m = Math.floor((l + u) / 2);
      // All ties go with the upper cell: move m to the nearest position whose value differs from the next.
      let offset = 0;
      while (!(m + offset >= u || m + offset < l)) {
        if (xs[m + offset - 1] === xs[m + offset]) {
          offset = -offset;
          if (offset >= 0) offset++;
        } else {
          m += offset;
          break;
        }
      }
      const value = xs[m - 1];
      leaf = cLow[p] === value || cHigh[p] === value;
    }
    if (leaf) {
      split.push(Number.NaN);
      child.push(-1);
      continue;
    }
    const xi = xs[m - 1];
    split.push(xi);
    child.push(cl.length);
    vertices.push(xi);
    cl.push(l, m + 1);
    cu.push(m, u);
    cLow.push(cLow[p], xi);
    cHigh.push(xi, cHigh[p]);
  }
  // Local fits at the vertices (ehg127): value and slope of the weighted polynomial centred at the vertex.
  const nv = vertices.length;
  const value = new Float64Array(nv);
  const slope = new Float64Array(nv);
  const k = degree + 1;
  const b = new Float64Array(nf * k);
  const eta = new Float64Array(nf);
  const coef = new Float64Array(k);
  for (let v = 0; v < nv; v++) {
    localFit(xs, ys, vertices[v], nf, degree, b, eta, coef);
    value[v] = coef[0];
    slope[v] = coef[1];
  }
  const vertexIndex = new Map<number, number>();
  vertices.forEach((v, i) => {
    vertexIndex.set(v, i);
  });
  const fitted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = x[i];
    let p = 0;
    while (child[p] >= 0) p = z <= split[p] ? child[p] : child[p] + 1;
    const v0 = cLow[p];
    const v1 = cHigh[p];
    const g0 = vertexIndex.get(v0) as number;
    const g1 = vertexIndex.get(v1) as number;
    const h = (z - v0) / (v1 - v0);
    const phi0 = (1 - h) ** 2 * (1 + 2 * h);
    const phi1 = h ** 2 * (3 - 2 * h);
    const psi0 = h * (1 - h) ** 2;
    const psi1 = h ** 2 * (h - 1);
    fitted[i] = phi0 * value[g0] + phi1 * value[g1] + (psi0 * slope[g0] + psi1 * slope[g1]) * (v1 - v0);
  }
  return fitted;
}

/**
 * Tricube-weighted least squares of degree `degree` centred at q on the nf nearest of the sorted points xs:
 * rho is the nf-th smallest squared distance, weights (1 - (d/sqrt(rho))^3)^3; solved by Householder QR of the
 * sqrt-weighted, column-equilibrated design (as ehg127; its pseudo-inverse only differs when singular).
 */
function localFit(
  xs: Float64Array,
  ys: Float64Array,
  q: number,
  nf: number,
  degree: number,
  b: Float64Array,
  eta: Float64Array,
  coef: Float64Array,
): void {
  const n = xs.length;
  // Nearest nf points form a window of the sorted xs: grow it from the insertion point.
  let right = 0;
  while (right < n && xs[right] < q) right++;
  let left = right - 1;
  let taken = 0;
  while (taken < nf) {
    if (left < 0) right++;
    else if (right >= n) left--;
    else if (q - xs[left] <= xs[right] - q) left--;
    else right++;
    taken++;
  }
  const from = left + 1;
  let rho = 0;
  for (let i = from; i < right; i++) rho = Math.max(rho, (xs[i] - q) ** 2);
  const k = degree + 1;
  for (let r = 0; r < nf; r++) {
    const d = xs[from + r] - q;
    const t = Math.sqrt((d * d) / rho);
    const w = Math.sqrt((1 - t ** 3) ** 3);
    let power = w;
    for (let c = 0; c < k; c++) {
      b[r + c * nf] = power;
      power *= d;
    }
    eta[r] = w * ys[from + r];
  }
  const scale = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let r = 0; r < nf; r++) s += b[r + c * nf] ** 2;
    s = Math.sqrt(s);
    scale[c] = s > 0 ? s : 1;
    for (let r = 0; r < nf; r++) b[r + c * nf] /= scale[c];
  }
  // Householder QR, applying the reflections to eta.
  const diag = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let norm = 0;
    for (let r = c; r < nf; r++) norm += b[r + c * nf] ** 2;
    norm = Math.sqrt(norm);
    const alpha = b[c + c * nf] > 0 ? -norm : norm;
    diag[c] = alpha;
    if (norm === 0) continue;
    b[c + c * nf] -= alpha;
    let vnorm = 0;
    for (let r = c; r < nf; r++) vnorm += b[r + c * nf] ** 2;
    if (vnorm === 0) continue;
    for (let c2 = c + 1; c2 < k; c2++) {
      let dot = 0;
      for (let r = c; r < nf; r++) dot += b[r + c * nf] * b[r + c2 * nf];
      const f = (2 * dot) / vnorm;
      for (let r = c; r < nf; r++) b[r + c2 * nf] -= f * b[r + c * nf];
    }
    let dot = 0;
    for (let r = c; r < nf; r++) dot += b[r + c * nf] * eta[r];
    const f = (2 * dot) / vnorm;
    for (let r = c; r < nf; r++) eta[r] -= f * b[r + c * nf];
  }
  for (let c = k - 1; c >= 0; c--) {
    let s = eta[c];
    for (let c2 = c + 1; c2 < k; c2++) s -= b[c + c2 * nf] * coef[c2];
    coef[c] = diag[c] === 0 ? 0 : s / diag[c];
  }
  for (let c = 0; c < k; c++) coef[c] /= scale[c];
}
