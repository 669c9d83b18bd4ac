export { coxDeviance } from './cox-deviance.js';
export type { CoxnetFit, CoxnetOptions } from './coxnet.js';
export { coxnet } from './coxnet.js';
export type { CvCoxnetOptions, CvCoxnetResult } from './cv-coxnet.js';
export { cvCoxnet } from './cv-coxnet.js';
export type { DesignInput, DesignMatrix } from './design-matrix.js';
export { toDesignMatrix } from './design-matrix.js';
export { coxnetPathPlot, cvCoxnetPlot } from './plots.js';
export { coxnetCoefficients, predictCoxnet } from './predict-coxnet.js';
