import { TaceError } from '@tace/core';
import type { PatientFields, ScoreUnits } from './types.js';

const MG_PER_DL_TO_UMOL_PER_L = 17.1;

function present(value: unknown): boolean {
  return !(
    value === null ||
    value === undefined ||
    (typeof value === 'number' && Number.isNaN(value)) ||
    value === ''
  );
}

/** Reads the named fields of a patient, collecting the missing ones. */
export class FieldReader {
  readonly missing: string[] = [];
  constructor(
    private readonly patient: PatientFields,
    private readonly units: ScoreUnits = {},
  ) {}

  /** A finite number, or NaN (recorded as missing). */
  number(name: string): number {
    const value = this.patient[name];
    if (!present(value)) {
      this.missing.push(name);
      return Number.NaN;
    }
    const x = typeof value === 'boolean' ? Number(value) : Number(value);
    if (!Number.isFinite(x)) {
      throw new TaceError('INVALID_ARGUMENT', `${name} must be a number, but was ${JSON.stringify(value)}`, {
        param: name,
      });
    }
    return x;
  }

  /** A boolean (true/false, 1/0, 'yes'/'no'), or null (recorded as missing). */
  flag(name: string): boolean | null {
    const value = this.patient[name];
    if (!present(value)) {
      this.missing.push(name);
      return null;
    }
    if (typeof value === 'boolean') return value;
    if (value === 1 || value === 0) return value === 1;
    if (typeof value === 'string') {
      const v = value.trim().toLowerCase();
      if (['1', 'yes', 'y', 'true', 'present'].includes(v)) return true;
      if (['0', 'no', 'n', 'false', 'absent', 'none'].includes(v)) return false;
    }
    throw new TaceError(
      'INVALID_ARGUMENT',
      `${name} must be a boolean (or 0/1, yes/no), but was ${JSON.stringify(value)}`,
      {
        param: name,
      },
    );
  }

  /** A string value, or null (recorded as missing). */
  text(name: string): string | null {
    const value = this.patient[name];
    if (!present(value)) {
      this.missing.push(name);
      return null;
    }
    return String(value).trim();
  }

  /** True when the field is present (does not record anything). */
  has(name: string): boolean {
    return present(this.patient[name]);
  }

  /** Total bilirubin in µmol/L, converted from mg/dL when so declared; checks plausibility. */
  bilirubinUmol(): number {
    const raw = this.number('bilirubin');
    if (Number.isNaN(raw)) return raw;
    const unit = this.units.bilirubin ?? 'umol/L';
    const value = unit === 'mg/dL' ? raw * MG_PER_DL_TO_UMOL_PER_L : raw;
    if (value < 0 || value > 1500) {
      throw new TaceError('INVALID_ARGUMENT', `bilirubin ${raw} ${unit} is outside the plausible range`, {
        param: 'bilirubin',
        remedy: 'check the value and its unit',
      });
    }
    if (unit === 'umol/L' && raw > 0 && raw < 2) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `bilirubin ${raw} umol/L is implausibly low: it looks like mg/dL`,
        {
          param: 'bilirubin',
          remedy: "pass units: { bilirubin: 'mg/dL' } or convert to umol/L (x 17.1)",
        },
      );
    }
    return value;
  }

  /** Serum albumin in g/L, converted from g/dL when so declared; checks plausibility. */
  albuminGramsPerLiter(): number {
    const raw = this.number('albumin');
    if (Number.isNaN(raw)) return raw;
    const unit = this.units.albumin ?? 'g/L';
    const value = unit === 'g/dL' ? raw * 10 : raw;
    if (unit === 'g/L' && raw > 0 && raw < 10) {
      throw new TaceError('INVALID_ARGUMENT', `albumin ${raw} g/L is implausibly low: it looks like g/dL`, {
        param: 'albumin',
        remedy: "pass units: { albumin: 'g/dL' } or convert to g/L (x 10)",
      });
    }
    if (value <= 0 || value > 80) {
      throw new TaceError('INVALID_ARGUMENT', `albumin ${raw} ${unit} is outside the plausible range`, {
        param: 'albumin',
        remedy: 'check the value and its unit',
      });
    }
    return value;
  }

  /** Largest tumour diameter in cm, converted from mm when so declared; checks plausibility. */
  diameterCm(): number {
    const raw = this.number('diameter');
    if (Number.isNaN(raw)) return raw;
    const unit = this.units.diameter ?? 'cm';
    const value = unit === 'mm' ? raw / 10 : raw;
    if (value <= 0 || value > 40) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `diameter ${raw} ${unit} is outside the plausible range (0, 40] cm`,
        {
          param: 'diameter',
          remedy:
            unit === 'cm' && raw > 40
              ? "it looks like mm: pass units: { diameter: 'mm' }"
              : 'check the value and its unit',
        },
      );
    }
    return value;
  }

  /** Number of tumours, an integer >= 1. */
  tumorNumber(): number {
    const value = this.number('number');
    if (Number.isNaN(value)) return value;
    if (!Number.isInteger(value) || value < 1) {
      throw new TaceError('INVALID_ARGUMENT', `number of tumours must be an integer >= 1, but was ${value}`, {
        param: 'number',
      });
    }
    return value;
  }

  /** ECOG performance status, an integer 0-4. */
  ecog(): number {
    const value = this.number('ecog');
    if (Number.isNaN(value)) return value;
    if (!Number.isInteger(value) || value < 0 || value > 4) {
      throw new TaceError('INVALID_ARGUMENT', `ecog must be an integer 0-4, but was ${value}`, {
        param: 'ecog',
      });
    }
    return value;
  }
}

/** The result when a required field is missing. */
export function missingResult(missing: string[]): { score: number; grade: null; missing: string[] } {
  return { score: Number.NaN, grade: null, missing: [...new Set(missing)] };
}
