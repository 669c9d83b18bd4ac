import { join } from 'node:path';
import { createProgressBar } from '@tace/core';
import { runDemo } from '../demo/run-demo.js';
import { parseCommandArguments, parseSeed, parseThreads } from './arguments.js';
import { type Command, EXIT } from './command.js';
import { prepareOutputs } from './outputs.js';

export const demoCommand: Command = {
  path: ['demo'],
  summary: 'Run the whole study on the embedded synthetic multicentre cohort and write report.html',
  help: `Usage: tace demo [--out <dir>] [--seed <int>] [--threads <n>] [--patients a,b,c] [--replicates <n>]

Generates a seeded synthetic three-centre TACE cohort (arterial + portal-venous CT with tumour masks,
clinical variables, survival), then runs the paper end to end: radiomics (PyRadiomics-compatible, both
phases) and deep features (the shipped ONNX CNN trained on synthetic tumours, and its random-feature
comparator) -> rad-score and DL score (LASSO-Cox) -> early and late fusion -> clinical-radiologic model
(backward AIC) and nomogram -> validation in the internal and two
external cohorts against BCLC, Child-Pugh, ALBI, HAP, mHAP-II, six-and-twelve, up-to-seven, TBS, CLIP
and Okuda -> risk-group biology on synthetic bulk and single-cell expression. Writes report.html,
figures/ (SVG + PNG) and tables/ (CSV + Arrow). About 2-3 minutes on 2 cores.

Options:
  --out <dir>          output folder (default out/demo)
  --seed <int>         seed of the data, cross-validation and bootstrap (default 2026)
  --threads <n>        worker threads (default 2)
  --patients <a,b,c>   patients per centre (default 200,80,80)
  --replicates <n>     bootstrap replicates for the C-index CIs (default 200)

Example:
  tace demo --out out/demo`,
  async run(args) {
    const { values } = parseCommandArguments(args, {
      out: { type: 'string' },
      seed: { type: 'string' },
      threads: { type: 'string' },
      patients: { type: 'string' },
      replicates: { type: 'string' },
    });
    const counts =
      values.patients === undefined
        ? undefined
        : (values.patients.split(',').map(Number) as [number, number, number]);
    const threads = parseThreads(values.threads, 2);
    prepareOutputs([{ option: '--out', path: values.out ?? join('out', 'demo'), kind: 'directory' }]);
    const bar = createProgressBar();
    const started = Date.now();
    const report = await runDemo({
      out: values.out,
      seed: parseSeed(values.seed),
      threads,
      patientsPerCenter: counts,
      bootstrapReplicates: values.replicates === undefined ? undefined : Number(values.replicates),
      onProgress: bar.update,
      log: (line) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`),
    });
    bar.finish();
    console.error(`done in ${((Date.now() - started) / 1000).toFixed(0)} s: open ${report}`);
    return EXIT.ok;
  },
};
