import { TaceError } from '@tace/core';

/** The parts of a TCGA barcode (https://docs.gdc.cancer.gov/Encyclopedia/pages/TCGA_Barcode/). */
export interface TcgaBarcode {
  /** The barcode as given. */
  barcode: string;
  /** Patient (participant) barcode, `TCGA-XX-YYYY`. */
  patient: string;
  /** Tissue source site code (`XX`). */
  tissueSourceSite: string;
  /** Sample barcode without vial, `TCGA-XX-YYYY-01`, or null when the barcode stops at the patient. */
  sample: string | null;
  /** Sample type code: 1-9 tumour (01 primary solid tumour), 10-19 normal (11 solid tissue normal), 20-29 control; NaN when absent. */
  sampleTypeCode: number;
  /** Sample type name from the code (GDC code table), '' when absent. */
  sampleType: string;
  /** 'tumor', 'normal', 'control' or 'unknown', from the sample type code. */
  tissue: 'tumor' | 'normal' | 'control' | 'unknown';
  /** Vial letter (`A`, `B`, ...), '' when absent. */
  vial: string;
  /** Portion (2 digits), analyte letter (R = RNA, D = DNA, ...), plate and centre, '' when absent. */
  portion: string;
  analyte: string;
  plate: string;
  center: string;
}

const SAMPLE_TYPES: Record<number, string> = {
  1: 'Primary Solid Tumor',
  2: 'Recurrent Solid Tumor',
  3: 'Primary Blood Derived Cancer - Peripheral Blood',
  4: 'Recurrent Blood Derived Cancer - Bone Marrow',
  5: 'Additional - New Primary',
  6: 'Metastatic',
  7: 'Additional Metastatic',
  8: 'Human Tumor Original Cells',
  9: 'Primary Blood Derived Cancer - Bone Marrow',
  10: 'Blood Derived Normal',
  11: 'Solid Tissue Normal',
  12: 'Buccal Cell Normal',
  13: 'EBV Immortalized Normal',
  14: 'Bone Marrow Normal',
  20: 'Control Analyte',
};

const PATTERN =
  /^(TCGA)-([A-Z0-9]{2})-([A-Z0-9]{4})(?:-(\d{2})([A-Z])?(?:-(\d{2})([A-Z])(?:-([A-Z0-9]{4})(?:-([A-Z0-9]{2}))?)?)?)?$/i;

/**
 * Parses a TCGA barcode such as `TCGA-DD-A1ED-01A-11R-A155-07` (any prefix down to the patient
 * `TCGA-DD-A1ED`). Suffixes R adds to repeated names (`TCGA-DD-AACA-02.1`) are ignored.
 * @throws {TaceError} `PARSE_ERROR` when the text is not a TCGA barcode.
 * @example
 * ```ts
 * parseTcgaBarcode('TCGA-DD-A1ED-01A').tissue; // 'tumor'; .patient 'TCGA-DD-A1ED', .vial 'A'
 * ```
 */
export function parseTcgaBarcode(barcode: string): TcgaBarcode {
  const m = PATTERN.exec(barcode.trim().replace(/\.\d+$/, ''));
  if (m === null) {
    throw new TaceError('PARSE_ERROR', `${JSON.stringify(barcode)} is not a TCGA barcode`, {
      param: 'barcode',
      remedy: 'pass a barcode like TCGA-DD-A1ED-01A-11R-A155-07',
    });
  }
  const patient = `TCGA-${m[2]}-${m[3]}`.toUpperCase();
  const code = m[4] === undefined ? Number.NaN : Number(m[4]);
  const tissue = Number.isNaN(code)
    ? 'unknown'
    : code >= 1 && code <= 9
      ? 'tumor'
      : code >= 10 && code <= 19
        ? 'normal'
        : code >= 20 && code <= 29
          ? 'control'
          : 'unknown';
  return {
    barcode,
    patient,
    tissueSourceSite: m[2].toUpperCase(),
    sample: m[4] === undefined ? null : `${patient}-${m[4]}`,
    sampleTypeCode: code,
    sampleType: SAMPLE_TYPES[code] ?? '',
    tissue,
    vial: (m[5] ?? '').toUpperCase(),
    portion: m[6] ?? '',
    analyte: (m[7] ?? '').toUpperCase(),
    plate: (m[8] ?? '').toUpperCase(),
    center: m[9] ?? '',
  };
}
