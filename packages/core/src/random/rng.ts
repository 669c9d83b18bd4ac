import { assertInteger } from '../errors/assert.js';

/**
 * A source of uniform random numbers. Every function that needs randomness takes one (or a seed), so
 * results are reproducible and the generator is injectable.
 */
export interface Rng {
  /** Next unsigned 32-bit integer. */
  nextUint32(): number;
  /** Next double, uniform on [0, 1), with 53 random bits. */
  nextFloat(): number;
}

/**
 * A generator or a seed for one: anywhere randomness is used, pass a seed (integer) or an {@link Rng}.
 * The default seed is documented by each function (usually 1).
 */
export type RandomSource = number | Rng;

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * xoshiro128** 1.1 (Blackman & Vigna 2018), seeded through SplitMix32. 32-bit integer arithmetic only,
 * so the same seed gives the same stream on every platform and Node version.
 *
 * @param seed - any integer (only its low 32 bits are used); default 1.
 * @throws {TaceError} `INVALID_ARGUMENT` when `seed` is not an integer.
 * @example
 * ```ts
 * const rng = createRng(42);
 * rng.nextFloat(); // same value on every machine
 * ```
 */
export function createRng(seed = 1): Rng {
  assertInteger(seed, 'seed');
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  if ((a | b | c | d) === 0) a = 1;
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d >>> 0, 11);
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    return result;
  };
  return {
    nextUint32,
    nextFloat: () => {
      const high = nextUint32() >>> 5; // 27 bits
      const low = nextUint32() >>> 6; // 26 bits
      return (high * 67108864 + low) / 9007199254740992;
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Returns `source` if it is an {@link Rng}, else a new generator seeded with it (default seed 1). */
export function toRng(source: RandomSource = 1): Rng {
  return typeof source === 'number' ? createRng(source) : source;
}

/**
 * Uniform integer in [0, n), without modulo bias (Lemire's rejection method on 32 bits).
 * @throws {TaceError} `INVALID_ARGUMENT` unless 1 <= n <= 2^32.
 */
export function randomInt(rng: Rng, n: number): number {
  assertInteger(n, 'n', 1);
  if (n > 4294967296) return Math.floor(rng.nextFloat() * n);
  const threshold = 4294967296 % n;
  for (;;) {
    const x = rng.nextUint32();
    if (x >= threshold || threshold === 0) return x % n;
  }
}

/**
 * Standard normal deviate by the Box-Muller transform (one value per call; no cached second value, so the
 * stream position is easy to reason about).
 */
export function randomNormal(rng: Rng, mean = 0, sd = 1): number {
  let u = rng.nextFloat();
  while (u === 0) u = rng.nextFloat();
  const v = rng.nextFloat();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
