import { baselineHazard, coxph, coxResiduals, coxSurvivalCurves } from '@tace/survival';
import { describe, it } from 'vitest';
import { loadJsonFixture } from '../fixtures/load-json.js';
import { expectClose } from '../fixtures/r-survival/helpers.js';

const fixture = loadJsonFixture('r-counting', 'counting');
const covariates = ['treat', 'female', 'age', 'autosomal', 'steroids', 'propylac'];

describe(`residuals and baseline hazard of a (start, stop] fit match R (survival ${fixture.versions.survival}, cgd)`, () => {
  const fit = coxph(fixture.cgd, { start: 'tstart', time: 'tstop', event: 'status', covariates });
  const r = fixture.residuals;
  const byColumn = (values: Float64Array, p: number) =>
    Array.from({ length: p }, (_, c) =>
      Array.from({ length: values.length / p }, (_, i) => values[i * p + c]),
    );

  it('martingale and deviance residuals = residuals(fit, type) (1e-8)', () => {
    expectClose(coxResiduals(fit, 'martingale').values, r.martingale, 1e-8, 'martingale');
    expectClose(coxResiduals(fit, 'deviance').values, r.deviance, 1e-8, 'deviance');
  });

  it('score and dfbeta residuals (1e-8)', () => {
    byColumn(coxResiduals(fit, 'score').values, 6).forEach((col, c) => {
      expectClose(col, r.score[c], 1e-8, `score ${c}`);
    });
    byColumn(coxResiduals(fit, 'dfbeta').values, 6).forEach((col, c) => {
      expectClose(col, r.dfbeta[c], 1e-8, `dfbeta ${c}`);
    });
  });

  it('Schoenfeld residuals (1e-8)', () => {
    byColumn(coxResiduals(fit, 'schoenfeld').values, 6).forEach((col, c) => {
      expectClose(col, r.schoenfeld[c], 1e-8, `schoenfeld ${c}`);
    });
  });

  it('baselineHazard = basehaz(fit, centered = TRUE) (1e-8)', () => {
    const bh = baselineHazard(fit);
    expectClose(bh.time, r.basehazTime, 0, 'time');
    expectClose(bh.cumHazard, r.basehaz, 1e-8, 'cumulative hazard');
  });
});

describe('coxSurvivalCurves of a (start, stop] fit for fixed covariates', () => {
  it('= survfit(fit, newdata) surv and std.err on cgd rows 1 and 4 (1e-8)', () => {
    const fit = coxph(fixture.cgd, { start: 'tstart', time: 'tstop', event: 'status', covariates });
    const r = fixture.survfit;
    const newdata: Record<string, number[]> = {};
    for (const c of covariates) newdata[c] = r.rows.map((i: number) => fixture.cgd[c][i - 1]);
    const curves = coxSurvivalCurves(fit, newdata).curves;
    curves.forEach((curve, k) => {
      expectClose(curve.time, r.time, 0, 'time');
      expectClose(curve.survival, r.surv[k], 1e-8, `survival ${k}`);
      expectClose(curve.stdErr, r.stdErr[k], 1e-8, `std.err ${k}`);
    });
  });
});
