import { isTaceError, type ProgressEvent, parallelMap } from '@tace/core';
import { describe, expect, it } from 'vitest';

const tasks = new URL('./tasks.ts', import.meta.url);

describe('parallelMap', () => {
  it('returns results in input order with two threads, reporting progress', async () => {
    const items = Array.from({ length: 12 }, (_, i) => 11 - i);
    const events: ProgressEvent[] = [];
    const results = await parallelMap<number, number>(items, {
      module: tasks,
      exportName: 'square',
      threads: 2,
      context: { offset: 1 },
      onProgress: (e) => events.push(e),
      label: 'squares',
    });
    expect(results).toEqual(items.map((x) => x * x + 1));
    expect(events.map((e) => e.done)).toEqual(items.map((_, i) => i + 1));
    expect(events.at(-1)).toEqual({ done: 12, total: 12, label: 'squares' });
  });

  it('is deterministic: same results with 1 and 2 threads', async () => {
    const seeds = [1, 2, 3, 4, 5, 6];
    const one = await parallelMap<number, number>(seeds, {
      module: tasks,
      exportName: 'seededMean',
      threads: 1,
    });
    const two = await parallelMap<number, number>(seeds, {
      module: tasks,
      exportName: 'seededMean',
      threads: 2,
    });
    expect(two).toEqual(one);
  });

  it('a failing item becomes WORKER_ERROR naming the item and the original message', async () => {
    await expect(
      parallelMap([1, 2, 3, 4], { module: tasks, exportName: 'failOnThree', threads: 2 }),
    ).rejects.toSatisfy(
      (error: unknown) =>
        isTaceError(error, 'WORKER_ERROR') &&
        /item 2 \(3\) failed in failOnThree: \[INVALID_ARGUMENT\].*three is not allowed/.test(
          (error as Error).message,
        ),
    );
  });

  it('a missing export is a WORKER_ERROR about loading the module', async () => {
    await expect(parallelMap([1], { module: tasks, exportName: 'nothing' })).rejects.toThrow(
      /loading .*tasks\.ts failed in nothing: .*no exported function 'nothing'/,
    );
  });

  it('an empty list gives an empty result without starting workers', async () => {
    expect(await parallelMap([], { module: tasks, exportName: 'square' })).toEqual([]);
  });
});
