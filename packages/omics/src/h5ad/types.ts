/** A numeric obs/var column read as stored (`int64` is widened to `Float64Array`, exact below 2^53). */
export interface NumericColumn {
  kind: 'numeric';
  /** The stored HDF5 type, e.g. `'float32'`, `'int64'`. */
  dtype: string;
  values:
    | Float64Array
    | Float32Array
    | Int32Array
    | Int16Array
    | Int8Array
    | Uint8Array
    | Uint16Array
    | Uint32Array;
}

/** A boolean column (numpy `bool`); 1 = true. */
export interface BooleanColumn {
  kind: 'boolean';
  values: Uint8Array;
}

/** A string column (`string-array` or legacy fixed-length strings). */
export interface StringColumn {
  kind: 'string';
  values: string[];
}

/**
 * A pandas categorical: `codes[i]` indexes `categories`; code -1 means missing (pandas `NaN`).
 */
export interface CategoricalColumn {
  kind: 'categorical';
  codes: Int32Array;
  categories: (string | number)[];
  ordered: boolean;
}

/**
 * A pandas nullable column (`Int64`/`boolean` extension arrays, AnnData `nullable-integer` / `nullable-boolean`):
 * `mask[i] === 1` marks a missing value, whose entry in `values` is meaningless.
 */
export interface NullableColumn {
  kind: 'nullable-integer' | 'nullable-boolean';
  values: Float64Array | Uint8Array;
  mask: Uint8Array;
}

/** One obs or var column. */
export type Column = NumericColumn | BooleanColumn | StringColumn | CategoricalColumn | NullableColumn;

/** A pandas DataFrame as AnnData stores it: string index, ordered columns. */
export interface DataFrame {
  /** Row names (`obs_names` / `var_names`). */
  index: string[];
  /** Column names in stored order (`column-order`). */
  columnOrder: string[];
  columns: Record<string, Column>;
}

/**
 * A dense matrix as AnnData stores it (numpy array, anndata encoding `array`): **row-major** (C order),
 * `shape = [rows, cols]`, entry (i, j) at `data[i * cols + j]`; float32 kept as stored (scanpy's float32
 * arithmetic is reproduced), integer storage widened to `Float64Array`. Not a core `DenseMatrix`
 * (column-major, float64): this is the file's storage layout, as {@link SparseMatrix} is.
 */
export interface DenseArray {
  format: 'dense';
  shape: [number, number];
  data: Float32Array | Float64Array;
}

/**
 * Compressed sparse row (`format: 'csr'`, rows = cells) or column (`'csc'`) matrix, as scipy stores it.
 * `indptr` is a `Float64Array` so that 64-bit offsets stay exact up to 2^53 non-zeros.
 */
export interface SparseMatrix {
  format: 'csr' | 'csc';
  shape: [number, number];
  indptr: Float64Array;
  indices: Int32Array;
  data: Float32Array | Float64Array;
}

/** Any matrix read from an h5ad file, in its stored encoding (cells x genes for X, layers and raw). */
export type AnnDataMatrix = DenseArray | SparseMatrix;

/** The `raw` slot: the unfiltered matrix and its genes. */
export interface AnnDataRaw {
  X: AnnDataMatrix;
  var: DataFrame;
}

/** A value of `uns` this reader keeps: scalars, small 1-D arrays, and nested dictionaries of them. */
export type UnsValue = string | number | boolean | string[] | number[] | { [key: string]: UnsValue };

/** The on-disk layout an h5ad file was written with. */
export type H5adEncoding = 'anndata-0.8' | 'anndata-0.7' | 'legacy';

/** An AnnData object as read by {@link readH5ad}: cells (obs) x genes (var). */
export interface AnnData {
  /** `[nObs, nVars]` (after gene selection, if any). */
  shape: [number, number];
  obs: DataFrame;
  var: DataFrame;
  /** `null` when not requested or absent. */
  X: AnnDataMatrix | null;
  layers: Record<string, AnnDataMatrix>;
  raw: AnnDataRaw | null;
  /** Dense obs-level arrays (`X_pca`, `X_umap`, ...), row-major `nObs x k`. */
  obsm: Record<string, DenseArray>;
  /** Dense var-level arrays (e.g. scanpy's `PCs` loadings), row-major `nVars x k`. */
  varm: Record<string, DenseArray>;
  /** Cell x cell matrices (neighbour `distances`, `connectivities`, ...): CSR, CSC or dense, as stored. */
  obsp: Record<string, AnnDataMatrix>;
  /** Gene x gene matrices, as stored. */
  varp: Record<string, AnnDataMatrix>;
  /**
   * Entries of `obsm` and `varm` that are not dense arrays (sparse matrices, dataframes), keyed by path
   * (`'obsm/protein'`, `'varm/markers'`); the dense ones are in `obsm` and `varm`.
   */
  axisElements: Record<string, SparseMatrix | DataFrame>;
  uns: Record<string, UnsValue>;
  /** Layout detected: AnnData >= 0.8 (`encoding-type` 0.2.0 dataframes), 0.7 (`__categories`), or legacy. */
  encoding: H5adEncoding;
  /** HDF5 paths present in the file but not read (rec-arrays, nested uns dictionaries, ...), for transparency. */
  skipped: string[];
}

/** What an `obsm`/`varm`/`obsp`/`varp`/`layers` entry can hold: a dense 2-D array, a CSR/CSC matrix or a dataframe. */
export type AnnDataElement = AnnDataMatrix | DataFrame;
