/** Strings read as missing values (case-sensitive), as R's `read.csv` na.strings plus common spellings. */
export const MISSING_STRINGS: ReadonlySet<string> = new Set(['', 'NA', 'NaN', 'nan', 'null', 'NULL', 'N/A']);

/**
 * True for a missing value: `null`, `undefined`, `NaN`, or a string in {@link MISSING_STRINGS}
 * (after trimming white space).
 * @example isMissing('NA') // true
 */
export function isMissing(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  if (typeof value === 'string') return MISSING_STRINGS.has(value.trim());
  return false;
}
