import {
  brierScore,
  calibration,
  decisionCurve,
  integratedBrierScore,
  timeDependentAuc,
} from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { expectClose, expectTaceError, loadFixture } from '../fixtures/r-survival/helpers.js';

describe('timeDependentAuc and brierScore: hand-worked cases', () => {
  it('without censoring, AUC(t) is the proportion of case-control pairs ordered by the marker', () => {
    // cases by t = 2: subjects 0, 1; controls: 2, 3
    const auc = timeDependentAuc([1, 2, 3, 4], [1, 1, 1, 1], [0.9, 0.2, 0.5, 0.1], { times: [2] });
    // pairs: (0.9 > 0.5, 0.9 > 0.1, 0.2 < 0.5, 0.2 > 0.1) = 3 / 4
    expect(auc.auc[0]).toBe(0.75);
    expect([auc.cases[0], auc.controls[0]]).toEqual([2, 2]);
  });

  it('without censoring, the Brier score is the mean squared error of S(t)', () => {
    const bs = brierScore([1, 2, 3, 4], [1, 1, 1, 1], [0.5, 0.5, 0.8, 0.8], { times: [2] });
    // events by 2 contribute S^2, survivors (1 - S)^2: (0.25 + 0.25 + 0.04 + 0.04) / 4
    expect(bs.brier[0]).toBeCloseTo(0.145, 15);
  });

  it('rejects predictions that are not probabilities and mismatched lengths', () => {
    expectTaceError(
      () => brierScore([1, 2], [1, 0], [1.5, 0.5], { times: [1] }),
      'INVALID_ARGUMENT',
      /survival/,
    );
    expectTaceError(
      () => timeDependentAuc([1, 2], [1, 0], [0.5], { times: [1] }),
      'LENGTH_MISMATCH',
      /marker/,
    );
    expectTaceError(
      () => integratedBrierScore([1, 2], [1, 0], [0.5, 0.5], { times: [2, 1] }),
      'INVALID_ARGUMENT',
      /times/,
    );
  });
});

const fixture = loadFixture('metrics');

describe(`prediction metrics match R (riskRegression ${fixture.versions.riskRegression}, survival ${fixture.versions.survival})`, () => {
  for (const r of fixture.cases) {
    const times = r.times as number[];
    const risk = r.risk as number[][];
    const riskAt = times.map((_, k) => risk.map((row) => row[k]));
    const survAt = riskAt.map((col) => col.map((v) => 1 - v));
    describe(r.label, () => {
      it('timeDependentAuc = riskRegression::Score(metrics = "auc", cens.model = "km") (1e-8)', () => {
        expectClose(timeDependentAuc(r.time, r.status, riskAt, { times: times }).auc, r.auc, 1e-8, 'AUC');
      });
      it('brierScore = riskRegression::Score(metrics = "brier") (1e-8)', () => {
        expectClose(brierScore(r.time, r.status, survAt, { times: times }).brier, r.brier, 1e-8, 'Brier');
      });
      it('integratedBrierScore (rule "step") = Score(summary = "ibs") at the last time (1e-8)', () => {
        const ibs = integratedBrierScore(r.time, r.status, survAt, { times: times });
        expectClose([ibs.ibs], [r.ibs[r.ibs.length - 1]], 1e-8, 'IBS');
        const trap = integratedBrierScore(r.time, r.status, survAt, { times: times, rule: 'trapezoid' });
        const b = ibs.brier;
        let manual = 0;
        for (let k = 0; k < times.length - 1; k++)
          manual += ((b[k] + b[k + 1]) / 2) * (times[k + 1] - times[k]);
        expect(trap.ibs).toBeCloseTo(manual / (times[times.length - 1] - times[0]), 14);
      });
      it('calibration in 4 quantile groups at the first time = R survfit per cut() group (1e-10)', () => {
        const cal = calibration(r.time, r.status, riskAt[0], { time: times[0], groups: 4 });
        expect(Array.from(cal.group, (g) => g + 1)).toEqual(r.calibrationGroup);
        expectClose(cal.observed, r.calibrationObserved, 1e-10, 'observed');
        expectClose(cal.predicted, r.calibrationPredicted, 1e-10, 'predicted');
      });
      it('decisionCurve net benefit at the first time = the same formula in R (1e-10)', () => {
        const dc = decisionCurve(r.time, r.status, riskAt[0], { time: times[0], thresholds: r.thresholds });
        expectClose(dc.netBenefit, r.netBenefit, 1e-10, 'net benefit');
        expectClose(dc.treatAll, r.netBenefitTreatAll, 1e-10, 'treat all');
      });
    });
  }
});
