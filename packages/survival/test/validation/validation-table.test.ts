import {
  bootstrapConcordance,
  compareConcordance,
  coxnet,
  predictCoxnet,
  timeDependentRoc,
} from '@tace/survival';
import * as kernels from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { simulate } from './simulate.js';

/** A simulated cohort as a table, one risk score missing. */
function cohort(n: number) {
  const { time, event, a, b } = simulate(11, n);
  const withMissing: (number | null)[] = Array.from(a);
  withMissing[3] = null;
  return { time, event, a: withMissing, b };
}

const table = cohort(80);
const complete = Int32Array.from({ length: 80 }, (_, i) => i).filter((i) => i !== 3);
const at = <T extends ArrayLike<number | null>>(v: T) => Float64Array.from(complete, (i) => v[i] as number);

describe('table-level validation wrappers equal their kernels on the complete rows', () => {
  it('bootstrapConcordance (two risk columns, missing: omit)', () => {
    const ours = bootstrapConcordance(
      table,
      { time: 'time', event: 'event', risk: ['a', 'b'] },
      { replicates: 50, random: 7, missing: 'omit' },
    );
    const ref = kernels.bootstrapConcordance(at(table.time), at(table.event), [at(table.a), at(table.b)], {
      replicates: 50,
      random: 7,
    });
    expect(ours.omitted).toBe(1);
    expect(Array.from(ours.estimate)).toEqual(Array.from(ref.estimate));
    expect(ours.difference).toEqual(ref.difference);
    expect(() => bootstrapConcordance(table, { time: 'time', event: 'event', risk: 'a' })).toThrow(
      /missing/i,
    );
  });

  it('compareConcordance', () => {
    const ours = compareConcordance(
      table,
      { time: 'time', event: 'event', risks: ['a', 'b'] },
      { missing: 'omit' },
    );
    const ref = kernels.compareConcordance(at(table.time), at(table.event), at(table.a), at(table.b));
    expect(ours.pValue).toBe(ref.pValue);
    expect(ours.omitted).toBe(1);
  });

  it('timeDependentRoc', () => {
    const ours = timeDependentRoc(table, { time: 'time', event: 'event', marker: 'b' }, { time: 1 });
    const ref = kernels.timeDependentRoc(table.time, table.event, table.b, 1);
    expect(ours.auc).toBe(ref.auc);
    expect(Array.from(ours.truePositiveRate)).toEqual(Array.from(ref.truePositiveRate));
  });

  it('predictCoxnet takes the fit columns by name from a table', () => {
    const fit = coxnet(
      table,
      { time: 'time', event: 'event', features: ['a', 'b'] },
      { missing: 'omit', nLambda: 10 },
    );
    const lambda = fit.lambda[5];
    const ours = predictCoxnet(fit, { b: table.b, a: table.a }, { lambda, missing: 'omit' });
    const ref = kernels.predictCoxnet(
      fit,
      Array.from(complete, (i) => [table.a[i] as number, table.b[i]]),
      lambda,
    );
    expect(Array.from(ours.linearPredictor)).toEqual(Array.from(ref));
    expect(ours.omitted).toBe(1);
    expect(Array.from(ours.rows)).toEqual(Array.from(complete));
    expect(fit.beta.rows).toBe(2);
    expect(fit.beta.columns).toBe(fit.lambda.length);
    expect(() => predictCoxnet(fit, { a: table.b }, { lambda })).toThrow(/'b'/);
  });
});
