/**
 * How many cases each hardening suite tries. The suites read their counts from here, and
 * `reliability-doc.test.ts` checks that the table in `docs/reliability.md` states the same numbers, so the
 * document always describes what the tests actually try.
 *
 * Per reader: `truncations` cuts the in-test seed at fixed offsets (header/record boundaries, +-1);
 * `mutations` are fast-check runs over the in-test seed (bit flips, wrong magic, spliced junk, header fields
 * set to huge/negative/zero values or wrong types, truncation anywhere; for text: ragged, deleted, duplicated,
 * hostile lines); `shared` are fast-check runs over a real file from `../shared/data` (skipped when absent).
 */
export const FUZZ_SEED = 20261126;

export interface ReaderCases {
  /** Row label in docs/reliability.md. */
  label: string;
  truncations: number;
  mutations: number;
  shared: number;
}

export const READER_CASES = {
  csv: { label: 'CSV / TSV (readTable)', truncations: 8, mutations: 200, shared: 100 },
  arrow: { label: 'Arrow IPC (readTable)', truncations: 8, mutations: 150, shared: 0 },
  parquet: { label: 'Parquet (readTable)', truncations: 8, mutations: 150, shared: 0 },
  nifti: { label: 'NIfTI-1/2 (readNifti, readImage)', truncations: 10, mutations: 200, shared: 60 },
  nrrd: { label: 'NRRD (readNrrd, readImage)', truncations: 10, mutations: 200, shared: 60 },
  dicom: { label: 'DICOM series (readDicomSeries)', truncations: 10, mutations: 150, shared: 20 },
  rtstruct: { label: 'DICOM RTSTRUCT (readRtstruct)', truncations: 10, mutations: 150, shared: 0 },
  h5ad: { label: 'AnnData .h5ad (readH5ad)', truncations: 10, mutations: 80, shared: 30 },
  gmt: { label: 'GMT gene sets (readGmt)', truncations: 8, mutations: 150, shared: 50 },
  parameters: {
    label: 'PyRadiomics parameter files (readParameterFile)',
    truncations: 8,
    mutations: 200,
    shared: 0,
  },
  manifest: { label: 'ONNX preprocessing manifest (loadModel)', truncations: 8, mutations: 60, shared: 0 },
  onnx: { label: 'ONNX model file (loadModel)', truncations: 8, mutations: 40, shared: 0 },
} as const satisfies Record<string, ReaderCases>;

/** Total cases of one reader. */
export function readerTotal(c: ReaderCases): number {
  return c.truncations + c.mutations + c.shared;
}
