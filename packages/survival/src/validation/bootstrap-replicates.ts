import { bootstrapIndices, createRng } from '@tace/core';
import type { EventInput, NumericInput } from '../internal/survival-data.js';
import { toSurvivalData } from '../internal/survival-data.js';
import { timeFix } from '../internal/time-fix.js';
import { concordanceKernel } from '../metrics/concordance.js';

/**
 * The seed of bootstrap replicate `b` of a target: FNV-1a (32-bit, over UTF-16 code units) of
 * `seed|stream|b`. Each replicate has its own generator, so any block of replicates computed anywhere (a
 * Slurm array task) equals the same block of a single run, and adding a target never changes another's.
 * @example replicateSeed(2026, 'internal|CRM', 17)
 */
export function replicateSeed(seed: number, stream: string, b: number): number {
  const text = `${seed}|${stream}|${b}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** One C-index computed on every resample: Harrell's (`tau` Infinity) or Uno's truncated at `tau`. */
export interface ReplicateMetric {
  method: 'harrell' | 'uno';
  tau: number;
}

/** Options of {@link concordanceReplicates}. */
export interface ConcordanceReplicatesOptions {
  /** Integer seed of the run. */
  seed: number;
  /** Name of the target (e.g. `cohort|model`): part of every replicate's seed. @default '' */
  stream?: string;
  /** First replicate (inclusive). @default 0 */
  start?: number;
  /** Last replicate (exclusive). */
  end: number;
  /** The C-indices to compute on each resample. @default [{ method: 'harrell', tau: Infinity }] */
  metrics?: readonly ReplicateMetric[];
  /** Called after each replicate (for progress). */
  onReplicate?: (b: number) => void;
}

/**
 * The toolkit's one bootstrap loop: for replicates `start..end-1`, draws the resample of replicate b from its
 * own generator (seed {@link replicateSeed}`(seed, stream, b)`; a resample without an event is redrawn from
 * the same generator) and computes every metric of every risk score on it. The outcome is validated and
 * time-fixed once (as `concordance` does), then resampled.
 * @throws {TaceError} invalid outcome (as `concordance`).
 * @returns `[metric][risk]`: the values of replicates `start..end-1`.
 */
export function concordanceReplicates(
  timeInput: NumericInput,
  eventInput: EventInput,
  risks: readonly ArrayLike<number>[],
  options: ConcordanceReplicatesOptions,
): Float64Array[][] {
  const start = options.start ?? 0;
  const { end, seed } = options;
  const stream = options.stream ?? '';
  const metrics = options.metrics ?? [{ method: 'harrell', tau: Number.POSITIVE_INFINITY }];
  const data = toSurvivalData(timeInput, eventInput, 'error');
  const time = timeFix(data.time);
  const event = data.event;
  const n = time.length;
  const out = metrics.map(() => risks.map(() => new Float64Array(Math.max(0, end - start))));
  const t = new Float64Array(n);
  const e = new Uint8Array(n);
  const r = new Float64Array(n);
  const weights = new Float64Array(n).fill(1);
  const strata = new Int32Array(n);
  for (let b = start; b < end; b++) {
    const rng = createRng(replicateSeed(seed, stream, b));
    let rows: Int32Array;
    let events = 0;
    do {
      rows = bootstrapIndices(n, rng);
      events = 0;
      for (let i = 0; i < n; i++) {
        t[i] = time[rows[i]];
        e[i] = event[rows[i]];
        events += e[i];
      }
    } while (events === 0);
    metrics.forEach(({ method, tau }, m) => {
      risks.forEach((risk, s) => {
        for (let i = 0; i < n; i++) r[i] = risk[rows[i]];
        out[m][s][b - start] = concordanceKernel(t, e, r, weights, strata, method, tau).concordance;
      });
    });
    options.onReplicate?.(b);
  }
  return out;
}
