import type { Command } from './command.js';
import { demoCommand } from './demo.js';
import { dlCropsCommand } from './dl-crops.js';
import { dlEmbedCommand } from './dl-embed.js';
import { mergeCommand } from './merge.js';
import { modelFitCommand } from './model-fit.js';
import { modelValidateCommand } from './model-validate.js';
import { omicsScoreCommand } from './omics-score.js';
import { omicsTmeCommand } from './omics-tme.js';
import { radiomicsExtractCommand } from './radiomics-extract.js';
import { reportCommand } from './report.js';
import { scAnnotateCommand } from './sc-annotate.js';
import { scCompareCommand } from './sc-compare.js';
import { scScoreCommand } from './sc-score.js';
import { scoresClinicalCommand } from './scores-clinical.js';
import { synthCommand } from './synth.js';

/** Every `tace` sub-command, in the order `tace --help` lists them. */
export const COMMANDS: readonly Command[] = [
  demoCommand,
  synthCommand,
  radiomicsExtractCommand,
  mergeCommand,
  scoresClinicalCommand,
  dlEmbedCommand,
  dlCropsCommand,
  modelFitCommand,
  modelValidateCommand,
  omicsScoreCommand,
  omicsTmeCommand,
  scScoreCommand,
  scCompareCommand,
  scAnnotateCommand,
  reportCommand,
];
