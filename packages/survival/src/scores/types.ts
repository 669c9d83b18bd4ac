/**
 * One patient's clinical fields, by name, in the toolkit's default units:
 *
 * | field | unit / coding |
 * |---|---|
 * | `bilirubin` | total bilirubin, µmol/L (mg/dL by `units: { bilirubin: 'mg/dL' }`) |
 * | `albumin` | serum albumin, g/L (g/dL by `units: { albumin: 'g/dL' }`) |
 * | `inr` | international normalised ratio |
 * | `ascites` | `'none' | 'mild' | 'moderate-severe'` (`'slight'` = mild, `'severe'` / `'moderate'` = moderate-severe), or `true`/`false` for present/absent |
 * | `encephalopathy` | `'none' | 'grade1-2' | 'grade3-4'` |
 * | `afp` | alpha-fetoprotein, ng/mL |
 * | `diameter` | diameter of the largest tumour, cm (mm by `units: { diameter: 'mm' }`) |
 * | `number` | number of tumours (integer >= 1) |
 * | `extentOver50` | tumour replaces more than 50% of the liver (boolean) |
 * | `portalVeinThrombosis` | boolean |
 * | `vascularInvasion` | macrovascular invasion (boolean) |
 * | `extrahepaticSpread` | metastasis or nodal spread (boolean) |
 * | `ecog` | ECOG performance status 0-4 |
 * | `childPughClass` | `'A' | 'B' | 'C'` when only the class is recorded |
 * | `childPughScore` | Child-Pugh score 5-15 when only the score is recorded |
 * | `astIncrease` | relative AST increase after the first TACE (0.3 = +30%), for ART |
 * | `childPughIncrease` | Child-Pugh score increase after the first TACE, for ART |
 * | `radiologicResponse` | any radiologic tumour response after the first TACE (boolean), for ART |
 *
 * `null`, `undefined` and `NaN` mean missing.
 */
export type PatientFields = Record<string, number | string | boolean | null | undefined>;

/** Units accepted for unit-bearing fields. */
export interface ScoreUnits {
  /** @default 'umol/L' */
  bilirubin?: 'umol/L' | 'mg/dL';
  /** @default 'g/L' */
  albumin?: 'g/L' | 'g/dL';
  /** @default 'cm' */
  diameter?: 'cm' | 'mm';
}

/** Options shared by every clinical score. */
export interface ScoreOptions {
  /** Units of the inputs; defaults in {@link ScoreUnits}. */
  units?: ScoreUnits;
}

/**
 * The result of a clinical score for one patient. Shape is fixed: a missing input gives `score: NaN`,
 * `grade: null` and the missing fields in `missing` — never a silent zero.
 */
export interface ScoreResult {
  /** Numeric score (NaN when it cannot be computed). */
  score: number;
  /** Grade, class or stage label (`null` when it cannot be computed). */
  grade: string | null;
  /** Names of the required fields that were missing (empty when computed). */
  missing: string[];
}

/** A clinical score: its name, required fields and the per-patient function. */
export interface ClinicalScore<O extends ScoreOptions = ScoreOptions> {
  /** Short name, e.g. `'albi'`. */
  name: string;
  /** The ordered grade labels, best prognosis first. */
  grades: readonly string[];
  /** Computes the score for one patient. */
  compute(patient: PatientFields, options?: O): ScoreResult;
}
