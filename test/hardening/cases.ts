/**
 * How many cases each hardening suite tries. The suites read their counts from here, and
 * `reliability-doc.test.ts` checks that the table in `docs/reliability.md` states the same numbers, so the
 * document always describes what the tests actually try.
 *
 * Per reader: `truncations` cuts the in-test seed at fixed offsets (header/record boundaries, +-1);
 * `mutations` are fast-check runs over the in-test seed (bit flips, wrong magic, spliced junk, header fields
 * set to huge/negative/zero values or wrong types, truncation anywhere; for text: ragged, deleted, duplicated,
 * hostile lines); `shared` are fast-check runs over a real file from `../shared/data` (skipped when absent);
 * `crafted` are hand-written hostile files.
 */
export const FUZZ_SEED = 20261126;

/** Wall-clock budget of one read of a small mutated file, in milliseconds (generous for 2 shared cores). */
export const READ_BUDGET_MS = 5_000;

export interface ReaderCases {
  /** Row label in docs/reliability.md. */
  label: string;
  truncations: number;
  mutations: number;
  shared: number;
  /** Hand-written hostile files (header lines with huge/negative sizes, alias bombs, non-model files). */
  crafted: number;
}

export const READER_CASES = {
  csv: { label: 'CSV / TSV (readTable)', truncations: 8, mutations: 200, shared: 100, crafted: 0 },
  arrow: { label: 'Arrow IPC (readTable)', truncations: 8, mutations: 150, shared: 0, crafted: 0 },
  parquet: { label: 'Parquet (readTable)', truncations: 8, mutations: 150, shared: 0, crafted: 0 },
  nifti: {
    label: 'NIfTI-1/2 (readNifti, readImage)',
    truncations: 10,
    mutations: 200,
    shared: 60,
    crafted: 3,
  },
  nrrd: { label: 'NRRD (readNrrd, readImage)', truncations: 10, mutations: 200, shared: 60, crafted: 14 },
  dicom: { label: 'DICOM series (readDicomSeries)', truncations: 10, mutations: 150, shared: 20, crafted: 3 },
  rtstruct: {
    label: 'DICOM RTSTRUCT (readRtstruct)',
    truncations: 10,
    mutations: 150,
    shared: 0,
    crafted: 0,
  },
  h5ad: { label: 'AnnData .h5ad (readH5ad)', truncations: 10, mutations: 80, shared: 30, crafted: 0 },
  gmt: { label: 'GMT gene sets (readGmt)', truncations: 8, mutations: 150, shared: 50, crafted: 0 },
  parameters: {
    label: 'PyRadiomics parameter files (readParameterFile)',
    truncations: 8,
    mutations: 200,
    shared: 0,
    crafted: 1,
  },
  manifest: {
    label: 'ONNX preprocessing manifest (loadModel)',
    truncations: 8,
    mutations: 60,
    shared: 0,
    crafted: 0,
  },
  onnx: { label: 'ONNX model file (loadModel)', truncations: 8, mutations: 40, shared: 0, crafted: 3 },
} as const satisfies Record<string, ReaderCases>;

/** Total cases of one reader. */
export function readerTotal(c: ReaderCases): number {
  return c.truncations + c.mutations + c.shared + c.crafted;
}

/** Adversarial numerical inputs: each has one defined outcome, asserted in `adversarial.test.ts`. */
export const ADVERSARIAL_CASES = [
  {
    id: 'cox-separation',
    input: 'coxph with complete separation (binary covariate, all early times exposed)',
    outcome: 'finite coefficient, warning "coefficient may be infinite" (as R)',
  },
  {
    id: 'cox-scale-1e8',
    input: 'coxph with a covariate of 1e8 scale',
    outcome: 'converges; same z and p as the covariate scaled to 1 (1e-6 relative)',
  },
  {
    id: 'cox-all-censored',
    input: 'coxph with every subject censored',
    outcome: 'EMPTY_INPUT naming the event column',
  },
  {
    id: 'cox-all-tied',
    input: 'coxph with every time tied (Efron and Breslow)',
    outcome: 'finite fit, no warning; Efron log-likelihood above Breslow',
  },
  {
    id: 'coxnet-p-gg-n',
    input: 'coxnet with p = 200 >> n = 20 and a duplicated column',
    outcome:
      'finite path; the duplicated pair gets equal coefficients (alpha 0.5; within 2%, the descent tolerance)',
  },
  {
    id: 'ssgsea-one-gene',
    input: 'scoreGeneSets (ssGSEA) with a one-gene set',
    outcome: 'finite scores and a warning "single gene" (as GSVA)',
  },
  {
    id: 'ssgsea-no-overlap',
    input: 'scoreGeneSets with no gene of any set in the data',
    outcome: 'EMPTY_INPUT naming the sets; with one good set, the other is reported unscored in coverage',
  },
  {
    id: 'cell-scores-zero',
    input: 'scoreGenes and aucell on all-zero cells',
    outcome:
      'scoreGenes: 0 (as scanpy); aucell: in [0, 1] from seeded random tie-breaking of the zeros (as AUCell), same seed same score, no diagnostic',
  },
  {
    id: 'radiomics-one-voxel',
    input: 'extractFeatures on a one-voxel ROI',
    outcome: 'EMPTY_INPUT naming the mask',
  },
  {
    id: 'radiomics-flat',
    input: 'extractFeatures on a flat (constant) ROI',
    outcome: 'every feature finite (PyRadiomics conventions for one grey level)',
  },
  {
    id: 'radiomics-nan',
    input: 'extractFeatures on an ROI containing NaN voxels',
    outcome: "MISSING_VALUE naming the count; with nanVoxels 'exclude', finite features",
  },
] as const;
