export { choleskyDecompose, choleskyInverse, choleskySolve, solveSymmetric } from './cholesky.js';
export type { GroupInput } from './factor.js';
export { toFactor } from './factor.js';
export { FenwickTree } from './fenwick.js';
export { orderByTime } from './order.js';
export type { EventInput, NumericInput, OutcomeNames, SurvivalData } from './survival-data.js';
export { assertHasEvents, toSurvivalData } from './survival-data.js';
