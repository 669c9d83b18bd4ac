import { assertInRange, assertInteger, quantile, type RandomSource, toRng } from '@tace/core';
import { concordance } from '../metrics/concordance.js';
import { concordanceReplicates } from './bootstrap-replicates.js';

/** Options for {@link bootstrapConcordance}. */
export interface BootstrapConcordanceOptions {
  /** Number of bootstrap resamples. @default 1000 */
  replicates?: number;
  /**
   * Integer seed of the per-replicate generators (replicate b uses `replicateSeed(seed, stream, b)`), or a
   * generator from which one 32-bit seed is drawn. @default 1
   */
  random?: RandomSource;
  /** Name of the target, part of every replicate's seed (e.g. `cohort|model`). @default '' */
  stream?: string;
  /** Confidence level of the percentile interval. @default 0.95 */
  confLevel?: number;
  /** `'harrell'` or `'uno'`, passed to `concordance`. @default 'harrell' */
  method?: 'harrell' | 'uno';
  /** Truncation time for Uno's C. @default Infinity */
  tau?: number;
}

/** Result of {@link bootstrapConcordance}: estimate on the data and percentile CI; paired difference when two scores. */
export interface BootstrapConcordanceResult {
  estimate: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** For two scores: C(first) - C(second), its percentile CI and a two-sided bootstrap p-value; NaN for one score. */
  difference: { estimate: number; lower: number; upper: number; pValue: number };
  replicates: number;
}

/**
 * C-index with a seeded percentile-bootstrap confidence interval; with two risk scores, also the paired
 * bootstrap of their difference on the same resamples (two-sided p = 2 x the smaller tail proportion of
 * the difference around 0, bounded below by 1 / replicates). Resamples without an event are skipped
 * and redrawn.
 * @throws {TaceError} as `concordance`; `INVALID_ARGUMENT` for bad options.
 * @example bootstrapConcordance(time, event, [crm, bclc], { replicates: 500, random: 42 }).difference.pValue
 */
export function bootstrapConcordance(
  time: ArrayLike<number>,
  event: ArrayLike<number | boolean>,
  risks: readonly ArrayLike<number>[],
  options: BootstrapConcordanceOptions = {},
): BootstrapConcordanceResult {
  const replicates = options.replicates ?? 1000;
  assertInteger(replicates, 'replicates', 10);
  const confLevel = options.confLevel ?? 0.95;
  assertInRange(confLevel, 'confLevel', 0, 1, { lower: true, upper: true });
  const method = options.method ?? 'harrell';
  const tau = options.tau ?? Number.POSITIVE_INFINITY;
  const seed = seedOf(options.random ?? 1);
  const estimate = Float64Array.from(
    risks,
    (risk) => concordance(time, event, risk, { method, tau }).concordance,
  );
  const k = risks.length;
  const [draws] = concordanceReplicates(time, event, risks, {
    seed,
    stream: options.stream,
    end: replicates,
    metrics: [{ method, tau }],
  });
  const alpha = (1 - confLevel) / 2;
  const lower = new Float64Array(k);
  const upper = new Float64Array(k);
  for (let s = 0; s < k; s++) [lower[s], upper[s]] = quantile(draws[s], [alpha, 1 - alpha]);
  const difference = { estimate: Number.NaN, lower: Number.NaN, upper: Number.NaN, pValue: Number.NaN };
  if (k === 2) {
    const diff = draws[0].map((v, b) => v - draws[1][b]);
    [difference.lower, difference.upper] = quantile(diff, [alpha, 1 - alpha]);
    difference.estimate = estimate[0] - estimate[1];
    let below = 0;
    for (const v of diff) if (v <= 0) below++;
    const tail = Math.min(below, replicates - below) / replicates;
    difference.pValue = Math.min(1, Math.max(2 * tail, 1 / replicates));
  }
  return { estimate, lower, upper, difference, replicates };
}

/** An integer seed: the number itself, or 32 bits drawn from a generator. */
export function seedOf(random: RandomSource): number {
  if (typeof random === 'number') return random;
  return toRng(random).nextUint32();
}
