import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** Reads a small fixture CSV into column arrays (strings), keyed by header name. */
export function readColumns(relative: string): Record<string, string[]> {
  const [header, ...rows] = readFileSync(join(fixturesDir, relative), 'utf8').trim().split('\n');
  const names = header.split(',');
  const columns: Record<string, string[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const row of rows) {
    row.split(',').forEach((v, i) => {
      columns[names[i]].push(v);
    });
  }
  return columns;
}

export function numbers(values: string[]): Float64Array {
  return Float64Array.from(values, Number);
}

/**
 * Largest relative error |ours - ref| / |ref|, or absolute error where |ref| < 1e-12 (limma's coefficient
 * of a constant gene is 1e-16-sized rounding noise, ours exactly 0).
 */
export function maxRelativeError(ours: ArrayLike<number>, reference: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i];
    worst = Math.max(
      worst,
      (Math.abs(ours[i] - r) / Math.max(Math.abs(r), 1e-12)) * (Math.abs(r) < 1e-12 ? 1e-12 : 1),
    );
  }
  return worst;
}
