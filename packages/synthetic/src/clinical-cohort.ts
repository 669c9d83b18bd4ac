import { createRng, type Rng, randomNormal } from '@tace/core';

/** Which cohort a synthetic patient belongs to, as in the paper's design. */
export type CohortRole = 'training' | 'internal' | 'external';

/** Options for {@link syntheticClinicalCohort}. */
export interface SyntheticCohortOptions {
  /** Seed of the whole cohort. @default 2026 */
  seed?: number;
  /**
   * Patients per center. Center 1 is split 7:3 into training and internal validation; centers 2 and 3 are
   * external validation cohorts. @default [240, 90, 90]
   */
  patientsPerCenter?: [number, number, number];
  /** Administrative end of follow-up, months. @default 60 */
  followUpMonths?: number;
}

/** The latent and observed variables of one synthetic patient. */
export interface SyntheticPatient {
  id: string;
  center: number;
  cohort: CohortRole;
  /** Latent tumor aggressiveness, N(0, 1): drives size, number, necrosis, texture, AFP and hazard. */
  aggressiveness: number;
  /** Latent liver dysfunction, N(0, 1): drives bilirubin, albumin, INR, ascites and hazard. */
  liverDysfunction: number;
  /** Tumor heterogeneity amplitude (HU) used to draw the CT texture. */
  heterogeneity: number;
  /** Fraction of the tumor radius that is necrotic. */
  necrosis: number;
  /** Per-patient seed for the CT volumes (deterministic, independent of generation order). */
  imageSeed: number;
  age: number;
  sex: 'M' | 'F';
  ecog: number;
  bilirubin: number;
  albumin: number;
  inr: number;
  ascites: 'none' | 'mild' | 'moderate-severe';
  encephalopathy: 'none' | 'grade1-2' | 'grade3-4';
  afp: number;
  diameter: number;
  number: number;
  vascularInvasion: boolean;
  extrahepaticSpread: boolean;
  portalVeinThrombosis: boolean;
  extentOver50: boolean;
  /** Overall survival, months. */
  time: number;
  /** 1 = death, 0 = censored. */
  event: number;
}

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));
const bernoulli = (rng: Rng, p: number): boolean => rng.nextFloat() < p;
const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * A seeded synthetic multicenter TACE cohort: three centers, clinical variables with realistic
 * distributions (ALBI inputs, Child-Pugh components, AFP, tumor number and size, ECOG, vascular invasion)
 * and overall survival (Weibull, median about 20 months) whose log-hazard is
 * `0.75 aggressiveness + 0.45 liverDysfunction + 0.4 vascularInvasion + 0.3 (ecog > 0)` plus center-level
 * frailty, censored administratively at `followUpMonths` and by uniform drop-out.
 *
 * Not real patients: the generating model is documented so that tests can check the pipeline recovers it.
 * @example const patients = syntheticClinicalCohort({ seed: 1 });
 */
export function syntheticClinicalCohort(options: SyntheticCohortOptions = {}): SyntheticPatient[] {
  const seed = options.seed ?? 2026;
  const perCenter = options.patientsPerCenter ?? [240, 90, 90];
  const followUp = options.followUpMonths ?? 60;
  const rng = createRng(seed);
  const patients: SyntheticPatient[] = [];
  const centerFrailty = [0, 0.1, -0.1];
  for (let center = 1; center <= 3; center++) {
    const n = perCenter[center - 1];
    for (let i = 0; i < n; i++) {
      const z = randomNormal(rng);
      const w = randomNormal(rng);
      const diameter = Math.min(18, Math.max(1, Math.exp(1.45 + 0.4 * z + 0.3 * randomNormal(rng))));
      const number = Math.min(8, 1 + poisson(rng, Math.exp(-0.4 + 0.5 * z)));
      const vascularInvasion = bernoulli(rng, logistic(-2 + 0.9 * z));
      const extrahepaticSpread = bernoulli(rng, logistic(-3.2 + 0.6 * z));
      const portalVeinThrombosis = vascularInvasion && bernoulli(rng, 0.6);
      const extentOver50 = diameter > 9 || (number > 3 && bernoulli(rng, 0.5));
      const ecogDraw = rng.nextFloat();
      const ecog = ecogDraw < 0.6 ? 0 : ecogDraw < 0.95 ? 1 : 2;
      const bilirubin = Math.exp(Math.log(14) + 0.35 * w + 0.15 * randomNormal(rng));
      const albumin = Math.min(52, Math.max(22, 39 - 3.2 * w + 2.5 * randomNormal(rng)));
      const inr = Math.max(0.85, 1.05 + 0.12 * w + 0.06 * randomNormal(rng));
      const ascitesDraw = logistic(-2.6 + 1.1 * w);
      const ascites = bernoulli(rng, ascitesDraw)
        ? bernoulli(rng, 0.25)
          ? 'moderate-severe'
          : 'mild'
        : 'none';
      const encephalopathy = bernoulli(rng, logistic(-4 + 0.8 * w)) ? 'grade1-2' : 'none';
      const afp = 10 ** (1.3 + 0.75 * z + 0.7 * randomNormal(rng));
      const age = Math.round(Math.min(88, Math.max(30, 63 + 9 * randomNormal(rng))));
      const sex = bernoulli(rng, 0.8) ? 'M' : 'F';
      const heterogeneity = 10 + 14 * logistic(1.2 * z + 0.4 * randomNormal(rng));
      const necrosis = Math.min(0.8, Math.max(0, 0.15 + 0.18 * z + 0.08 * randomNormal(rng)));
      const logHazard =
        0.75 * z +
        0.45 * w +
        0.4 * Number(vascularInvasion) +
        0.3 * Number(ecog > 0) +
        centerFrailty[center - 1];
      // Weibull(shape 1.2) with median 20 months at logHazard = 0.
      const shape = 1.2;
      const scale = 20 / Math.log(2) ** (1 / shape);
      const u = Math.max(rng.nextFloat(), 1e-12);
      const deathTime = scale * (-Math.log(u) / Math.exp(logHazard)) ** (1 / shape);
      const dropOut = 6 + rng.nextFloat() * 140;
      const censorTime = Math.min(followUp, dropOut);
      const event = deathTime <= censorTime ? 1 : 0;
      const time = Math.max(0.1, round(Math.min(deathTime, censorTime), 2));
      const cohort: CohortRole =
        center === 1 ? (rng.nextFloat() < 0.7 ? 'training' : 'internal') : 'external';
      patients.push({
        id: `C${center}-${String(i + 1).padStart(3, '0')}`,
        center,
        cohort,
        aggressiveness: z,
        liverDysfunction: w,
        heterogeneity,
        necrosis,
        imageSeed: (seed * 7919 + center * 100_003 + i * 31) >>> 0,
        age,
        sex,
        ecog,
        bilirubin: round(bilirubin, 1),
        albumin: round(albumin, 1),
        inr: round(inr, 2),
        ascites,
        encephalopathy,
        afp: round(afp, 1),
        diameter: round(diameter, 1),
        number,
        vascularInvasion,
        extrahepaticSpread,
        portalVeinThrombosis,
        extentOver50,
        time,
        event,
      });
    }
  }
  return patients;
}

/** Poisson deviate by inversion (small means only). */
function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.nextFloat();
  while (p > limit && k < 50) {
    k++;
    p *= rng.nextFloat();
  }
  return k;
}
