export type { GroupComparison } from './compare-groups.js';
export { comparisonTable } from './comparison-table.js';
export type { DifferentialExpression } from './differential-expression.js';
export type { GroupChoice } from './group-labels.js';
export type { GroupColumns } from './group-table.js';
export type { PrerankedGseaOptions, PrerankedGseaResult } from './preranked-gsea.js';
export { prerankedGsea } from './preranked-gsea.js';
export { compareGroups, differentialExpression } from './tables.js';
