import type { Command } from './command.js';
import { scoresClinicalCommand } from './scores-clinical.js';

/** Every `tace` sub-command, in the order `tace --help` lists them. */
export const COMMANDS: readonly Command[] = [scoresClinicalCommand];
