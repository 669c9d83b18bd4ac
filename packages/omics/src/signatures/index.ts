export type { MappedGeneSets, SymbolMapping } from './aliases.js';
export { mapSignatureSymbols, SIGNATURE_SYMBOL_ALIASES } from './aliases.js';
export { BUFFA_HYPOXIA } from './buffa.js';
export type { SignatureSource } from './bundled.js';
export { bundledSignatures, SIGNATURE_SOURCES } from './bundled.js';
export {
  HALLMARK_EPITHELIAL_MESENCHYMAL_TRANSITION,
  HALLMARK_GLYCOLYSIS,
  HALLMARK_HYPOXIA,
  HALLMARK_MYC_TARGETS_V1,
  HALLMARK_MYC_TARGETS_V2,
} from './hallmark.js';
export { CYTOLYTIC_ACTIVITY, CYTOTOXIC_T_CELLS } from './immune.js';
