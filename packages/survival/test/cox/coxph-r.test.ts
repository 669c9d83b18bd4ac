import { sharedDataSkipMessage } from '@tace/core/testing';
import type { CoxModel } from '@tace/survival';
import { baselineHazard, coxph, coxResiduals, coxSurvivalCurves, coxZph, predictCox } from '@tace/survival';
import { describe, expect, it } from 'vitest';
import { expectClose, loadFixture, readCsv, survivalDataPath } from '../fixtures/r-survival/helpers.js';

const fixture = loadFixture('coxph');
const paths = ['lung', 'veteran', 'ovarian'].map(survivalDataPath);
const missingData = paths.some((p) => p === null);

// Tolerance: the issue asks for 1e-6 relative; we test at 1e-9 (relative, absolute below 1). Measured agreement
// is ~1e-14 for coefficients, variances, log-likelihoods and tests and ~1e-13 for residuals and cox.zph,
// limited by the 15 significant digits stored in the fixture.
const TOL = 1e-9;

describe.skipIf(missingData)(
  `coxph matches R survival::coxph (${missingData ? sharedDataSkipMessage('survival') : 'shared data'})`,
  () => {
    const [lung, veteran, ovarian] = paths.map((p) => readCsv(p!));
    lung.dead = lung.status.map((s) => (s as number) - 1);
    ovarian.w = ovarian.futime.map((_, i) => (i % 2 === 0 ? 1 : 2));
    ovarian.off = ovarian.rx.map((r) => 0.1 * (r as number));
    const lungCovs = ['age', 'sex', 'ph.ecog'];
    const fits: (() => CoxModel)[] = [
      () => coxph(lung, { time: 'time', event: 'dead', covariates: lungCovs }, { missing: 'omit' }),
      () =>
        coxph(
          lung,
          { time: 'time', event: 'dead', covariates: lungCovs },
          { ties: 'breslow', missing: 'omit' },
        ),
      () =>
        coxph(veteran, { time: 'time', event: 'status', covariates: ['trt', 'celltype', 'karno', 'age'] }),
      () =>
        coxph(veteran, {
          time: 'time',
          event: 'status',
          covariates: ['karno', 'age', 'trt'],
          strata: 'celltype',
        }),
      () =>
        coxph(
          lung,
          { time: 'time', event: 'dead', covariates: ['age', 'sex'], cluster: 'inst' },
          { missing: 'omit' },
        ),
      () =>
        coxph(
          ovarian,
          { time: 'futime', event: 'fustat', covariates: ['age', 'ecog.ps'], weights: 'w', offset: 'off' },
          { robust: true },
        ),
      () => coxph(ovarian, { time: 'futime', event: 'fustat', covariates: ['age', 'ecog.ps', 'rx'] }),
    ];
    const newdata = [
      { age: [60, 70], sex: [1, 2], 'ph.ecog': [0, 2] },
      { age: [60, 70], sex: [1, 2], 'ph.ecog': [0, 2] },
      { trt: [1, 2], celltype: ['squamous', 'adeno'], karno: [60, 80], age: [50, 65] },
      undefined,
      undefined,
      { age: [50, 65], 'ecog.ps': [1, 2], off: [0.1, 0.2] },
    ];
    // biome-ignore lint/suspicious/noExplicitAny: fixture JSON is untyped by nature
    fixture.cases.models.forEach((r: any, index: number) => {
      describe(`${r.label}: ${r.call}`, () => {
        const fit = fits[index]();
        it('coefficients, variance, log-likelihoods, tests, means and linear predictors (1e-9)', () => {
          expect(fit.names).toEqual(r.names);
          expectClose(fit.coefficients, r.coef, TOL, 'coef');
          expectClose(fit.variance.data, (r.var as number[][]).flat(), TOL, 'var');
          if (r.robustScore) {
            expectClose(
              [fit.robustScoreTest.statistic, fit.robustScoreTest.pValue],
              [r.robustScore.statistic, r.robustScore.p],
              TOL,
              'robust score',
            );
          } else expect(fit.robustScoreTest.statistic).toBeNaN();
          if (r.naiveVar)
            expectClose(fit.naiveVariance.data, (r.naiveVar as number[][]).flat(), TOL, 'naive.var');
          expectClose(fit.loglik, r.loglik, TOL, 'loglik');
          expect(fit.iterations).toBe(r.iter);
          expect(fit.n).toBe(r.n);
          expect(fit.events).toBe(r.nevent);
          expectClose(fit.means, r.means, TOL, 'means');
          expectClose(fit.linearPredictors, r.linearPredictors, TOL, 'linear.predictors');
          expectClose(
            [fit.scoreTest.statistic, fit.scoreTest.df],
            [r.score.statistic, r.score.df],
            TOL,
            'score',
          );
          expectClose([fit.waldTest.statistic, fit.waldTest.df], [r.wald.statistic, r.wald.df], TOL, 'wald');
          expectClose([fit.likelihoodRatioTest.statistic], [r.lr.statistic], TOL, 'lr');
          expectClose(
            [fit.scoreTest.pValue, fit.waldTest.pValue, fit.likelihoodRatioTest.pValue],
            [r.score.p, r.wald.p, r.lr.p],
            TOL,
            'p',
          );
          expect(fit.warnings).toEqual([]);
        });
        it('concordance counts, C and its standard error (1e-8)', () => {
          const c = fit.concordance;
          expectClose(
            [c.concordant, c.discordant, c.tiedRisk, c.tiedTime, c.tiedBoth, c.concordance, c.stdErr],
            r.concordance,
            1e-8,
            'concordance',
          );
        });
        it('residuals: martingale, deviance, score, schoenfeld, dfbeta (1e-9)', () => {
          expectClose(coxResiduals(fit, 'martingale').values, r.martingale, TOL, 'martingale');
          expectClose(coxResiduals(fit, 'deviance').values, r.deviance, TOL, 'deviance');
          expectClose(coxResiduals(fit, 'score').values, (r.scoreResid as number[][]).flat(), TOL, 'score');
          expectClose(
            coxResiduals(fit, 'schoenfeld').values,
            (r.schoenfeld as number[][]).flat(),
            TOL,
            'schoenfeld',
          );
          expectClose(coxResiduals(fit, 'dfbeta').values, (r.dfbeta as number[][]).flat(), TOL, 'dfbeta');
        });
        it('baseline hazard (basehaz centred) and survival curves with std.err and CI for new rows (1e-9)', () => {
          const bh = baselineHazard(fit);
          expectClose(bh.time, r.basehazTime, 0, 'basehaz time');
          expectClose(bh.cumHazard, r.basehazHazard, TOL, 'basehaz hazard');
          if (r.basehazStrata) expect(bh.strata).toEqual(r.basehazStrata);
          if (newdata[index] !== undefined) {
            const pred = predictCox(fit, newdata[index]);
            expectClose(pred.linearPredictor, r.newLp, TOL, 'predict lp');
            expectClose(pred.risk, r.newRisk, TOL, 'predict risk');
            const sc = coxSurvivalCurves(fit, newdata[index]);
            expectClose(sc.curves[0].time, r.newSurvTime, 0, 'survfit time');
            const surv = r.newSurv as number[][];
            const col = (m: number[][], j: number) => m.map((row) => row[j]);
            sc.curves.forEach((c, j) => {
              expectClose(c.survival, col(surv, j), TOL, `survfit surv ${j}`);
              expectClose(c.stdErr, col(r.newStdErr, j), TOL, `survfit std.err ${j}`);
              expectClose(c.lower, col(r.newLower, j), TOL, `survfit lower ${j}`);
              expectClose(c.upper, col(r.newUpper, j), TOL, `survfit upper ${j}`);
            });
          }
        });
        if (r.zph_km) {
          it('cox.zph with km, rank and identity transforms (1e-9)', () => {
            for (const transform of ['km', 'rank', 'identity'] as const) {
              const z = coxZph(fit, { transform });
              const rz = r[`zph_${transform}`];
              expect(z.terms).toEqual(rz.terms);
              expectClose(z.chisq, rz.chisq, TOL, `zph ${transform} chisq`);
              expectClose(z.df, rz.df, 0, `zph ${transform} df`);
              expectClose(z.pValue, rz.p, TOL, `zph ${transform} p`);
            }
          });
        }
      });
    });
  },
);

describe('coxph: monotone likelihood warns as R does', () => {
  const m = fixture.cases.monotone;
  it(`${m.call}: warning names the diverging covariate; loglik as R (1e-9)`, () => {
    const fit = coxph(
      { time: m.time, status: m.status, x: m.x, z: m.z },
      { time: 'time', event: 'status', covariates: ['x', 'z'] },
    );
    expect(m.warning).toContain('Loglik converged before variable  1 ; coefficient may be infinite');
    expect(fit.warnings).toEqual(['Loglik converged before variable x; coefficient may be infinite.']);
    expectClose(fit.loglik, m.loglik, TOL, 'loglik');
    expect(fit.coefficients[0]).toBeGreaterThan(15);
    expectClose([fit.coefficients[1]], [m.coef[1]], 1e-4, 'finite coefficient');
  });
});
