import { quantile, TaceError } from '@tace/core';
import { namedExpression } from './matrix.js';
import type { ExpressionMatrix } from './types.js';

/**
 * Whether expression values already look log-transformed, by the rule of NCBI GEO2R: with q the 0, 25, 99
 * and 100 % quantiles of all non-missing values, data are on a linear scale (need logging) when
 * q99 > 100, or when q100 - q0 > 50 and q25 > 0. Otherwise they look logged.
 * @example looksLogged(log2CpmMatrix) // true
 */
export function looksLogged(matrix: ExpressionMatrix): boolean {
  const present = matrix.data.filter((v) => !Number.isNaN(v));
  if (present.length === 0) return false;
  const [q0, q25, q99, q100] = quantile(present, [0, 0.25, 0.99, 1]);
  const linear = q99 > 100 || (q100 - q0 > 50 && q25 > 0);
  return !linear;
}

/** Options of {@link log2Cpm} and {@link log2Tpm}. */
export interface LogTransformOptions {
  /**
   * Pseudo-count added before log2 (R: `log2(cpm + 1)`).
   * @default 1
   */
  prior?: number;
  /**
   * Called with a message when the input already looks logged ({@link looksLogged}); the transform still runs.
   * @default console.warn
   */
  warn?: (message: string) => void;
}

function checkCounts(matrix: ExpressionMatrix, what: string): void {
  for (let i = 0; i < matrix.data.length; i++) {
    const v = matrix.data[i];
    if (!(v >= 0)) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `${what} must be non-negative and not missing, but found ${v}`,
        {
          param: 'matrix.data',
          remedy: 'pass raw counts (or TPM) before any log transform',
        },
      );
    }
  }
}

function warnIfLogged(matrix: ExpressionMatrix, options: LogTransformOptions, name: string): void {
  if (looksLogged(matrix)) {
    (options.warn ?? console.warn)(
      `${name}: the input looks already log-transformed (GEO2R rule); logging it again is probably wrong`,
    );
  }
}

/**
 * log2(CPM + prior) per sample: CPM = count / library size * 1e6, library size = the sample's column sum
 * (edgeR `cpm(x, log = FALSE)` without normalisation factors, then log2(. + 1)).
 * @throws {TaceError} `INVALID_ARGUMENT` for negative or missing counts.
 * @example log2Cpm(counts).data // log2(CPM + 1), column-major
 */
export function log2Cpm(matrix: ExpressionMatrix, options: LogTransformOptions = {}): ExpressionMatrix {
  checkCounts(matrix, 'counts');
  warnIfLogged(matrix, options, 'log2Cpm');
  return perSampleScaledLog(matrix, 1e6, options.prior ?? 1);
}

/**
 * log2(TPM + prior). With `lengths` (gene lengths in bases, one per gene) counts are first divided by length
 * (reads per base) and rescaled to sum to 1e6 per sample (Wagner et al. 2012); without `lengths` the input
 * is taken to be TPM already (e.g. GDC `tpm_unstranded`) and is only logged.
 * @throws {TaceError} `INVALID_ARGUMENT` for negative values or non-positive lengths; `LENGTH_MISMATCH`.
 * @example log2Tpm(tpmMatrix) // log2(TPM + 1)
 */
export function log2Tpm(
  matrix: ExpressionMatrix,
  lengths: ArrayLike<number> | null = null,
  options: LogTransformOptions = {},
): ExpressionMatrix {
  checkCounts(matrix, 'TPM or counts');
  warnIfLogged(matrix, options, 'log2Tpm');
  const prior = options.prior ?? 1;
  if (lengths === null) {
    return namedExpression(
      matrix.genes,
      matrix.samples,
      matrix.data.map((v) => Math.log2(v + prior)),
    );
  }
  const nGenes = matrix.genes.length;
  if (lengths.length !== nGenes) {
    throw new TaceError('LENGTH_MISMATCH', `lengths has ${lengths.length} values for ${nGenes} genes`, {
      param: 'lengths',
    });
  }
  const perBase = new Float64Array(matrix.data.length);
  for (let i = 0; i < perBase.length; i++) {
    const len = lengths[i % nGenes];
    if (!(len > 0)) {
      throw new TaceError('INVALID_ARGUMENT', `gene length must be positive, but was ${len}`, {
        param: 'lengths',
      });
    }
    perBase[i] = matrix.data[i] / len;
  }
  return perSampleScaledLog(namedExpression(matrix.genes, matrix.samples, perBase), 1e6, prior);
}

function perSampleScaledLog(matrix: ExpressionMatrix, total: number, prior: number): ExpressionMatrix {
  const nGenes = matrix.genes.length;
  const nSamples = matrix.samples.length;
  const out = new Float64Array(matrix.data.length);
  for (let s = 0; s < nSamples; s++) {
    let sum = 0;
    for (let g = 0; g < nGenes; g++) sum += matrix.data[s * nGenes + g];
    const scale = sum > 0 ? total / sum : 0;
    for (let g = 0; g < nGenes; g++)
      out[s * nGenes + g] = Math.log2(matrix.data[s * nGenes + g] * scale + prior);
  }
  return namedExpression(matrix.genes, matrix.samples, out);
}
