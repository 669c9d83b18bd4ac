import { createRng, randomNormal } from '@tace/core';
import { compareStudyModels, coxph, scoreRows } from '@tace/survival';
import { describe, expect, it } from 'vitest';

/** A cohort where radiomic features rad_0..2 and deep features dl_0..1 carry a latent risk z. */
function cohort(seed: number, n: number) {
  const rng = createRng(seed);
  const table: Record<string, Float64Array> = {
    time: new Float64Array(n),
    death: new Float64Array(n),
    albumin: new Float64Array(n),
    ecog: new Float64Array(n),
    stage: new Float64Array(n),
  };
  for (let j = 0; j < 25; j++) table[`rad_${j}`] = new Float64Array(n);
  for (let j = 0; j < 8; j++) table[`dl_${j}`] = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = randomNormal(rng);
    const liver = randomNormal(rng);
    for (let j = 0; j < 25; j++)
      table[`rad_${j}`][i] = (j < 3 ? 0.8 * z : 0) + randomNormal(rng) + (j === 24 ? 5 : 0);
    table.rad_24[i] = table.rad_0[i] * 2 + 0.01 * randomNormal(rng); // redundant copy of rad_0
    for (let j = 0; j < 8; j++) table[`dl_${j}`][i] = (j < 2 ? 0.7 * z : 0) + randomNormal(rng);
    table.albumin[i] = 38 - 3 * liver + randomNormal(rng);
    table.ecog[i] = rng.nextFloat() < 0.4 ? 1 : 0;
    table.stage[i] = z + randomNormal(rng) > 0.5 ? 2 : z > -0.5 ? 1 : 0;
    const death =
      (-Math.log(1 - rng.nextFloat()) / Math.exp(0.9 * z + 0.4 * liver + 0.3 * table.ecog[i])) * 20;
    const censor = 6 + rng.nextFloat() * 60;
    table.time[i] = Math.min(death, censor);
    table.death[i] = death <= censor ? 1 : 0;
  }
  return table;
}

describe('compareStudyModels', async () => {
  const cohorts = [
    { name: 'Training', role: 'training' as const, table: cohort(1, 220) },
    { name: 'Internal', role: 'internal' as const, table: cohort(2, 90) },
    { name: 'External', role: 'external' as const, table: cohort(3, 120) },
  ];
  const options = {
    time: 'time',
    event: 'death',
    radiomicFeatures: Array.from({ length: 25 }, (_, j) => `rad_${j}`),
    deepFeatures: Array.from({ length: 8 }, (_, j) => `dl_${j}`),
    clinicalCovariates: ['albumin', 'ecog'],
    clinicalScores: [{ name: 'Stage', column: 'stage' }],
    validation: { times: [12, 24], bootstrapReplicates: 50 },
    random: 3,
  };
  const study = await compareStudyModels(cohorts, options);

  it('builds signatures from the informative features and drops the redundant copy', () => {
    const rad = study.signatures.radiomic;
    expect(rad.signature.features.some((f) => ['rad_0', 'rad_1', 'rad_2'].includes(f))).toBe(true);
    expect(rad.signature.features).not.toEqual(expect.arrayContaining(['rad_0', 'rad_24']));
    expect(rad.steps.nonRedundant).toBeLessThan(rad.steps.univariate + 1);
    expect(study.signatures.deep.signature.features.some((f) => ['dl_0', 'dl_1'].includes(f))).toBe(true);
  });

  it('late fusion is the Cox model on the two scores (as R coxph(Surv ~ radScore + dlScore))', () => {
    const training = study.cohorts[0].table;
    const direct = coxph(training, { time: 'time', event: 'death', covariates: ['radScore', 'dlScore'] });
    expect(Array.from(study.lateFusion.coefficients)).toEqual(Array.from(direct.coefficients));
    expect(Array.from(training.radScore as Float64Array)).toEqual(
      Array.from(scoreRows(study.signatures.radiomic.signature, training)),
    );
  });

  it('keeps the fusion score in the CRM and validates every model on every cohort against the CRM', () => {
    const fusion = study.chosenFusion === 'Early fusion' ? 'earlyFusionScore' : 'lateFusionScore';
    expect(study.crm.selected[0]).toBe(fusion);
    expect(study.crm.selected).toContain('albumin');
    const names = study.models.map((m) => m.name);
    expect(names).toEqual(['CRM', 'Rad-score', 'DL score', 'Early fusion', 'Late fusion', 'Stage']);
    for (const cohortName of ['Training', 'Internal', 'External']) {
      for (const name of names) {
        const c = study.validation.rows.find(
          (r) => r.model === name && r.cohort === cohortName && r.metric === 'harrell_c',
        );
        expect(c?.estimate).toBeGreaterThan(0.5);
      }
    }
    const external = (metric: string, model: string) =>
      study.validation.rows.find((r) => r.model === model && r.cohort === 'External' && r.metric === metric)!
        .estimate;
    expect(external('harrell_c', 'CRM')).toBeGreaterThan(external('harrell_c', 'Stage'));
    expect(study.nomogram.axes.map((a) => a.name)).toEqual(study.crm.selected);
  });

  it('is deterministic for a seed', async () => {
    const again = await compareStudyModels(cohorts, options);
    expect(again.validation.rows).toEqual(study.validation.rows);
  });
});
