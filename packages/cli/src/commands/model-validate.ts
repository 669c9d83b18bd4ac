import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProgressBar, readTable, TaceError, writeFileAtomic, writeTable } from '@tace/core';
import { validateModels } from '@tace/survival';
import { parseCommandArguments, parseSeed, parseShard } from './arguments.js';
import { type Command, EXIT } from './command.js';
import { canonicalJson, checkPartSettings, outputSettings, writeOutputSettings } from './fingerprint.js';
import { listPartFiles } from './merge.js';
import { loadBundleModels, readModelBundle } from './model-bundle.js';
import { listOption } from './model-fit.js';
import { prepareOutputs } from './outputs.js';
import { shardPartPath } from './radiomics-extract.js';
import {
  applyBootstrap,
  bootstrapReplicates,
  bootstrapTasks,
  concatReplicates,
  replicateBlock,
} from './sharded-bootstrap.js';
import { checkOutcome, parseNumberList, studyCohorts } from './study-cohorts.js';

export const modelValidateCommand: Command = {
  path: ['model', 'validate'],
  summary:
    'Validate a model bundle on every cohort (C-index with bootstrap CIs, td-AUC, IBS, ...); shardable',
  help: `Usage: tace model validate --bundle <dir> --data <table> --out <dir> [options]

Re-loads the models of tace model fit, scores the data (signatures, fusions) and validates every model on
every cohort with validateModels: Harrell's and Uno's C with percentile bootstrap CIs, td-AUC at --times,
integrated Brier score, calibration error, log-rank p and hazard ratio of risk groups cut on the training
cohort, and each model against the CRM (Kang's C difference, paired bootstrap difference and p).

The bootstrap is splittable: replicate b of a target (model x cohort, or model pair x cohort) draws its
resample from its own generator, seeded with FNV-1a("seed|cohort|model|b"). A sharded run computes the
replicates block [floor((i-1)R/n), floor(iR/n)) and writes its per-replicate statistics as
validate-part-<i>-of-<n>.arrow (with a settings record beside it: the fingerprint of the bundle, the data
file, --times, --replicates and --seed); --merge-parts combines them into the same table as one process,
byte for byte, and refuses parts whose fingerprints differ.

Writes into --out: validation.csv and validation.arrow (model, cohort, metric, estimate, lower, upper, n),
cutpoints.json (risk-group cut-points of each model's linear predictor, fitted on training) and
validation-settings.json (times, cut-point method, subgroups, replicates, seed: read by tace report).

Options:
  --bundle <dir>          folder written by tace model fit (or its model-bundle.json)     (required)
  --data <table>          one row per patient with the outcome, cohort, features and covariates the
                          models use (usually the table given to tace model fit)         (required)
  --out <dir>             output folder; with --shard, the folder receiving the part files (required)
  --cohort-column <col>   cohort column (default: the bundle's)
  --training <value>      training cohort value (default: the bundle's)
  --internal <values>     internal validation cohort values (default: the bundle's)
  --times <t,...>         td-AUC times, in the time unit (default: 12,24,36); Uno's C is truncated at
                          the largest, calibration is at the second
  --cutpoint <method>     risk groups: maxstat, median or tertiles (default: maxstat)
  --subgroups <cols>      columns whose levels get their own risk-group log-rank test (default: none)
  --replicates <R>        bootstrap replicates, at least 10 (default: 1000)
  --seed <int>            bootstrap seed (default: 2026)
  --shard <i/n>           compute only replicate block i of n and write a part file; defaults to
                          SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT when set
  --merge-parts <dir>     combine the part files in <dir> (seed and replicates are read from them)

Examples:
  tace model validate --bundle models/ --data study.csv --out validation/ --replicates 1000
  # as a Slurm array of 4 tasks, then one merge job:
  tace model validate --bundle models/ --data study.csv --out parts/ --shard \${SLURM_ARRAY_TASK_ID}/4
  tace model validate --bundle models/ --data study.csv --out validation/ --merge-parts parts/`,
  async run(args) {
    const { values } = parseCommandArguments(args, {
      bundle: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      'cohort-column': { type: 'string' },
      training: { type: 'string' },
      internal: { type: 'string' },
      times: { type: 'string' },
      cutpoint: { type: 'string' },
      subgroups: { type: 'string' },
      replicates: { type: 'string' },
      seed: { type: 'string' },
      shard: { type: 'string' },
      'merge-parts': { type: 'string' },
    });
    for (const required of ['bundle', 'data', 'out'] as const) {
      if (values[required] === undefined) {
        throw new TaceError('INVALID_ARGUMENT', `--${required} is required`, {
          param: `--${required}`,
          remedy: 'see tace model validate --help',
        });
      }
    }
    const replicates = Number(values.replicates ?? 1000);
    if (!Number.isInteger(replicates) || replicates < 10) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `--replicates must be an integer >= 10, but was '${values.replicates}'`,
        {
          param: '--replicates',
        },
      );
    }
    const cutpoint = values.cutpoint ?? 'maxstat';
    if (cutpoint !== 'maxstat' && cutpoint !== 'median' && cutpoint !== 'tertiles') {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `--cutpoint must be maxstat, median or tertiles, but was '${cutpoint}'`,
        {
          param: '--cutpoint',
        },
      );
    }
    const merging = values['merge-parts'];
    const shard = merging === undefined ? parseShard(values.shard) : null;
    if (merging !== undefined && values.shard !== undefined) {
      throw new TaceError('INVALID_ARGUMENT', '--shard and --merge-parts cannot be combined', {
        param: '--shard',
        remedy: 'run the shards first, then one merge',
      });
    }
    const times = parseNumberList(values.times, [12, 24, 36], '--times');
    const outDir = values.out!;
    prepareOutputs([{ option: '--out', path: outDir, kind: 'directory' }]);
    const bundle = readModelBundle(values.bundle!);
    const data = readTable(values.data!);
    checkOutcome(data, bundle.time, bundle.event);
    const { models, table } = loadBundleModels(bundle, data);
    const cohorts = studyCohorts(table, {
      column: values['cohort-column'] ?? bundle.cohortColumn,
      training: values.training ?? bundle.trainingCohort,
      internal: values.internal === undefined ? bundle.internalCohorts : listOption(values.internal),
    });
    const reference = models[0].name;
    let seed = parseSeed(values.seed);
    const validation = validateModels(cohorts, models, {
      time: bundle.time,
      event: bundle.event,
      times,
      cutpoint,
      subgroups: listOption(values.subgroups),
      reference,
      // Point estimates only: the CIs come from the splittable bootstrap below.
      bootstrapReplicates: 10,
      random: seed,
    });
    const tasks = bootstrapTasks(validation, cohorts, reference, bundle.time, bundle.event);
    const tau = Math.max(...times);
    let replicateTable: ReturnType<typeof bootstrapReplicates>;
    let replicateCount = replicates;
    if (merging !== undefined) {
      const files = listPartFiles([merging]);
      if (files.length === 0) {
        throw new TaceError('EMPTY_INPUT', `no part files (validate-part-<i>-of-<n>.arrow) in ${merging}`, {
          param: '--merge-parts',
          remedy: 'pass the --out folder of the sharded runs',
        });
      }
      checkPartSettings(files);
      const merged = concatReplicates(files.map((file) => ({ name: file, table: readTable(file) })));
      if (values.seed !== undefined && merged.seed !== seed) {
        throw new TaceError(
          'INVALID_ARGUMENT',
          `--seed ${seed} differs from the parts' seed ${merged.seed}`,
          {
            param: '--seed',
            remedy: 'omit --seed when merging (it is read from the parts)',
          },
        );
      }
      seed = merged.seed;
      replicateCount = merged.replicates;
      replicateTable = merged.table;
      console.error(`${merging}: ${files.length} parts, ${replicateCount} replicates, seed ${seed}`);
    } else {
      const block = replicateBlock(replicates, shard);
      const bar = createProgressBar();
      replicateTable = bootstrapReplicates(tasks, block, { seed, replicates, tau, onProgress: bar.update });
      bar.finish();
      if (shard !== null) {
        const part = shardPartPath(outDir, 'validate', shard);
        writeTable(replicateTable, part);
        writeOutputSettings(
          part,
          outputSettings(
            'model validate',
            {
              bundleSha256: createHash('sha256').update(canonicalJson(bundle)).digest('hex'),
              dataSha256: createHash('sha256').update(readFileSync(values.data!)).digest('hex'),
              times,
              replicates,
              seed,
              cohorts: [values['cohort-column'], values.training, values.internal],
            },
            'bootstrap-1',
          ),
        );
        console.error(
          `${part}: replicates ${block.start}..${block.end - 1} of ${replicates} for ${tasks.length} targets; ` +
            `merge with --merge-parts ${outDir}`,
        );
        return EXIT.ok;
      }
    }
    const rows = applyBootstrap(validation.rows, replicateTable, replicateCount);
    // toTable() reads validation.rows: replace its contents with the rows carrying the sharded CIs.
    validation.rows.splice(0, validation.rows.length, ...rows);
    const result = validation.toTable();
    writeTable(result, join(outDir, 'validation.csv'));
    writeTable(result, join(outDir, 'validation.arrow'));
    writeFileAtomic(join(outDir, 'cutpoints.json'), `${JSON.stringify(validation.cutpoints, null, 2)}\n`);
    const settings = {
      times,
      cutpoint,
      subgroups: listOption(values.subgroups),
      replicates: replicateCount,
      seed,
    };
    writeFileAtomic(join(outDir, 'validation-settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
    for (const row of rows.filter((r) => r.metric === 'harrell_c')) {
      console.error(
        `${row.model.padEnd(14)} ${row.cohort.padEnd(10)} C = ${row.estimate.toFixed(3)} (${row.lower.toFixed(3)}-${row.upper.toFixed(3)}), n = ${row.n}`,
      );
    }
    console.error(
      `${outDir}: validation.csv, validation.arrow, cutpoints.json, validation-settings.json (${replicateCount} bootstrap replicates)`,
    );
    return EXIT.ok;
  },
};
