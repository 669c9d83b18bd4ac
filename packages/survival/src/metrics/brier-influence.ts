/**
 * Influence values of the IPCW Brier score at one time, the Kaplan-Meier censoring estimate included
 * (riskRegression's `Score(se.fit = TRUE, cens.model = "km")` decomposition).
 *
 * With residuals r_i (S_i^2 / G(T_i-) for an event by t, (1 - S_i)^2 / G(t) after t, 0 otherwise) and the
 * Brier score B = mean(r), the influence of subject i is
 *   r_i - B + (1/n) sum_{events l, T_l <= t} r_l phi_i(g_l - 1) + (1/n) sum_{T_l > t} r_l phi_i(g_t),
 * where groups g index the distinct times (g_t the last <= t), Y_g is the number at risk, MC_q =
 * sum_{s <= q} C_s n / Y_s^2 (C_s censorings) and phi_i(q) = c_i n / Y_{g_i} [g_i <= q] - MC_{min(g_i, q)}
 * is the influence of subject i on log G after the q-th distinct time (c_i = 1 when i is censored).
 * O(n) after sorting.
 *
 * @param residuals - r_i per subject (input order); `order` sorts the subjects by time.
 */
export function brierInfluence(
  time: Float64Array,
  event: Uint8Array,
  residuals: Float64Array,
  t: number,
  order: Int32Array,
): Float64Array {
  const n = time.length;
  // distinct-time groups in time order (1-based), at-risk counts and MC
  const group = new Int32Array(n);
  const atRisk: number[] = [0];
  const mc: number[] = [0];
  let g = 0;
  for (let r = 0; r < n; ) {
    let e = r;
    let censored = 0;
    for (; e < n && time[order[e]] === time[order[r]]; e++) censored += event[order[e]] === 0 ? 1 : 0;
    g++;
    const Y = n - r;
    atRisk.push(Y);
    mc.push(mc[g - 1] + (censored * n) / (Y * Y));
    for (let q = r; q < e; q++) group[order[q]] = g;
    r = e;
  }
  const m = g;
  // E[q] = sum of residuals of events by t in group q + 1; gt = last group with time <= t
  const E = new Float64Array(m + 2);
  let gt = 0;
  let after = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    mean += residuals[i] / n;
    if (time[i] <= t) {
      gt = Math.max(gt, group[i]);
      if (event[i] === 1) E[group[i] - 1] += residuals[i];
    } else after += residuals[i];
  }
  // prefix[q] = sum_{s < q} E_s MC_s, suffix[q] = sum_{s >= q} E_s
  const prefix = new Float64Array(m + 2);
  for (let q = 1; q <= m + 1; q++) prefix[q] = prefix[q - 1] + E[q - 1] * mc[Math.min(q - 1, m)];
  const suffix = new Float64Array(m + 2);
  for (let q = m; q >= 0; q--) suffix[q] = suffix[q + 1] + E[q];
  const influence = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const gi = group[i];
    const jump = event[i] === 0 ? n / atRisk[gi] : 0;
    const eventsTerm = jump * suffix[gi] - (prefix[gi] + mc[gi] * suffix[gi]);
    const phiT = gt === 0 ? 0 : (gi <= gt ? jump : 0) - mc[Math.min(gi, gt)];
    influence[i] = residuals[i] - mean + (eventsTerm + after * phiT) / n;
  }
  return influence;
}
