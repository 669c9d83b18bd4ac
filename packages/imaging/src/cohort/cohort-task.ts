import { extractFeatures } from '../extract/extract-features.js';
import type { ExtractionParameters } from '../extract/parameters.js';
import type { Image } from '../image/types.js';
import { readFileHead } from '../io/file-access.js';
import { readImage } from '../io/read-image.js';
import { readRtstruct } from '../io/rtstruct.js';
import type { ManifestRow } from './manifest.js';

/** Result of one manifest row: features, or the error that stopped it. */
export interface PatientResult {
  /** Feature values by name (empty when `error` is set). */
  features: Record<string, number>;
  /** Error message ('' on success). */
  error: string;
  /** Wall time of the row in ms. */
  milliseconds: number;
}

function isRtstruct(path: string): boolean {
  try {
    const head = readFileHead(path, 4096); // refuses devices and FIFOs (readImage then names the error)
    return (
      String.fromCharCode(...head.subarray(128, 132)) === 'DICM' &&
      new TextDecoder('latin1').decode(head).includes('RTSTRUCT')
    );
  } catch {
    return false;
  }
}

/**
 * Extracts the features of one manifest row; never throws (the error message is returned), so one bad
 * patient does not abort a cohort. Runs in a worker thread of `extractCohort`.
 */
export function extractPatient(
  row: ManifestRow,
  _index: number,
  parameters: ExtractionParameters,
): PatientResult {
  const start = performance.now();
  try {
    const image = readImage(row.image);
    let setting = parameters.setting ?? {};
    let mask: Image;
    if (isRtstruct(row.mask)) {
      mask = readRtstruct(row.mask, image, typeof row.label === 'string' ? { roi: row.label } : {});
      setting = { ...setting, label: 1 };
    } else {
      mask = readImage(row.mask);
      if (typeof row.label === 'number') setting = { ...setting, label: row.label };
    }
    const { features } = extractFeatures(image, mask, {
      ...parameters,
      setting: { ...setting, additionalInfo: false },
    });
    return { features, error: '', milliseconds: performance.now() - start };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { features: {}, error: message, milliseconds: performance.now() - start };
  }
}
