import { createRng, randomNormal } from '@tace/core';
import { coxph, predictCox, predictCoxCohort, validateModels } from '@tace/survival';
import {
  brierScoreInference,
  concordance,
  maxstatCutpoint,
  rmst,
  timeDependentAuc,
  timeDependentAucInference,
} from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';

/** Cohort with a true risk factor x, a weak one w, a stage label, exponential survival (months). */
function cohort(seed: number, n: number, shift = 0) {
  const rng = createRng(seed);
  const table = {
    time: new Float64Array(n),
    death: new Float64Array(n),
    x: new Float64Array(n),
    w: new Float64Array(n),
    stage: [] as string[],
  };
  for (let i = 0; i < n; i++) {
    const x = randomNormal(rng) + shift;
    const w = randomNormal(rng);
    const death = (-Math.log(1 - rng.nextFloat()) / Math.exp(0.9 * x + 0.2 * w)) * 20;
    const censor = 6 + rng.nextFloat() * 50;
    table.x[i] = x;
    table.w[i] = w;
    table.time[i] = Math.min(death, censor);
    table.death[i] = death <= censor ? 1 : 0;
    table.stage.push(x + randomNormal(rng) > 0 ? 'B' : 'A');
  }
  return table;
}

describe('validateModels', () => {
  const training = cohort(1, 300);
  const external = cohort(2, 200, 0.3);
  const strong = coxph(training, { time: 'time', event: 'death', covariates: ['x'] });
  const weak = coxph(training, { time: 'time', event: 'death', covariates: ['w'] });
  const run = () =>
    validateModels(
      [
        { name: 'training', role: 'training', table: training },
        { name: 'external', role: 'external', table: external },
      ],
      [
        { name: 'strong', fit: strong },
        { name: 'weak', fit: weak },
      ],
      {
        time: 'time',
        event: 'death',
        times: [12, 24],
        bootstrapReplicates: 100,
        random: 5,
        subgroups: ['stage'],
      },
    );
  const result = run();
  const row = (model: string, cohortName: string, metric: string) =>
    result.rows.find((r) => r.model === model && r.cohort === cohortName && r.metric === metric)!;

  it('reports Harrell C equal to concordance of the training-centred linear predictor, with a CI around it', () => {
    const lp = predictCox(strong, external).linearPredictor;
    const direct = concordance(external.time, external.death, lp).concordance;
    const c = row('strong', 'external', 'harrell_c');
    expect(c.estimate).toBeCloseTo(direct, 12);
    expect(c.lower).toBeLessThan(c.estimate);
    expect(c.upper).toBeGreaterThan(c.estimate);
    expect(c.n).toBe(200);
  });

  it('reports td-AUC equal to timeDependentAuc at each time', () => {
    const lp = predictCox(strong, external).linearPredictor;
    const auc = timeDependentAuc(external.time, external.death, lp, { times: [12, 24] });
    expect(row('strong', 'external', 'td_auc@12').estimate).toBeCloseTo(auc.auc[0], 12);
    expect(row('strong', 'external', 'td_auc@24').estimate).toBeCloseTo(auc.auc[1], 12);
  });

  it('gives td-AUC the iid SE of timeDependentAucInference and its Wald CI (timeROC confint)', () => {
    const lp = predictCox(strong, external).linearPredictor;
    const inference = timeDependentAucInference(external.time, external.death, lp, { times: [12, 24] });
    [12, 24].forEach((t, k) => {
      const r = row('strong', 'external', `td_auc@${t}`);
      // no event time equals 12 or 24 here: both estimators agree, so the CI is timeROC's
      expect(r.estimate).toBeCloseTo(inference.auc[k], 12);
      expect(r.stdErr).toBeCloseTo(inference.stdErr[k], 12);
      expect(r.lower).toBeCloseTo(inference.lower[k], 12);
      expect(r.upper).toBeCloseTo(inference.upper[k], 12);
    });
  });

  it('reports Brier scores and the IBS with the CIs of brierScoreInference', () => {
    const survival = predictCoxCohort(strong, external, [12, 24]).survival;
    const direct = brierScoreInference(external.time, external.death, survival, { times: [12, 24] });
    [12, 24].forEach((t, k) => {
      const r = row('strong', 'external', `brier@${t}`);
      expect(r.estimate).toBeCloseTo(direct.brier[k], 12);
      expect(r.lower).toBeCloseTo(direct.lower[k], 12);
      expect(r.upper).toBeCloseTo(direct.upper[k], 12);
      expect(r.stdErr).toBeCloseTo(direct.stdErr[k], 12);
    });
    const ibs = row('strong', 'external', 'ibs');
    expect(ibs.estimate).toBeCloseTo(direct.integrated.ibs, 12);
    expect([ibs.lower, ibs.upper, ibs.stdErr]).toEqual([
      direct.integrated.lower,
      direct.integrated.upper,
      direct.integrated.stdErr,
    ]);
    expect(ibs.lower).toBeLessThan(ibs.estimate);
  });

  it('reports RMST by risk group at tau (default: the last time) as rmst of the two groups', () => {
    const groups = result.riskGroups.find((g) => g.model === 'strong' && g.cohort === 'external')!;
    const high = groups.groups.map((g) => (g === 'high' ? 1 : 0));
    const direct = rmst(external.time, external.death, { group: high, tau: 24 });
    const difference = direct.contrasts.find((c) => c.measure === 'RMST difference')!;
    const ratio = direct.contrasts.find((c) => c.measure === 'RMST ratio')!;
    const low = row('strong', 'external', 'rmst@24[low]');
    expect([low.estimate, low.lower, low.upper, low.stdErr, low.n]).toEqual([
      direct.groups[0].rmst,
      direct.groups[0].lower,
      direct.groups[0].upper,
      direct.groups[0].stdErr,
      direct.groups[0].n,
    ]);
    expect(row('strong', 'external', 'rmst@24[high]').estimate).toBe(direct.groups[1].rmst);
    const d = row('strong', 'external', 'rmst_difference@24');
    expect([d.estimate, d.lower, d.upper]).toEqual([difference.estimate, difference.lower, difference.upper]);
    expect(d.estimate).toBeLessThan(0); // the high-risk group lives shorter
    expect(d.stdErr).toBeCloseTo((difference.upper - difference.lower) / (2 * 1.959963984540054), 12);
    expect(row('strong', 'external', 'rmst_difference_p@24').estimate).toBe(difference.pValue);
    const q = row('strong', 'external', 'rmst_ratio@24');
    expect([q.estimate, q.lower, q.upper]).toEqual([ratio.estimate, ratio.lower, ratio.upper]);
    expect(row('strong', 'external', 'rmst_ratio_p@24').estimate).toBe(ratio.pValue);
  });

  it('keeps NaN RMST rows where the follow-up does not reach tau (survRM2 rule)', () => {
    const late = validateModels(
      [
        { name: 'training', role: 'training', table: training },
        { name: 'external', role: 'external', table: external },
      ],
      [{ name: 'strong', fit: strong }],
      { time: 'time', event: 'death', times: [12, 24], rmstTau: 500, bootstrapReplicates: 0 },
    );
    const r = late.rows.find((x) => x.cohort === 'external' && x.metric === 'rmst_difference@500')!;
    expect(Number.isNaN(r.estimate)).toBe(true);
    expect(r.n).toBe(200);
  });

  it('fits the cut-point on training (maxstat) and applies it unchanged', () => {
    const lp = predictCox(strong, training).linearPredictor;
    expect(result.cutpoints.strong[0]).toBe(maxstatCutpoint(training.time, training.death, lp).cutpoint);
    const groups = result.riskGroups.find((g) => g.model === 'strong' && g.cohort === 'external')!;
    const externalLp = predictCox(strong, external).linearPredictor;
    groups.groups.forEach((g, i) => {
      expect(g).toBe(externalLp[i] <= result.cutpoints.strong[0] ? 'low' : 'high');
    });
    expect(row('strong', 'external', 'hazard_ratio').estimate).toBeGreaterThan(1.5);
    expect(groups.subgroups.map((s) => s.level)).toEqual(['A', 'B']);
  });

  it('ranks the true model above the weak one and compares them on the same patients', () => {
    expect(row('strong', 'external', 'harrell_c').estimate).toBeGreaterThan(
      row('weak', 'external', 'harrell_c').estimate,
    );
    expect(row('strong vs weak', 'external', 'c_difference').estimate).toBeGreaterThan(0);
    expect(row('strong vs weak', 'external', 'compare_c_p').estimate).toBeLessThan(0.01);
    expect(row('strong', 'external', 'ibs').estimate).toBeLessThan(row('weak', 'external', 'ibs').estimate);
  });

  it('is deterministic for a seed and tidy', () => {
    expect(run().rows).toEqual(result.rows);
    const table = result.toTable();
    expect(Object.keys(table)).toEqual([
      'model',
      'cohort',
      'metric',
      'estimate',
      'lower',
      'upper',
      'n',
      'stdErr',
    ]);
    expect(table.model.length).toBe(result.rows.length);
  });

  it('requires a training cohort', () => {
    expect(() =>
      validateModels([{ name: 'x', role: 'external', table: external }], [{ name: 'strong', fit: strong }], {
        time: 'time',
        event: 'death',
      }),
    ).toThrow(/training/);
  });
});
