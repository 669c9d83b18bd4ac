export type { CoxnetFit, CoxnetOptions } from './coxnet.js';
export { coxnet } from './coxnet.js';
export type { DesignInput, DesignMatrix } from './design-matrix.js';
export { toDesignMatrix } from './design-matrix.js';
export { coxnetCoefficients, predictCoxnet } from './predict-coxnet.js';
