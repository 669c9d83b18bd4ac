import { assertInteger, type Rng, TaceError } from '@tace/core';

const N = 624;
const M = 397;

/**
 * numpy's legacy global generator (`np.random.seed(seed)` / `np.random.RandomState(seed)`): MT19937
 * (Matsumoto & Nishimura 1998) seeded by `init_genrand`, exactly as numpy's `mt19937_seed`. Implements core's
 * {@link Rng}, so it can drive any sampler, and {@link numpyPermutation} reproduces numpy's draws bit for bit.
 *
 * @param seed - integer in [0, 2^32), as `np.random.seed` accepts.
 * @throws {TaceError} `INVALID_ARGUMENT` for other seeds.
 * @example
 * ```ts
 * const rng = numpyRandomState(0);
 * rng.nextUint32(); // 2357136044, as np.random.RandomState(0).randint(2**32, dtype=np.uint64) path uses
 * ```
 */
export function numpyRandomState(seed: number): Rng {
  assertInteger(seed, 'randomState', 0);
  if (seed > 0xffffffff)
    throw new TaceError('INVALID_ARGUMENT', `randomState must be below 2^32, but was ${seed}`, {
      param: 'randomState',
    });
  const mt = new Uint32Array(N);
  mt[0] = seed >>> 0;
  for (let i = 1; i < N; i++) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
  }
  let pos = N;
  const refill = (): void => {
    for (let k = 0; k < N; k++) {
      const y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
      mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    pos = 0;
  };
  const nextUint32 = (): number => {
    if (pos >= N) refill();
    let y = mt[pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };
  return {
    nextUint32,
    // numpy's random_sample: (a >> 5) * 2^26 + (b >> 6), over 2^53.
    nextFloat: () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992,
  };
}

/**
 * Uniform integer in [0, max] by numpy's `random_interval`: mask to the next power of two minus one and
 * reject (32-bit draws; `max` < 2^32).
 */
export function numpyRandomInterval(rng: Rng, max: number): number {
  if (max === 0) return 0;
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  mask >>>= 0;
  for (;;) {
    const value = (rng.nextUint32() & mask) >>> 0;
    if (value <= max) return value;
  }
}

/**
 * `np.random.permutation(n)` of the legacy generator: `arange(n)` shuffled by Fisher-Yates from the end,
 * `j = random_interval(i)` for i = n-1 .. 1.
 */
export function numpyPermutation(rng: Rng, n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = numpyRandomInterval(rng, i);
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

/**
 * `np.random.choice(n, size, replace=False)` of the legacy generator (what pandas `Series.sample(size)` calls
 * with the global state): the first `size` entries of {@link numpyPermutation}.
 */
export function numpyChoiceWithoutReplacement(rng: Rng, n: number, size: number): Int32Array {
  return numpyPermutation(rng, n).slice(0, size);
}
