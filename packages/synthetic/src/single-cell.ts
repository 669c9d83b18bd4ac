import { type RandomSource, type Rng, randomNormal, toRng } from '@tace/core';

/**
 * Cell types of the synthetic tumor single-cell data, with their marker genes.
 * @example const cd8Markers = SYNTHETIC_CELL_TYPES['CD8 T']; // ['CD3D', 'CD3E', 'CD8A', 'CD8B']
 */
export const SYNTHETIC_CELL_TYPES: Readonly<Record<string, readonly string[]>> = {
  'CD8 T': ['CD3D', 'CD3E', 'CD8A', 'CD8B'],
  'CD4 T': ['CD3D', 'CD3E', 'CD4', 'IL7R'],
  NK: ['NCAM1', 'KLRD1', 'FCGR3A'],
  Macrophage: ['CD68', 'CD163', 'LYZ'],
  'Tumour cell': ['ALB', 'APOA1', 'GPC3'],
  Endothelial: ['PECAM1', 'VWF'],
  Fibroblast: ['COL1A1', 'ACTA2'],
};

/**
 * Cytotoxic effector genes expressed by CD8 T and NK cells.
 * @example const cytotoxic = { CYTOTOXIC: [...CYTOTOXIC_GENES] }; // a gene set
 */
export const CYTOTOXIC_GENES = ['GZMA', 'GZMB', 'GZMH', 'PRF1', 'NKG7', 'GNLY'] as const;

/** Synthetic single-cell counts in CSR form (cells x genes) with the cells' metadata. */
export interface SyntheticSingleCell {
  genes: string[];
  cells: string[];
  patient: string[];
  cellType: string[];
  /** CSR of raw counts: row pointers (length cells + 1), gene indices, counts. */
  indptr: Int32Array;
  indices: Int32Array;
  data: Float32Array;
}

/** Options of {@link syntheticSingleCell}. */
export interface SyntheticSingleCellOptions {
  /** A seed or an {@link Rng}. @default 11 */
  seed?: RandomSource;
  /** Cells drawn per patient. @default 200 */
  cellsPerPatient?: number;
  /** Background genes (`BG0001`, ...) after the marker, cytotoxic and hypoxia genes. @default 300 */
  background?: number;
}

/**
 * Synthetic tumor single-cell RNA counts for the given patients (`cellsPerPatient` cells each): seven cell
 * types with markers; a hypoxia program up by `0.5 x aggressiveness` (log scale) in every cell type; the
 * cytotoxic genes expressed by CD8 T and NK cells and down by `0.45 x aggressiveness` there. Counts are
 * Poisson around `exp(mean)` with a log-normal library size. Deterministic for a seed.
 *
 * @example
 * ```ts
 * const patients = syntheticClinicalCohort({ seed: 1 }).slice(0, 4);
 * const cells = syntheticSingleCell(patients, ['VEGFA', 'CA9'], { cellsPerPatient: 50 });
 * ```
 */
export function syntheticSingleCell(
  patients: readonly { id: string; aggressiveness: number }[],
  hypoxiaGenes: readonly string[],
  options: SyntheticSingleCellOptions = {},
): SyntheticSingleCell {
  const rng = toRng(options.seed ?? 11);
  const cellsPerPatient = options.cellsPerPatient ?? 200;
  const geneIndex = new Map<string, number>();
  const add = (g: string) => {
    if (!geneIndex.has(g)) geneIndex.set(g, geneIndex.size);
  };
  for (const markers of Object.values(SYNTHETIC_CELL_TYPES)) markers.forEach(add);
  CYTOTOXIC_GENES.forEach(add);
  hypoxiaGenes.forEach(add);
  for (let b = 1; b <= (options.background ?? 300); b++) add(`BG${String(b).padStart(4, '0')}`);
  const genes = [...geneIndex.keys()];
  const base = new Float64Array(genes.length);
  for (let g = 0; g < genes.length; g++) base[g] = -2.2 + 0.8 * randomNormal(rng);
  const hypoxia = new Set(hypoxiaGenes.map((g) => geneIndex.get(g)!));
  const cytotoxic = new Set(CYTOTOXIC_GENES.map((g) => geneIndex.get(g)!));
  const types = Object.keys(SYNTHETIC_CELL_TYPES);
  const typeWeights = [0.18, 0.14, 0.06, 0.14, 0.3, 0.1, 0.08];
  const cells: string[] = [];
  const patientOf: string[] = [];
  const cellType: string[] = [];
  const indptr: number[] = [0];
  const indices: number[] = [];
  const data: number[] = [];
  const mean = new Float64Array(genes.length);
  for (const patient of patients) {
    for (let c = 0; c < cellsPerPatient; c++) {
      const type = types[pick(rng, typeWeights)];
      const markers = new Set(SYNTHETIC_CELL_TYPES[type].map((g) => geneIndex.get(g)!));
      const effector = type === 'CD8 T' || type === 'NK';
      const library = Math.exp(0.3 * randomNormal(rng));
      for (let g = 0; g < genes.length; g++) {
        let m = base[g];
        if (markers.has(g)) m += 3;
        if (hypoxia.has(g)) m += 0.5 * patient.aggressiveness + 0.5;
        if (cytotoxic.has(g)) m += effector ? 2.5 - 0.45 * patient.aggressiveness : -1;
        mean[g] = Math.exp(m) * library;
      }
      for (let g = 0; g < genes.length; g++) {
        const count = poisson(rng, mean[g]);
        if (count > 0) {
          indices.push(g);
          data.push(count);
        }
      }
      indptr.push(indices.length);
      cells.push(`${patient.id}-cell${String(c + 1).padStart(4, '0')}`);
      patientOf.push(patient.id);
      cellType.push(type);
    }
  }
  return {
    genes,
    cells,
    patient: patientOf,
    cellType,
    indptr: Int32Array.from(indptr),
    indices: Int32Array.from(indices),
    data: Float32Array.from(data),
  };
}

function pick(rng: Rng, weights: readonly number[]): number {
  let u = rng.nextFloat();
  for (let i = 0; i < weights.length - 1; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

function poisson(rng: Rng, mean: number): number {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * randomNormal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.nextFloat();
  while (p > limit) {
    k++;
    p *= rng.nextFloat();
  }
  return k;
}
