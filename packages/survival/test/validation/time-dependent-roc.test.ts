import { createRng, randomNormal } from '@tace/core';
import { timeDependentAuc, timeDependentRoc } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';

describe('timeDependentRoc', () => {
  it('its trapezoidal area equals timeDependentAuc (1e-12), with tied markers', () => {
    const rng = createRng(4);
    const n = 150;
    const time = new Float64Array(n);
    const event = new Float64Array(n);
    const marker = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = randomNormal(rng);
      const death = -Math.log(1 - rng.nextFloat()) / Math.exp(x);
      const censor = rng.nextFloat() * 2.5;
      time[i] = Math.min(death, censor);
      event[i] = death <= censor ? 1 : 0;
      marker[i] = Math.round(x * 4) / 4; // ties
    }
    for (const t of [0.3, 0.7, 1.2]) {
      const roc = timeDependentRoc(time, event, marker, t);
      expect(roc.auc).toBeCloseTo(timeDependentAuc(time, event, marker, { times: [t] }).auc[0], 12);
      expect(roc.falsePositiveRate.at(-1)).toBeCloseTo(1, 12);
      expect(roc.truePositiveRate.at(-1)).toBeCloseTo(1, 12);
    }
  });
  it('is a perfect curve for a perfect marker, by hand', () => {
    // cases (event by t = 5): times 1, 2; controls: 6, 7; marker = -time.
    const roc = timeDependentRoc([1, 2, 6, 7], [1, 1, 0, 1], [-1, -2, -6, -7], 5);
    expect(Array.from(roc.truePositiveRate)).toEqual([0, 0.5, 1, 1, 1]);
    expect(Array.from(roc.falsePositiveRate)).toEqual([0, 0, 0, 0.5, 1]);
    expect(roc.auc).toBe(1);
  });
  it('names the missing cases', () => {
    expect(() => timeDependentRoc([5, 6], [0, 0], [1, 2], 3)).toThrow(/no case/);
  });
});
