import { createRng, randomNormal } from '@tace/core';

/** Exponential survival with hazard exp(x), uniform censoring; two noisy scores of x. */
export function simulate(seed: number, n: number) {
  const rng = createRng(seed);
  const time = new Float64Array(n);
  const event = new Float64Array(n);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = randomNormal(rng);
    const death = -Math.log(1 - rng.nextFloat()) / Math.exp(x);
    const censor = rng.nextFloat() * 3;
    time[i] = Math.min(death, censor);
    event[i] = death <= censor ? 1 : 0;
    a[i] = x + 0.5 * randomNormal(rng);
    b[i] = x + 1.5 * randomNormal(rng);
  }
  return { time, event, a, b };
}
