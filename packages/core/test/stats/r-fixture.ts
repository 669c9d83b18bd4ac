import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The R reference fixture (test/fixtures/r-stats/r-stats.json, made by generate.R beside it). */
// biome-ignore lint/suspicious/noExplicitAny: JSON fixture, shape documented by generate.R
export const fixture: any = JSON.parse(
  readFileSync(new URL('../fixtures/r-stats/r-stats.json', import.meta.url), 'utf8'),
);

/** Decodes a fixture number: "Inf" / "-Inf" / "NaN" strings, null as NaN (R's NA). */
export function num(value: unknown): number {
  if (value === null || value === 'NaN') return Number.NaN;
  if (value === 'Inf') return Infinity;
  if (value === '-Inf') return -Infinity;
  return value as number;
}

/** Decodes a fixture vector (written as a scalar when of length 1). */
export function vec(value: unknown): number[] {
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(num);
}

/** R's alternative spelling to ours. */
export function alternative(value: string): 'two-sided' | 'less' | 'greater' {
  return value === 'two.sided' ? 'two-sided' : (value as 'less' | 'greater');
}

/**
 * Expects |actual - expected| <= relative * |expected| + absolute; infinities and NaN must match exactly.
 */
export function expectClose(
  actual: number,
  expected: number,
  relative: number,
  absolute = 0,
  what = '',
): void {
  if (!Number.isFinite(expected)) {
    expect(actual, what).toBe(expected);
    return;
  }
  const error = Math.abs(actual - expected);
  const bound = relative * Math.abs(expected) + absolute;
  if (!(error <= bound)) {
    expect.fail(
      `${what}: ${actual} vs R ${expected} (error ${error.toExponential(2)} > ${bound.toExponential(2)})`,
    );
  }
}
