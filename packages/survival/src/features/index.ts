export type { ApplyCombatOptions, CombatModel, CombatOptions, CombatResult } from './combat.js';
export { applyCombat, combat } from './combat.js';
export type { IccAgreement, IccOptions, IccResult, IccType } from './icc.js';
export { icc } from './icc.js';
