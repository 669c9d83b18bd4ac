export type { ApplyCombatOptions, CombatModel, CombatOptions, CombatResult } from './combat.js';
export { applyCombat, combat } from './combat.js';
