import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { labelClusters, UNASSIGNED } from '../../src/annotate/label-clusters.js';
import { loessFit } from '../../src/annotate/loess.js';
import { type CellTypeMarkers, LIVER_IMMUNE_MARKERS } from '../../src/annotate/markers.js';
import { parseGmtEntries } from '../../src/genesets/gmt.js';
import type { SparseMatrix } from '../../src/h5ad/types.js';

const signatures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'signatures');

/** Dense rows (cells x genes) to CSR. */
function csr(rows: number[][]): SparseMatrix {
  const indptr = new Float64Array(rows.length + 1);
  const indices: number[] = [];
  const data: number[] = [];
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      if (v !== 0) {
        indices.push(j);
        data.push(v);
      }
    });
    indptr[i + 1] = indices.length;
  });
  return {
    format: 'csr',
    shape: [rows.length, rows[0].length],
    indptr,
    indices: Int32Array.from(indices),
    data: Float64Array.from(data),
  };
}

const table: CellTypeMarkers[] = [
  { name: 'T cell', markers: ['CD3D', 'CD3E'], sources: [] },
  { name: 'CD8 T', markers: ['CD8A'], refines: 'T cell', sources: [] },
  { name: 'B cell', markers: ['MS4A1', 'ABSENT1'], sources: [] },
  { name: 'Ghost', markers: ['ABSENT2'], sources: [] },
];

describe('labelClusters', () => {
  test('hand-worked: z over cluster means, refinement, unassigned with reasons, missing markers reported', () => {
    const genes = ['CD3D', 'CD3E', 'CD8A', 'MS4A1'];
    // Clusters 0 (CD8 T), 1 (B), 2 (nothing), one cell each: means = the rows.
    const data = csr([
      [2, 2, 3, 0],
      [0, 0, 0, 3],
      [0, 0, 0, 0],
    ]);
    const r = labelClusters(data, genes, Int32Array.of(0, 1, 2), table);
    // CD3D over clusters (2, 0, 0): mean 2/3, sd sqrt(4/3) -> z = (4/3)/sqrt(4/3) = 1.1547 for cluster 0.
    const z = 4 / 3 / Math.sqrt(4 / 3);
    expect(r.types).toEqual(['T cell', 'CD8 T', 'B cell']);
    expect(r.scores[0]).toBeCloseTo(z, 12);
    expect(r.labels[0].label).toBe('CD8 T'); // refines T cell (tie at 1.1547), both >= 1
    // B cell's marker is not detected in cluster 0 (minDetected 0.25): no competitor, margin = the score.
    expect(r.labels[0].margin).toBeCloseTo(z, 12);
    expect(
      labelClusters(data, genes, Int32Array.of(0, 1, 2), table, { minDetected: 0 }).labels[0].margin,
    ).toBeCloseTo(z + z / 2, 12); // vs B cell at -z/2 when every type is considered
    expect(r.labels[1].label).toBe('B cell');
    expect(r.labels[2].label).toBe(UNASSIGNED);
    expect(r.labels[2].reason).toMatch(/no marker set detected in >= 0.25 of the cells/);
    expect(
      labelClusters(data, genes, Int32Array.of(0, 1, 2), table, { minDetected: 0 }).labels[2].reason,
    ).toMatch(/no marker set scores >= 1/);
    expect(r.typesWithoutMarkers).toEqual(['Ghost']);
    expect(r.missingMarkers).toEqual({ 'B cell': ['ABSENT1'], Ghost: ['ABSENT2'] });
  });

  test('two unrelated types too close: unassigned, naming both', () => {
    const genes = ['CD3D', 'CD3E', 'CD8A', 'MS4A1'];
    const data = csr([
      [2, 2, 0, 2],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    const r = labelClusters(data, genes, Int32Array.of(0, 1, 2), table);
    expect(r.labels[0].label).toBe(UNASSIGNED);
    expect(r.labels[0].reason).toMatch(/ambiguous: .*T cell.* vs B cell/);
  });

  test('no marker among the genes: TaceError', () => {
    expect(() => labelClusters(csr([[1], [2]]), ['X'], Int32Array.of(0, 1), table)).toThrow(/no marker gene/);
  });
});

describe('LIVER_IMMUNE_MARKERS', () => {
  test('equals signatures/liver-immune-markers.gmt; every type has a source with a DOI; no repeated gene in a type', () => {
    const entries = parseGmtEntries(readFileSync(join(signatures, 'liver-immune-markers.gmt'), 'utf8'));
    expect(entries.map((e) => [e.name, e.description, e.genes])).toEqual(
      LIVER_IMMUNE_MARKERS.map((t) => [t.name, t.refines ?? '-', [...t.markers]]),
    );
    for (const t of LIVER_IMMUNE_MARKERS) {
      expect(t.sources.length).toBeGreaterThan(0);
      for (const s of t.sources) expect(s).toMatch(/doi:10\./);
      expect(new Set(t.markers).size).toBe(t.markers.length);
    }
  });
});

describe('loessFit', () => {
  test('reproduces a quadratic exactly (degree 2, any span): the local fits are exact', () => {
    const x = Float64Array.from({ length: 40 }, (_, i) => i / 3);
    const y = x.map((v) => 1 + 2 * v - 0.5 * v * v);
    const fit = loessFit(x, y, { span: 0.3 });
    for (let i = 0; i < x.length; i++) expect(fit[i]).toBeCloseTo(y[i], 9);
  });
  test('refuses a span leaving too few points', () => {
    expect(() =>
      loessFit(Float64Array.of(1, 2, 3, 4, 5), Float64Array.of(1, 2, 3, 4, 5), { span: 0.2 }),
    ).toThrow(/span/);
  });
});
