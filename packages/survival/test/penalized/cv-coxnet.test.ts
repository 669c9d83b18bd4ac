import { isTaceError } from '@tace/core';
import { sharedDataSkipMessage } from '@tace/core/testing';
import { coxnet, cvCoxnet } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { glmnetFixture, LUNG, lungDesign, simulatedData } from '../fixtures/r-glmnet/load.js';

const sim = simulatedData();
const lung = lungDesign();
const foldId = glmnetFixture.foldid.map((k: number) => k - 1);

function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < b.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.abs(b[i]));
  return m;
}

describe('cvCoxnet matches cv.glmnet 4.1-6 given the same foldid (thresh 1e-7 on both sides)', () => {
  it.each(glmnetFixture.cv)('simulated n = 300, p = 200, grouped = $grouped', async (ref) => {
    const cv = await cvCoxnet(sim.x, sim.time, sim.event, {
      foldId,
      lambdaMinRatio: 0.02,
      type: ref.grouped ? 'grouped' : 'ungrouped',
      parallel: false,
    });
    expect(cv.lambda.length).toBe(ref.lambda.length);
    expect(maxRelDiff(cv.lambda, ref.lambda)).toBeLessThan(1e-7);
    // Same algorithm, same thresh: the curve agrees to 1e-6 relative (fold fits converge alike).
    expect(maxRelDiff(cv.cvm, ref.cvm)).toBeLessThan(1e-6);
    expect(maxRelDiff(cv.cvsd, ref.cvsd)).toBeLessThan(1e-5);
    expect(cv.lambdaMin / ref.lambdaMin - 1).toBeLessThan(1e-7); // same lambda index
    expect(cv.lambda1se / ref.lambda1se - 1).toBeLessThan(1e-7);
    expect(Array.from(cv.nonZero)).toEqual(ref.nzero);
  });

  describe.skipIf(lung === null)(`lung (${sharedDataSkipMessage(LUNG)} if skipped)`, () => {
    it('5 folds, alpha = 0.5, grouped, on worker threads', async () => {
      const d = lung as NonNullable<typeof lung>;
      const ref = glmnetFixture.cvLung;
      const cv = await cvCoxnet(d.x, d.time, d.event, {
        foldId: ref.foldid.map((k: number) => k - 1),
        alpha: 0.5,
        parallel: 2,
      });
      expect(maxRelDiff(cv.lambda, ref.lambda)).toBeLessThan(1e-7);
      expect(maxRelDiff(cv.cvm, ref.cvm)).toBeLessThan(1e-6);
      expect(maxRelDiff(cv.cvsd, ref.cvsd)).toBeLessThan(1e-5);
      expect(cv.lambdaMin / ref.lambdaMin - 1).toBeLessThan(1e-7); // same lambda index
      expect(cv.lambda1se / ref.lambda1se - 1).toBeLessThan(1e-7);
    });
  });
});

describe('cvCoxnet: folds and bad input', () => {
  const small = {
    x: lungLikeRows(),
    time: [5, 8, 3, 9, 4, 6, 2, 7, 1, 10],
    event: [1, 1, 1, 0, 1, 0, 1, 1, 0, 1],
  };

  it('seeded folds stratified by event are reproducible and parallel = sequential', async () => {
    const events: number[] = [];
    const a = await cvCoxnet(small.x, small.time, small.event, {
      nFolds: 3,
      random: 7,
      parallel: false,
      onProgress: (e) => events.push(e.done),
    });
    const b = await cvCoxnet(small.x, small.time, small.event, { nFolds: 3, random: 7, parallel: 2 });
    expect(events).toEqual([1, 2, 3]);
    expect(Array.from(a.foldId)).toEqual(Array.from(b.foldId));
    expect(Array.from(a.cvm)).toEqual(Array.from(b.cvm));
    // 7 events over 3 folds: every fold gets 2 or 3.
    for (let k = 0; k < 3; k++) {
      const events = small.event.filter((e, i) => e === 1 && a.foldId[i] === k).length;
      expect(events === 2 || events === 3).toBe(true);
    }
  });

  it("'ungrouped' with fewer than 10 subjects per fold falls back to grouped with a warning, as cv.glmnet", async () => {
    const cv = await cvCoxnet(small.x, small.time, small.event, {
      nFolds: 3,
      type: 'ungrouped',
      parallel: false,
    });
    expect(cv.type).toBe('grouped');
    expect(cv.warnings[0]).toMatch(/fewer than 10 subjects per fold/);
  });

  it('fewer events than folds is a TaceError', async () => {
    const event = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    await expect(cvCoxnet(small.x, small.time, event, { nFolds: 3, parallel: false })).rejects.toSatisfy(
      (e: unknown) => isTaceError(e) && /only 2 events for 3 folds/.test((e as Error).message),
    );
  });

  it('lambda.1se >= lambda.min and the full fit is coxnet on all subjects', async () => {
    const cv = await cvCoxnet(small.x, small.time, small.event, { nFolds: 3, parallel: false });
    expect(cv.lambda1se).toBeGreaterThanOrEqual(cv.lambdaMin);
    expect(Array.from(cv.lambda)).toEqual(Array.from(coxnet(small.x, small.time, small.event).lambda));
  });
});

function lungLikeRows(): number[][] {
  return [
    [1, 0.5],
    [0, 1.5],
    [1, -0.2],
    [0, 0.3],
    [1, 2.0],
    [0, -1.0],
    [1, 0.1],
    [0, 0.9],
    [1, -0.6],
    [0, 1.2],
  ];
}
