import { bootstrapConcordance } from '@tace/survival';
import { concordance } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { compareDeepArms, DEEP_ARM_SCORES, deepArmSection } from '../../src/demo/deep-arm.js';
import { renderHtmlReport } from '../../src/report/index.js';

// Three small cohorts with hand-made scores: the trained risk orders the deaths perfectly in the first
// external cohort, the random-feature risk is reversed there.
function cohort(n: number, shift: number) {
  const time = Float64Array.from({ length: n }, (_, i) => 1 + i + shift);
  const death = Float64Array.from({ length: n }, (_, i) => (i % 4 === 3 ? 0 : 1));
  const down = Float64Array.from(time, (t) => -t);
  return {
    os_months: time,
    death,
    dl_risk: down,
    random_dl_risk: Float64Array.from(time, (t, i) => (i % 2 === 0 ? t : -t)),
    dlScore: Float64Array.from(down, (v, i) => v + (i % 3)),
    radScore: Float64Array.from(time, (_, i) => (i * 7) % 5),
  };
}

const cohorts = [
  { name: 'Training', role: 'training' as const, table: cohort(12, 0) },
  { name: 'External (centre 2)', role: 'external' as const, table: cohort(10, 0.5) },
  {
    name: 'External (centre 3)',
    role: 'external' as const,
    table: { ...cohort(8, 0.25), dlScore: Float64Array.of(Number.NaN, 1, 2, 3, 4, 5, 6, 7) },
  },
];
const options = { time: 'os_months', event: 'death', replicates: 50, random: 11 };

describe('compareDeepArms (the demo report: trained vs random-feature network)', () => {
  const rows = compareDeepArms(cohorts, options);

  it('one row per score and cohort, the external cohorts pooled, and the paired difference', () => {
    expect([...new Set(rows.map((r) => r.cohort))]).toEqual([
      'Training',
      'External (centre 2)',
      'External (centre 3)',
      'External, pooled',
    ]);
    expect([...new Set(rows.map((r) => r.model))]).toEqual([
      ...DEEP_ARM_SCORES.map((s) => s.label),
      'Trained - random-feature',
    ]);
    const trained = rows.find(
      (r) => r.cohort === 'External (centre 2)' && r.model === DEEP_ARM_SCORES[0].label,
    )!;
    expect(trained.estimate).toBe(1);
    expect(trained).toMatchObject({ patients: 10, events: 8 });
  });

  it('each estimate and CI is bootstrapConcordance on that cohort (stream cohort|column), the pooled one on the union', () => {
    const centre2 = cohorts[1].table;
    const radiomic = bootstrapConcordance(
      centre2,
      { time: 'os_months', event: 'death', risk: 'radScore' },
      { replicates: 50, random: 11, stream: 'External (centre 2)|radScore' },
    );
    const row = rows.find((r) => r.cohort === 'External (centre 2)' && r.model === 'Rad-score')!;
    expect([row.estimate, row.lower, row.upper]).toEqual([
      radiomic.estimate[0],
      radiomic.lower[0],
      radiomic.upper[0],
    ]);
    const pooled = rows.find((r) => r.cohort === 'External, pooled' && r.model === DEEP_ARM_SCORES[1].label)!;
    const union = (k: 'os_months' | 'death' | 'random_dl_risk') => [
      ...cohorts[1].table[k],
      ...cohorts[2].table[k],
    ];
    expect(pooled.estimate).toBeCloseTo(
      concordance(union('os_months'), union('death'), union('random_dl_risk')).concordance,
      15,
    );
    expect(pooled.patients).toBe(18);
  });

  it('the difference is trained minus random-feature on the same resamples; a missing score is left out and counted', () => {
    const d = rows.find((r) => r.cohort === 'External (centre 2)' && r.model === 'Trained - random-feature')!;
    const t = rows.find((r) => r.cohort === 'External (centre 2)' && r.model === DEEP_ARM_SCORES[0].label)!;
    const r = rows.find((x) => x.cohort === 'External (centre 2)' && x.model === DEEP_ARM_SCORES[1].label)!;
    expect(d.estimate).toBeCloseTo(t.estimate - r.estimate, 15);
    expect(d.lower).toBeLessThanOrEqual(d.estimate);
    const dl = rows.find((x) => x.cohort === 'External (centre 3)' && x.model === DEEP_ARM_SCORES[2].label)!;
    expect(dl.patients).toBe(7);
  });

  it('renders as a report section: a model x cohort table with CIs and the plain statement', () => {
    const section = deepArmSection(rows);
    const table = section.tables![0];
    expect(table.columns).toEqual([
      'Score',
      'Training',
      'External (centre 2)',
      'External (centre 3)',
      'External, pooled',
    ]);
    expect(table.rows).toHaveLength(5);
    expect(String(table.rows[4][2])).toMatch(/^\+\d\.\d+ \(/);
    expect(section.text!.join(' ')).toContain('It learned synthetic tumours, not patients');
    const html = renderHtmlReport({ title: 't', provenance: [], sections: [section] });
    expect(html).toContain('Random-feature CNN risk (tace-cnn-v1, fitted head)');
  });
});
