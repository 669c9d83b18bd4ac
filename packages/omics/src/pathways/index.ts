export type { ProgenyModelRow, ProgenyOptions } from './progeny.js';
export { PROGENY_MAX_TOP, PROGENY_PATHWAYS, progeny, progenyModel } from './progeny.js';
