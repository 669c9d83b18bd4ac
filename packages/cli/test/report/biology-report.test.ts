import { overlappingText } from '@tace/figures';
import { compareCellTypes, DEFAULT_BIOLOGY_ANALYSES } from '@tace/omics';
import { syntheticClinicalCohort } from '@tace/synthetic';
import { describe, expect, it } from 'vitest';
import type { AnnotateStage } from '../../src/demo/annotate-stage.js';
import { biologySections, singleCellTestsTable } from '../../src/demo/biology-report.js';
import { type BiologyStage, runBiologyStage } from '../../src/demo/biology-stage.js';
import { renderHtmlReport } from '../../src/report/index.js';

// The demo's biology on 40 synthetic patients, split at the median latent aggressiveness.
function stage(): BiologyStage {
  const patients = syntheticClinicalCohort({ seed: 3, patientsPerCenter: [40, 2, 2] }).slice(0, 40);
  const ranked = [...patients].sort((a, b) => a.aggressiveness - b.aggressiveness);
  const risk: Record<string, string> = {};
  ranked.forEach((p, i) => {
    risk[p.id] = i < 20 ? 'low' : 'high';
  });
  return runBiologyStage(patients, risk, 3, { annotate: false }); // the annotation has its own tests
}

describe('demo biology sections', () => {
  const bio = stage();

  it('runs every microenvironment, pathway and state analysis by risk group, 20 vs 20', () => {
    expect(bio.bulk.skipped).toEqual([]);
    expect(Object.keys(bio.bulk.scores)).toEqual([...DEFAULT_BIOLOGY_ANALYSES, 'gene-sets']);
    for (const row of bio.bulk.rows) expect([row.nTarget, row.nReference]).toEqual([20, 20]);
    // the built-in effects: hypoxia up and cytotoxicity down in the high-risk group
    const state = (f: string) => bio.bulk.rows.find((r) => r.analysis === 'gene-sets' && r.feature === f)!;
    expect(state('Hypoxia').cliffsDelta).toBeGreaterThan(0.5);
    expect(state('Cytotoxicity').cliffsDelta).toBeLessThan(-0.3);
  });

  it('shows a table per analysis, every cell type with its cells and patients, and the figures', () => {
    const { sections, figures } = biologySections(bio);
    const tables = sections.flatMap((s) => s.tables ?? []);
    for (const analysis of Object.keys(bio.bulk.scores)) {
      const table = tables.find((t) => t.id === `table-biology-${analysis}`)!;
      expect(table.rows.length).toBe(bio.bulk.rows.filter((r) => r.analysis === analysis).length);
      expect(table.columns).toContain('q (BH)');
    }
    const coverage = tables.find((t) => t.id === 'table-sc-coverage')!;
    expect(coverage.rows.map((r) => r[0])).toEqual(bio.cells.coverage.map((c) => c.cellType));
    expect(coverage.rows.length).toBe(new Set(bio.cellType).size + 1); // + (all cells)
    expect(figures.map((f) => f.id)).toEqual([
      'biology-states',
      'biology-top-features',
      'biology-heatmap',
      'sc-hypoxia',
      'sc-cytotoxicity',
      'sc-dotplot',
    ]);
    expect(sections[1].text!.join(' ')).toMatch(/No cell type was left out/);
    expect(sections[0].text!.join(' ')).toMatch(/CancerSEA's 14 state signatures are not shipped/);
    const html = renderHtmlReport({ title: 'biology', provenance: [], sections });
    expect(html).not.toMatch(/<script|src="http|href="http/);
    const tests = singleCellTestsTable(bio);
    expect(tests.signature.length).toBe(2 * bio.cells.bySignature.Hypoxia.tests.cellType.length);
  });

  it('names every left-out cell type with its reason in the text and the coverage table', () => {
    const strict = compareCellTypes(
      bio.cellScores,
      { cellType: bio.cellType, patient: bio.cellType.map((_, i) => `P${i % 8}`) },
      Object.fromEntries(Array.from({ length: 8 }, (_, p) => [`P${p}`, p < 4 ? 'low' : 'high'])),
      { groups: ['low', 'high'], minCells: 30 },
    );
    expect(strict.leftOut.length).toBeGreaterThan(0);
    const { sections } = biologySections({ ...bio, cells: strict });
    const text = sections[1].text!.join(' ');
    for (const l of strict.leftOut) expect(text).toContain(`${l.cellType} (${l.reason})`);
    const coverage = sections[1].tables!.find((t) => t.id === 'table-sc-coverage')!;
    const no = coverage.rows.filter((r) => r[4] === 'no');
    expect(no.map((r) => [r[0], r[5]])).toEqual(strict.leftOut.map((l) => [l.cellType, l.reason]));
  });

  it('shows the cell annotation (UMAP by label and by simulated type, every cluster with its reason)', () => {
    // a hand-made annotation of 12 cells in 3 clusters (the real one runs in the demo and has its own tests)
    const n = 12;
    const cluster = Int32Array.from({ length: n }, (_, i) => i % 3);
    const simulated = Array.from(cluster, (c) => ['CD8 T', 'Macrophage', 'Tumour cell'][c]);
    const labels = ['CD8 T', 'Kupffer/macrophage', 'unassigned'];
    const annotation: AnnotateStage = {
      cells: Array.from({ length: n }, (_, i) => `cell${i}`),
      simulatedCellType: simulated,
      cluster,
      cellType: Array.from(cluster, (c) => labels[c]),
      umap: Float64Array.from({ length: 2 * n }, (_, k) => (k % 2 === 0 ? (k >> 1) % 3 : Math.sin(k)) * 4),
      clusters: labels.map((label, c) => ({
        cluster: c,
        label,
        score: 2 - c * 0.7,
        margin: c === 2 ? 0 : 1.2,
        reason:
          c === 2
            ? 'no type leads another lineage by 0.5 (a long reason that the table must keep whole)'
            : 'markers detected',
        nCells: 4,
      })),
      adjustedRandIndex: 1,
      agreement: 8 / 12,
      parameters: { nFeatures: 30, resolution: 0.5 },
    };
    const { sections, figures } = biologySections({ ...bio, cellAnnotation: annotation });
    const section = sections.find((s) => s.id === 'biology-annotation')!;
    expect(section.text!.join(' ')).toMatch(
      /3 clusters; 66\.7% of the cells .* adjusted Rand index .* 1\.000/,
    );
    const table = section.tables![0];
    expect(table.rows.map((r) => [r[0], r[1], r[2], r[5]])).toEqual(
      annotation.clusters.map((c) => [c.cluster, c.nCells, c.label, c.reason]),
    );
    const umap = figures.find((f) => f.id === 'sc-annotation-umap')!;
    expect(overlappingText(umap.svg)).toEqual([]);
    // without an annotation the section is absent
    expect(biologySections(bio).sections.some((s) => s.id === 'biology-annotation')).toBe(false);
  });
});
