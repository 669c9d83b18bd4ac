import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readTable, TaceError, writeTable } from '@tace/core';
import { readManifest } from '@tace/imaging';
import { mergeParts } from '../sharding/merge.js';
import { parseCommandArguments } from './arguments.js';
import { type Command, EXIT } from './command.js';
import { checkPartSettings, writeOutputSettings } from './fingerprint.js';
import { prepareOutputs } from './outputs.js';

/** Expands directories into their `*-part-*` table files, sorted by name. */
export function listPartFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let directory: boolean;
    try {
      directory = statSync(path).isDirectory();
    } catch (error) {
      throw new TaceError('IO_ERROR', `cannot read ${path}: ${(error as Error).message}`, {
        param: path,
        remedy: 'pass the part files or the folder the shards wrote into',
        cause: error,
      });
    }
    if (directory) {
      files.push(
        ...readdirSync(path)
          .filter((name) => /-part-\d+-of-\d+\.(arrow|parquet|csv|tsv)$/.test(name))
          .sort()
          .map((name) => join(path, name)),
      );
    } else files.push(path);
  }
  return files;
}

/**
 * The merge keys of a manifest's rows in manifest order, for key columns `patient_id` and/or `phase`
 * (one key per patient with `--keys patient_id`, as `tace dl embed` writes).
 * @throws {TaceError} `INVALID_ARGUMENT` for other key columns (a manifest only knows patients and phases).
 */
export function manifestKeys(manifest: string, keyColumns: readonly string[]): string[] {
  const fields = { patient_id: 'patientId', phase: 'phase' } as const;
  for (const key of keyColumns) {
    if (!(key in fields)) {
      throw new TaceError('INVALID_ARGUMENT', `--keys '${key}' cannot be ordered by a manifest`, {
        param: '--keys',
        remedy: 'use patient_id and/or phase with --manifest, or omit --manifest',
      });
    }
  }
  const keys = readManifest(manifest).map((row) =>
    keyColumns.map((k) => row[fields[k as keyof typeof fields]]).join('|'),
  );
  return [...new Set(keys)];
}

export const mergeCommand: Command = {
  path: ['merge'],
  summary: 'Merge shard outputs into one table, checking every patient appears exactly once',
  help: `Usage: tace merge --out <table> [--manifest <csv>] <part files or directories...>

Concatenates the part tables written by sharded runs (--shard i/n or Slurm arrays). Every
(patient_id, phase) must appear in exactly one part. With --manifest, rows come out in manifest order
(so the result equals a single-process run byte for byte) and patients absent from every part are
reported. Rows with a non-empty error column are reported as failed. Parts computed with different
settings (their <part>.settings.json fingerprints differ) are refused; the merged table gets the parts'
settings record beside it. Exit code 1 when some patients
are missing or failed.

Options:
  --out <path>        merged table (.csv/.tsv/.arrow/.parquet)            (required)
  --manifest <csv>    the manifest the shards were cut from (recommended)
  --keys <columns>    key columns (default: patient_id,phase; patient_id for tace dl embed parts)

Examples:
  tace merge --manifest cohort.csv --out features.parquet parts/
  tace merge --keys patient_id --manifest cohort.csv --out deep.csv dl-parts/`,
  async run(args) {
    const { values, positionals } = parseCommandArguments(args, {
      out: { type: 'string' },
      manifest: { type: 'string' },
      keys: { type: 'string' },
    });
    if (values.out === undefined || positionals.length === 0) {
      throw new TaceError('INVALID_ARGUMENT', '--out and at least one part file or directory are required', {
        param: '--out',
      });
    }
    prepareOutputs([{ option: '--out', path: values.out, kind: 'file' }]);
    const files = listPartFiles(positionals);
    if (files.length === 0)
      throw new TaceError('EMPTY_INPUT', `no part files in ${positionals.join(', ')}`, { param: 'parts' });
    const settings = checkPartSettings(files);
    const keyColumns = (values.keys ?? 'patient_id,phase').split(',').map((k) => k.trim());
    const order = values.manifest === undefined ? undefined : manifestKeys(values.manifest, keyColumns);
    const result = mergeParts(
      files.map((file) => ({
        name: file,
        table: readTable(file, { columnTypes: { patient_id: 'string', phase: 'string', error: 'string' } }),
      })),
      { keyColumns, order, errorColumn: 'error' },
    );
    writeTable(result.table, values.out);
    if (settings !== null) writeOutputSettings(values.out, settings);
    console.error(
      `${values.out}: merged ${files.length} parts, ${result.missing.length} missing, ${result.failed.length} failed`,
    );
    for (const key of result.missing) console.error(`  missing: ${key}`);
    for (const { key, error } of result.failed) console.error(`  failed: ${key}: ${error}`);
    return result.missing.length > 0 || result.failed.length > 0 ? EXIT.partial : EXIT.ok;
  },
};
