import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTaceError } from '@tace/core';
import type { CombatOptions } from '@tace/survival';
import { applyCombat, combat } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
// biome-ignore lint/suspicious/noExplicitAny: fixture JSON
const fixture: any = JSON.parse(readFileSync(join(here, '../fixtures/r-combat/combat.json'), 'utf8'));
const x: number[][] = fixture.x;
const covariates: number[][] = fixture.covariates;
const batch: string[] = fixture.batch;

const optionsFor: Record<string, CombatOptions> = {
  parametric: { parametric: true },
  'non-parametric': { parametric: false },
  'parametric mean-only': { parametric: true, meanOnly: true },
  'non-parametric mean-only': { parametric: false, meanOnly: true },
  'parametric reference B': { parametric: true, referenceBatch: 'B' },
};

function maxAbsDiffRows(data: Float64Array, rows: number, expected: number[][]): number {
  let m = 0;
  expected.forEach((row, i) => {
    row.forEach((v, j) => {
      m = Math.max(m, Math.abs(data[j * rows + i] - v));
    });
  });
  return m;
}

describe('combat matches sva::ComBat 3.46 to 1e-9 (40 features x 60 subjects, 3 batches, group + age covariates)', () => {
  it.each(fixture.cases)('$name: adjusted data to 1e-9', (ref) => {
    const { adjusted, model } = combat(x, batch, { ...optionsFor[ref.name], covariates });
    expect(maxAbsDiffRows(adjusted.data, 60, ref.adjusted)).toBeLessThan(1e-9);
    // Feature 40 is constant within batch C: left as it is, as sva does.
    expect(Array.from(model.unadjusted)).toEqual([39]);
  });

  it('without covariates (mod = NULL)', () => {
    const { adjusted } = combat(x, batch);
    expect(maxAbsDiffRows(adjusted.data, 60, fixture.noCovariates)).toBeLessThan(1e-6);
  });

  it('applyCombat reproduces the fitted adjustment and transforms new subjects of known batches', () => {
    const { adjusted, model } = combat(x, batch, { covariates });
    const again = applyCombat(model, x, batch, { covariates });
    expect(maxAbsDiffRows(again.data, 60, fixture.cases[0].adjusted)).toBeLessThan(1e-6);
    const one = applyCombat(model, [x[5]], [batch[5]], { covariates: [covariates[5]] });
    expect(one.data[0]).toBeCloseTo(adjusted.data[5], 12);
  });
});

describe('combat: bad input', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return isTaceError(e) ? `${e.code}: ${(e as Error).message}` : 'other';
    }
    return 'none';
  };
  it('a batch with one subject is a TaceError', () => {
    const b = batch.map((v, i) => (i === 0 ? 'Z' : v));
    expect(code(() => combat(x, b))).toMatch(/^INVALID_ARGUMENT: .*batch 'Z' has only one subject/);
  });
  it('NaN, one batch, unknown reference, confounded covariate, unseen batch at apply', () => {
    const withNaN = x.map((r, i) => (i === 3 ? [Number.NaN, ...r.slice(1)] : r));
    expect(code(() => combat(withNaN, batch))).toMatch(/^MISSING_VALUE/);
    expect(
      code(() =>
        combat(
          x,
          batch.map(() => 'A'),
        ),
      ),
    ).toMatch(/at least 2 batches/);
    expect(code(() => combat(x, batch, { referenceBatch: 'Q' }))).toMatch(/referenceBatch 'Q'/);
    const confounded = batch.map((b) => [b === 'A' ? 1 : 0]);
    expect(code(() => combat(x, batch, { covariates: confounded }))).toMatch(/confounded/);
    const { model } = combat(x, batch);
    expect(code(() => applyCombat(model, [x[0]], ['D']))).toMatch(/batch 'D' was not seen/);
  });
});
