// Task module loaded by the parallelMap tests inside worker threads (through tsx, being TypeScript).
import { createRng, mean, TaceError } from '@tace/core';

/** Squares a number after a short busy wait that grows with the item, to scramble completion order. */
export function square(item: number, index: number, context: { offset: number } | undefined): number {
  const until = Date.now() + ((item * 7) % 5);
  while (Date.now() < until) {
    // busy wait
  }
  return item * item + (context?.offset ?? 0) + index * 0;
}

/** A seeded per-item computation: deterministic whatever thread runs it. */
export async function seededMean(seed: number): Promise<number> {
  const rng = createRng(seed);
  return mean(Array.from({ length: 100 }, () => rng.nextFloat()));
}

/** Fails on item 3 with a TaceError. */
export function failOnThree(item: number): number {
  if (item === 3) throw new TaceError('INVALID_ARGUMENT', 'three is not allowed', { param: 'item' });
  return item;
}
