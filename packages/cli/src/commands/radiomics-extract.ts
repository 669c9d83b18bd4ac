import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createProgressBar, pseudonymize, TaceError } from '@tace/core';
import { extractCohort, type ManifestRow, readManifest, readParameterFile } from '@tace/imaging';
import { selectShard } from '../sharding/partition.js';
import { parseCommandArguments, parseShard, parseThreads } from './arguments.js';
import { type Command, EXIT } from './command.js';
import { checkResume, outputSettings, writeOutputSettings } from './fingerprint.js';
import { prepareOutputs } from './outputs.js';

/** The part file a shard writes into `outDir`. */
export function shardPartPath(
  outDir: string,
  prefix: string,
  shard: { index: number; count: number },
): string {
  return join(
    outDir,
    `${prefix}-part-${String(shard.index).padStart(4, '0')}-of-${String(shard.count).padStart(4, '0')}.arrow`,
  );
}

/** Rows of a manifest in one shard (all phases of a patient together). */
export function shardManifest(
  rows: readonly ManifestRow[],
  shard: { index: number; count: number } | null,
): ManifestRow[] {
  if (shard === null) return [...rows];
  return selectShard(
    rows.map((r) => r.patientId),
    shard,
  ).map((i) => rows[i]);
}

export const radiomicsExtractCommand: Command = {
  path: ['radiomics', 'extract'],
  summary: 'Extract PyRadiomics-compatible features for a cohort manifest (parallel, resumable, shardable)',
  help: `Usage: tace radiomics extract --manifest <csv> --out <path> [options]

Reads a manifest (columns patient_id, phase, image, mask, optional label; paths relative to the manifest)
and writes one row per patient and phase: patient_id, phase, error ('' when fine), then the features
named as PyRadiomics (original_firstorder_Mean, ...). A patient that fails gets its message in the error
column; the run continues.

Options:
  --manifest <csv>    cohort manifest                                                   (required)
  --params <file>     PyRadiomics parameter file (YAML or JSON); default: PyRadiomics defaults
  --out <path>        output table (.csv/.tsv/.arrow/.parquet); with --shard, a directory that
                      receives radiomics-part-<i>-of-<n>.arrow                          (required)
  --threads <n>       worker threads (default: available cores)
  --shard <i/n>       process only shard i of n (patients partitioned by a stable hash of the
                      id); defaults to SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT when set
  --resume            skip rows already extracted without error in --out; refused when --out was
                      computed with other settings (its <out>.settings.json records the fingerprint of
                      the parsed parameters, the toolkit version and the feature-code version)
  --force             recompute every row, replacing --out (and its settings record)
  --pseudonymize      write HMAC-SHA256 pseudonyms (anon-<16 hex>) instead of patient ids, keyed by the
                      secret in the environment variable TACE_PSEUDONYM_KEY (>= 16 bytes); the same key
                      gives the same pseudonyms, so --resume works; not with --shard

Every output gets a settings record beside it (<out>.settings.json; for shards, beside each part), and
tace merge refuses parts whose fingerprints differ.

Merge shard outputs with: tace merge --manifest <csv> --out <table> <part files or directory>

Example:
  tace radiomics extract --manifest cohort.csv --params params.yaml --out features.parquet --threads 2`,
  async run(args) {
    const { values } = parseCommandArguments(args, {
      manifest: { type: 'string' },
      params: { type: 'string' },
      out: { type: 'string' },
      threads: { type: 'string' },
      shard: { type: 'string' },
      resume: { type: 'boolean' },
      force: { type: 'boolean' },
      pseudonymize: { type: 'boolean' },
    });
    if (values.manifest === undefined || values.out === undefined) {
      throw new TaceError('INVALID_ARGUMENT', '--manifest and --out are required', { param: '--manifest' });
    }
    const shard = parseShard(values.shard);
    const threads = parseThreads(values.threads, availableParallelism());
    prepareOutputs([{ option: '--out', path: values.out, kind: shard === null ? 'file' : 'directory' }]);
    let rows = shardManifest(readManifest(values.manifest), shard);
    if (values.pseudonymize === true) {
      const key = process.env.TACE_PSEUDONYM_KEY;
      if (key === undefined || shard !== null) {
        throw new TaceError(
          'INVALID_ARGUMENT',
          key === undefined
            ? '--pseudonymize needs the key in TACE_PSEUDONYM_KEY'
            : '--pseudonymize cannot be combined with --shard',
          {
            param: '--pseudonymize',
            remedy: 'export TACE_PSEUDONYM_KEY=$(openssl rand -hex 32) and keep it safe',
          },
        );
      }
      rows = rows.map((row) => ({ ...row, patientId: pseudonymize(row.patientId, key) }));
    }
    const parameters = values.params === undefined ? {} : readParameterFile(values.params);
    const outPath = shard === null ? values.out : shardPartPath(values.out, 'radiomics', shard);
    const settings = outputSettings('radiomics extract', {
      parameters,
      pseudonymized: values.pseudonymize === true,
    });
    const resume = values.resume === true && values.force !== true;
    if (resume) checkResume(outPath, settings);
    else rmSync(outPath, { force: true }); // never leave old rows beside a new settings record
    writeOutputSettings(outPath, settings);
    const bar = createProgressBar();
    const result = await extractCohort(rows, parameters, {
      threads,
      outPath,
      resume,
      onProgress: bar.update,
    });
    bar.finish();
    console.error(
      `${outPath}: ${rows.length} rows, ${result.failed} failed, ${result.skipped} resumed${result.failed > 0 ? ' (see the error column)' : ''}`,
    );
    return result.failed > 0 ? EXIT.partial : EXIT.ok;
  },
};
