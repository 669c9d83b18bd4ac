import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { univariateCox } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { firstRows, simulatedData } from '../fixtures/r-glmnet/load.js';

const here = dirname(fileURLToPath(import.meta.url));
// biome-ignore lint/suspicious/noExplicitAny: fixture JSON
const ref: any = JSON.parse(readFileSync(join(here, '../fixtures/r-glmnet/univariate-cox.json'), 'utf8'));

describe('univariateCox matches coxph(Surv(ceiling(time), status) ~ x_j) (survival 3.5-3, Efron ties)', () => {
  it('25 simulated features, 300 subjects on 44 distinct times: coef, se, z, p', () => {
    const sim = simulatedData();
    const cols = { data: sim.x.data.slice(0, 300 * 25), rows: 300, columns: 25 };
    const time = sim.time.map(Math.ceil);
    const out = univariateCox(cols, time, sim.event);
    // Both stop when the log-likelihood changes by < 1e-9 relative (coxph's eps), so coefficients agree to
    // that convergence error: 24 of 25 to 1e-12, one to 2e-8. Tolerances: 1e-7 absolute / relative.
    for (let j = 0; j < 25; j++) {
      expect(Math.abs(out.coef[j] - ref.coef[j])).toBeLessThan(1e-7);
      expect(Math.abs(out.se[j] / ref.se[j] - 1)).toBeLessThan(1e-7);
      expect(Math.abs(out.z[j] - ref.z[j])).toBeLessThan(1e-6);
      expect(Math.abs(out.pValue[j] / ref.p[j] - 1)).toBeLessThan(1e-5);
    }
    // BH over the 25 features: the smallest p times 25 / 1 bounds its adjusted value.
    const smallest = out.pValue.indexOf(Math.min(...out.pValue));
    expect(out.adjustedPValue[smallest]).toBeLessThanOrEqual(Math.min(1, out.pValue[smallest] * 25) + 1e-15);
    expect(out.adjustedPValue.every((q, j) => q >= out.pValue[j])).toBe(true);
  });

  it('converges in 2 to 20 Newton steps on untied data', () => {
    const sim = simulatedData();
    const x = firstRows(sim.x, 40);
    const out = univariateCox(
      { data: x.data.slice(0, 40), rows: 40, columns: 1 },
      sim.time.subarray(0, 40),
      sim.event.subarray(0, 40),
    );
    expect(out.iterations[0]).toBeGreaterThan(1);
    expect(out.iterations[0]).toBeLessThanOrEqual(20);
  });
});
