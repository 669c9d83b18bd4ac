import { type ColumnTable, createRng, randomNormal, writeTable } from '@tace/core';

/**
 * A small synthetic study table (one row per patient): a latent risk z drives 8 radiomic features
 * (`rad_*`), 6 deep features (`dl_*`), an ALBI-like covariate and exponential survival with censoring;
 * cohorts training (60%), internal (20%) and external (20%).
 */
export function syntheticStudyTable(n = 160, seed = 7): ColumnTable {
  const rng = createRng(seed);
  const table: ColumnTable = {};
  const z = Array.from({ length: n }, () => randomNormal(rng));
  for (let k = 0; k < 8; k++) {
    table[`rad_${k}`] = Float64Array.from(
      z,
      (v) => (k < 3 ? v * (1 - 0.2 * k) : 0) + randomNormal(rng, 0, 0.8),
    );
  }
  for (let k = 0; k < 6; k++) {
    table[`dl_${k}`] = Float64Array.from(z, (v) => (k < 2 ? 0.8 * v : 0) + randomNormal(rng, 0, 0.8));
  }
  table.albi = Float64Array.from(z, (v) => -2.6 + 0.3 * v + randomNormal(rng, 0, 0.4));
  table.bclc = z.map((v) => (v > 0.8 ? 'C' : v > -0.2 ? 'B' : 'A'));
  table.bclc_code = Float64Array.from(z, (v) => (v > 0.8 ? 2 : v > -0.2 ? 1 : 0));
  const time = new Float64Array(n);
  const event = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const death = -Math.log(1 - rng.nextFloat()) / (0.03 * Math.exp(0.9 * z[i]));
    const censor = 6 + rng.nextFloat() * 60;
    time[i] = Math.round(Math.max(0.5, Math.min(death, censor)) * 100) / 100;
    event[i] = death <= censor ? 1 : 0;
  }
  table.os_months = time;
  table.death = event;
  table.patient_id = Array.from({ length: n }, (_, i) => `P${String(i + 1).padStart(3, '0')}`);
  table.cohort = Array.from({ length: n }, (_, i) =>
    i % 5 < 3 ? 'training' : i % 5 === 3 ? 'internal' : 'external',
  );
  return table;
}

/** Writes {@link syntheticStudyTable} to a CSV file. */
export function writeSyntheticStudy(path: string, n = 160, seed = 7): void {
  writeTable(syntheticStudyTable(n, seed), path);
}
