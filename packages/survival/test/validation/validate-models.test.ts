import { createRng, randomNormal } from '@tace/core';
import { coxph, predictCox, validateModels } from '@tace/survival';
import { concordance, maxstatCutpoint, timeDependentAuc } from '@tace/survival/kernels';
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
    expect(Object.keys(table)).toEqual(['model', 'cohort', 'metric', 'estimate', 'lower', 'upper', 'n']);
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
