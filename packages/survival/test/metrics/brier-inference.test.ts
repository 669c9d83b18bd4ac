import { brierScoreInference as brierTable } from '@tace/survival';
import { brierScore, brierScoreInference, integratedBrierScore } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { loadJsonFixture } from '../fixtures/load-json.js';
import { expectClose, expectTaceError } from '../fixtures/r-survival/helpers.js';

describe('brierScoreInference: hand-worked cases and properties', () => {
  const time = [1, 2, 3, 4, 5, 6, 7, 8];
  const event = [1, 0, 1, 1, 0, 1, 0, 1];
  const s = [0.2, 0.9, 0.5, 0.6, 0.7, 0.4, 0.8, 0.3];

  it('the estimates equal brierScore and integratedBrierScore (rule "step")', () => {
    const r = brierScoreInference(time, event, s, { times: [2.5, 4.5, 6.5] });
    expectClose(r.brier, brierScore(time, event, s, { times: [2.5, 4.5, 6.5] }).brier, 1e-15, 'Brier');
    expectClose(
      [r.integrated.ibs],
      [integratedBrierScore(time, event, s, { times: [2.5, 4.5, 6.5] }).ibs],
      1e-15,
      'IBS',
    );
  });

  it('without censoring the SE is that of a mean of squared errors', () => {
    const r = brierScoreInference([1, 2, 3, 4], [1, 1, 1, 1], [0.5, 0.4, 0.8, 0.9], { times: [2.5] });
    const e = [0.25, 0.16, 0.04, 0.01];
    const mean = e.reduce((a, b) => a + b) / 4;
    const sd = Math.sqrt(e.reduce((a, b) => a + (b - mean) ** 2, 0) / 3);
    expect(r.stdErr[0]).toBeCloseTo(sd / 2, 14);
    expect(Number.isNaN(r.integrated.stdErr)).toBe(true);
  });

  it('rejects unsorted times and non-probabilities', () => {
    expectTaceError(
      () => brierScoreInference(time, event, s, { times: [3, 2] }),
      'INVALID_ARGUMENT',
      /times/,
    );
    expectTaceError(
      () => brierScoreInference([1, 2], [1, 0], [1.5, 0.5], { times: [1] }),
      'INVALID_ARGUMENT',
      /survival/,
    );
  });

  it('the table level equals the array level', () => {
    const table = { t: time, d: event, s };
    const a = brierTable(table, { time: 't', event: 'd', survival: 's' }, { times: [3.5, 5.5] });
    const b = brierScoreInference(time, event, s, { times: [3.5, 5.5] });
    expect(Array.from(a.stdErr)).toEqual(Array.from(b.stdErr));
    expect(a.integrated).toEqual(b.integrated);
  });
});

const fixture = loadJsonFixture('r-brier-inference', 'brier');

describe(`Brier score inference matches riskRegression::Score (${fixture.versions.riskRegression})`, () => {
  for (const c of fixture.cases) {
    const times = c.times as number[];
    const surv = (c.risk as number[][]).map((col) => col.map((v) => 1 - v));
    it(`${c.label}: Brier, se, lower, upper (1e-8); IBS and sqrt(w' V w) (1e-8)`, () => {
      const r = brierScoreInference(c.time, c.status, surv, { times });
      expectClose(r.brier, c.brier, 1e-8, 'Brier');
      expectClose(r.stdErr, c.se, 1e-8, 'se');
      expectClose(r.lower, c.lower, 1e-8, 'lower');
      expectClose(r.upper, c.upper, 1e-8, 'upper');
      expectClose([r.integrated.ibs, r.integrated.stdErr], [c.ibs, c.ibsSe], 1e-8, 'IBS');
    });
  }
});
