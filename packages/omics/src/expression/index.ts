export { expressionFromTable, readExpressionTable } from './from-table.js';
export type { GdcStarColumn, GdcStarOptions } from './gdc-star.js';
export { readGdcStarCounts, readSampleSheet } from './gdc-star.js';
export type { CollapsedMatrix, DuplicateRule } from './genes.js';
export { collapseDuplicateGenes, stripEnsemblVersion } from './genes.js';
export {
  expressionMatrix,
  expressionMatrixFromRows,
  geneRow,
  sampleColumn,
  subsetMatrix,
} from './matrix.js';
export type { LogTransformOptions } from './normalize.js';
export { log2Cpm, log2Tpm, looksLogged } from './normalize.js';
export type { MatrixOrientation, ReadExpressionOptions } from './read-matrix.js';
export { detectOrientation, parseExpressionMatrix, readExpressionMatrix } from './read-matrix.js';
export type { TcgaBarcode } from './tcga-barcode.js';
export { parseTcgaBarcode } from './tcga-barcode.js';
export type { ExpressionMatrix } from './types.js';
export { cbioportalStatus, readCbioportalClinical, readXenaMatrix } from './xena-cbioportal.js';
