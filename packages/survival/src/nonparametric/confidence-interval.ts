/** Confidence-interval transform for a survival curve, as R `survfit(conf.type = ...)`. */
export type ConfType = 'log' | 'log-log' | 'plain';

/**
 * Pointwise confidence limits for survival `s` whose log has standard error `seLog` (R's `fit$std.err`),
 * as R survival's `survfit_confint` with `logse = TRUE`:
 * - `'log'`: exp(log s -/+ z se), upper capped at 1 (NaN when s = 0);
 * - `'log-log'`: exp(-exp(log(-log s) -/+ z se / log s)) (NaN when s is 0 or 1);
 * - `'plain'`: s -/+ z se s, clipped to [0, 1].
 * Writes into `lower` and `upper`.
 */
export function survivalConfidenceLimits(
  s: number,
  seLog: number,
  z: number,
  confType: ConfType,
): [lower: number, upper: number] {
  if (confType === 'plain') {
    const half = seLog * s * z;
    const h = Number.isNaN(half) && s === 0 ? Number.NaN : half;
    return [Math.max(s - h, 0), Math.min(s + h, 1)];
  }
  if (confType === 'log') {
    if (s === 0) return [Number.NaN, Number.NaN];
    const half = z * seLog;
    return [Math.exp(Math.log(s) - half), Math.min(Math.exp(Math.log(s) + half), 1)];
  }
  if (s === 0 || s === 1) return [Number.NaN, Number.NaN];
  const half = (z * seLog) / Math.log(s);
  const ll = Math.log(-Math.log(s));
  return [Math.exp(-Math.exp(ll - half)), Math.exp(-Math.exp(ll + half))];
}

/**
 * {@link survivalConfidenceLimits} along a curve, into `lower` and `upper`: computed at the first point and
 * where `nEvent > 0` (survival and its standard error change only there), copied elsewhere, so a curve with
 * many censoring-only times pays the log/exp once per event time.
 */
export function fillConfidenceLimits(
  survival: Float64Array,
  stdErrLog: Float64Array,
  nEvent: Float64Array,
  z: number,
  confType: ConfType,
  lower: Float64Array,
  upper: Float64Array,
): void {
  for (let k = 0; k < survival.length; k++) {
    if (k > 0 && nEvent[k] === 0) {
      lower[k] = lower[k - 1];
      upper[k] = upper[k - 1];
    } else [lower[k], upper[k]] = survivalConfidenceLimits(survival[k], stdErrLog[k], z, confType);
  }
}
