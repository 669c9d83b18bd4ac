import { createProgressBar, type ProgressEvent, reportProgress } from '@tace/core';
import { describe, expect, it } from 'vitest';
import { throttleProgress } from '../../src/progress/progress-callback.js';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns: 80, write: (text: string) => chunks.push(text) } };
}

describe('progress callback', () => {
  it('reportProgress ignores a missing or throwing callback', () => {
    expect(() => reportProgress(undefined, { done: 1, total: 2, label: 'x' })).not.toThrow();
    expect(() =>
      reportProgress(
        () => {
          throw new Error('broken display');
        },
        { done: 1, total: 2, label: 'x' },
      ),
    ).not.toThrow();
  });
  it('throttleProgress forwards at most one event per interval and always the last', () => {
    const seen: ProgressEvent[] = [];
    let t = 0;
    const onProgress = throttleProgress(
      (e) => seen.push(e),
      100,
      () => t,
    );
    for (let i = 1; i <= 10; i++) {
      t = i * 30;
      onProgress({ done: i, total: 10, label: 'items' });
    }
    expect(seen.map((e) => e.done)).toEqual([1, 5, 9, 10]);
  });
});

describe('createProgressBar', () => {
  it('redraws in place on a TTY and ends the line when complete', () => {
    const { chunks, stream } = fakeStream(true);
    let t = 0;
    const bar = createProgressBar({ stream, width: 10, intervalMs: 0, now: () => t });
    bar.update({ done: 5, total: 10, label: 'patients' });
    t = 65_000;
    bar.update({ done: 10, total: 10, label: 'patients' });
    bar.finish();
    expect(chunks[0]).toBe('\rpatients [#####.....] 5/10 50% 0:00\u001b[K');
    expect(chunks[1]).toBe('\rpatients [##########] 10/10 100% 1:05\u001b[K');
    expect(chunks[2]).toBe('\n');
    expect(chunks.length).toBe(3);
  });
  it('writes only one final line per label when not a TTY', () => {
    const { chunks, stream } = fakeStream(false);
    const bar = createProgressBar({ stream, width: 4, now: () => 0 });
    for (let i = 1; i <= 4; i++) bar.update({ done: i, total: 4, label: 'folds' });
    bar.finish();
    expect(chunks).toEqual(['folds [####] 4/4 100% 0:00\n']);
  });
});
