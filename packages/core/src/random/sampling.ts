import { assertInteger } from '../errors/assert.js';
import { TaceError } from '../errors/tace-error.js';
import { type RandomSource, randomInt, toRng } from './rng.js';

/**
 * Shuffles `values` in place (Fisher-Yates) and returns it.
 * @param random - seed or generator; default seed 1.
 * @example shuffle([1, 2, 3, 4], 7)
 */
export function shuffle<T extends { length: number; [i: number]: unknown }>(
  values: T,
  random: RandomSource = 1,
): T {
  const rng = toRng(random);
  for (let i = values.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
  return values;
}

/**
 * `k` distinct indices from 0..n-1, without replacement, in random order.
 * @throws {TaceError} `INVALID_ARGUMENT` unless 0 <= k <= n.
 */
export function sampleIndices(n: number, k: number, random: RandomSource = 1): Int32Array {
  assertInteger(n, 'n', 0);
  assertInteger(k, 'k', 0);
  if (k > n) throw new TaceError('INVALID_ARGUMENT', `k = ${k} exceeds n = ${n}`, { param: 'k' });
  const rng = toRng(random);
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + randomInt(rng, n - i);
    const tmp = pool[i];
    pool[i] = pool[j];
    pool[j] = tmp;
  }
  return pool.slice(0, k);
}

/**
 * One bootstrap resample: `n` indices drawn with replacement from 0..n-1.
 * @example bootstrapIndices(5, 1) // e.g. Int32Array [3, 0, 3, 1, 4]
 */
export function bootstrapIndices(n: number, random: RandomSource = 1): Int32Array {
  assertInteger(n, 'n', 1);
  const rng = toRng(random);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = randomInt(rng, n);
  return out;
}

/** Options for {@link kFoldSplits}. */
export interface KFoldOptions {
  /** Seed or generator. Default 1. */
  random?: RandomSource;
  /**
   * Labels to stratify on (e.g. the event indicator): each stratum is spread evenly over the folds, as
   * `caret::createFolds` / glmnet users do by hand. Default: none.
   */
  strata?: ArrayLike<number | string | boolean>;
}

/**
 * Assigns each of `n` subjects to one of `k` folds (balanced sizes; stratified when `strata` is given).
 * @returns fold id in 0..k-1 per subject.
 * @throws {TaceError} `INVALID_ARGUMENT` unless 2 <= k <= n.
 * @example kFoldSplits(10, 5, { random: 1 }) // Int32Array of fold ids 0..4, two subjects each
 */
export function kFoldSplits(n: number, k: number, options: KFoldOptions = {}): Int32Array {
  assertInteger(n, 'n', 1);
  assertInteger(k, 'k', 2);
  if (k > n)
    throw new TaceError('INVALID_ARGUMENT', `k = ${k} folds exceeds n = ${n} subjects`, { param: 'k' });
  const rng = toRng(options.random ?? 1);
  const folds = new Int32Array(n);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = options.strata === undefined ? '' : String(options.strata[i]);
    const members = groups.get(key);
    if (members === undefined) groups.set(key, [i]);
    else members.push(i);
  }
  let offset = 0;
  for (const key of [...groups.keys()].sort()) {
    const members = shuffle(groups.get(key)!, rng);
    for (let j = 0; j < members.length; j++) folds[members[j]] = (offset + j) % k;
    offset = (offset + members.length) % k;
  }
  return folds;
}
