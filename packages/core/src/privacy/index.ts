export type { PseudonymizeOptions } from './pseudonymize.js';
export { pseudonymize, pseudonymizeColumn } from './pseudonymize.js';
