import { countSortedBelow } from '@tace/core/kernels';
import type { CensoringSurvival } from '../internal/censoring-km.js';

/** AUC at one time with its influence values (subjects in input order). */
export interface AucInfluence {
  auc: number;
  cases: number;
  controls: number;
  influence: Float64Array;
}

/** Subjects sorted by time, ties kept in input order (R's stable `order(T)`, on which timeROC's iid relies). */
export function timeOrder(time: Float64Array): Int32Array {
  const order = Int32Array.from(time, (_, i) => i);
  order.sort((a, b) => time[a] - time[b] || a - b);
  return order;
}

/**
 * The IPCW AUC at t and timeROC's iid decomposition of it (`compute_iid_decomposition_survival` with
 * `Compute.iid.KM`), in closed form: timeROC's n x n martingale matrix M[r, k] (row r, subject k, both in
 * time order, 1-based) is c_k [f_k <= r] n / (n - f_k + 1) - A(min(r, k)), where c_k marks a censoring,
 * f_k is the first row tied with subject k and A(r) = sum_{s <= r} c_s n / (n - s + 1)^2; the sums over
 * cases of a_l M[l, k] then take prefix and suffix sums. O(n log n).
 */
export function aucInfluence(
  time: Float64Array,
  event: Uint8Array,
  marker: Float64Array,
  t: number,
  G: CensoringSurvival,
  order: Int32Array,
): AucInfluence {
  const n = time.length;
  const wt = 1 / (G.at(t) * n); // control weight
  // case weights W_i = 1 / (n G(T_i-)), cases: T < t with an event; controls: T > t
  const caseW = new Float64Array(n);
  const caseIdx: number[] = [];
  const controlIdx: number[] = [];
  let F = 0; // sum of case weights (timeROC CumulativeIncidence)
  for (let i = 0; i < n; i++) {
    if (time[i] < t && event[i] === 1) {
      caseW[i] = 1 / (G.before(time[i]) * n);
      F += caseW[i];
      caseIdx.push(i);
    } else if (time[i] > t) controlIdx.push(i);
  }
  const nCases = caseIdx.length;
  const nControls = controlIdx.length;
  const S = nControls * wt; // timeROC survProb
  const influence = new Float64Array(n);
  if (nCases === 0 || nControls === 0) {
    influence.fill(Number.NaN);
    return { auc: Number.NaN, cases: nCases, controls: nControls, influence };
  }
  // h_i (case i): n^2 W_i W_t (#controls below + ties / 2); rowSum_j (control j): n^2 W_t sum_i W_i [above + ties / 2]
  const controlMarkers = Float64Array.from(controlIdx, (j) => marker[j]).sort();
  const caseOrder = Int32Array.from(caseIdx).sort((a, b) => marker[a] - marker[b]);
  const caseMarkers = Float64Array.from(caseOrder, (i) => marker[i]);
  const caseCum = new Float64Array(nCases + 1);
  for (let q = 0; q < nCases; q++) caseCum[q + 1] = caseCum[q] + caseW[caseOrder[q]];
  const h = new Float64Array(n);
  let sumH = 0;
  for (const i of caseIdx) {
    const below = countSortedBelow(controlMarkers, marker[i], false);
    const tied = countSortedBelow(controlMarkers, marker[i], true) - below;
    h[i] = n * n * caseW[i] * wt * (below + tied / 2);
    sumH += h[i];
  }
  const ht = sumH / (n * n);
  const auc = ht / (F * S);
  const rowSum = new Float64Array(n);
  for (const j of controlIdx) {
    const below = countSortedBelow(caseMarkers, marker[j], false);
    const belowOrTied = countSortedBelow(caseMarkers, marker[j], true);
    const above = caseCum[nCases] - caseCum[belowOrTied];
    const tied = caseCum[belowOrTied] - caseCum[below];
    rowSum[j] = n * n * wt * (above + tied / 2);
  }
  // Q_k = sum over cases l of a_l M[l, k], a_l = h_l / n - (ht / F) d_l, d_l = n W_l
  const a = new Float64Array(n + 2); // by 1-based time rank
  const first = new Int32Array(n + 1);
  const A = new Float64Array(n + 1);
  for (let r = 1; r <= n; r++) {
    const i = order[r - 1];
    first[r] = r > 1 && time[order[r - 2]] === time[i] ? first[r - 1] : r;
    const c = event[i] === 0 ? 1 : 0;
    A[r] = A[r - 1] + (c * n) / ((n - r + 1) * (n - r + 1));
    if (caseW[i] > 0) a[r] = h[i] / n - (ht / F) * n * caseW[i];
  }
  const suffix = new Float64Array(n + 2); // suffix[r] = sum_{l >= r} a_l
  for (let r = n; r >= 1; r--) suffix[r] = suffix[r + 1] + a[r];
  let prefixAA = 0; // sum_{l <= k} a_l A(l)
  const FS = F * S;
  for (let r = 1; r <= n; r++) {
    const k = order[r - 1];
    prefixAA += a[r] * A[r];
    const c = event[k] === 0 ? 1 : 0;
    const f = first[r];
    const Q = (c * n * suffix[f]) / (n - f + 1) - (prefixAA + A[r] * suffix[r + 1]);
    const isControl = time[k] > t ? 1 : 0;
    const tis = isControl ? n / nControls : 0;
    const d = n * caseW[k];
    const s2 = isControl ? rowSum[k] - n * ht : -n * ht;
    const s3 = h[k] - n * ht * (tis + (d - F) / F);
    influence[k] = (Q + s2 + s3) / FS / n;
  }
  return { auc, cases: nCases, controls: nControls, influence };
}
