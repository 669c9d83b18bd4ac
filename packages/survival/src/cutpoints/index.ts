export { logRankScores } from './log-rank-scores.js';
export type { MaxstatOptions, MaxstatResult } from './maxstat-cutpoint.js';
export { lausen92, maxstatCutpoint } from './maxstat-cutpoint.js';
export type { ApplyCutpointsOptions } from './quantile-cutpoint.js';
export { applyCutpoints, quantileCutpoints } from './quantile-cutpoint.js';
