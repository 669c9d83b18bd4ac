import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { TaceError, writeFileAtomic } from '@tace/core';
import { IMAGING_VERSION } from '@tace/imaging';

/** The version of this toolkit (`@tace/cli`'s package.json), read once. */
export const TOOLKIT_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * What produced a resumable or shardable output: the command, its settings (the parsed parameters, not the
 * file they came from), the toolkit version and the feature-code version. Written beside the output as
 * `<output>.settings.json`; `fingerprint` is the first 16 hex digits of the SHA-256 of the canonical JSON of
 * the other fields.
 */
export interface OutputSettings {
  command: string;
  settings: unknown;
  toolkitVersion: string;
  featureVersion: string;
  fingerprint: string;
}

/** JSON with object keys sorted at every level (arrays keep their order): equal settings, equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The settings record of a command's output, with its fingerprint.
 * @example outputSettings('radiomics extract', { binWidth: 25 }).fingerprint // 16 hex digits
 */
export function outputSettings(
  command: string,
  settings: unknown,
  featureVersion: string = IMAGING_VERSION,
): OutputSettings {
  const body = { command, settings, toolkitVersion: TOOLKIT_VERSION, featureVersion };
  const fingerprint = createHash('sha256').update(canonicalJson(body)).digest('hex').slice(0, 16);
  return { ...body, fingerprint };
}

/** The sidecar file that records the settings of `output`. */
export function settingsPath(output: string): string {
  return `${output}.settings.json`;
}

/** Writes the settings record beside `output` (atomically). */
export function writeOutputSettings(output: string, settings: OutputSettings): void {
  writeFileAtomic(settingsPath(output), `${JSON.stringify(settings, null, 2)}\n`);
}

/** The settings record beside `output`, or null when there is none. */
export function readOutputSettings(output: string): OutputSettings | null {
  const path = settingsPath(output);
  if (!existsSync(path)) return null;
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as OutputSettings;
    if (typeof record.fingerprint !== 'string') throw new Error('no fingerprint field');
    return record;
  } catch (error) {
    throw new TaceError('PARSE_ERROR', `${path} is not a settings record: ${(error as Error).message}`, {
      param: path,
      remedy: 'delete it and recompute with --force, or write to a new --out',
      cause: error,
    });
  }
}

/** The fields in which two settings records differ (`settings.binWidth`, `toolkitVersion`, ...). */
export function settingsDifferences(a: OutputSettings, b: OutputSettings): string[] {
  const out: string[] = [];
  const walk = (x: unknown, y: unknown, at: string) => {
    if (canonicalJson(x) === canonicalJson(y)) return;
    if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x)) {
      const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
      for (const k of keys) {
        walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], at ? `${at}.${k}` : k);
      }
    } else out.push(at);
  };
  walk(
    {
      command: a.command,
      settings: a.settings,
      toolkitVersion: a.toolkitVersion,
      featureVersion: a.featureVersion,
    },
    {
      command: b.command,
      settings: b.settings,
      toolkitVersion: b.toolkitVersion,
      featureVersion: b.featureVersion,
    },
    '',
  );
  return out;
}

/**
 * Before `--resume` continues `output`: checks that the rows already there were computed with the same
 * settings, toolkit and feature-code version as this run.
 * @throws {TaceError} `INVALID_ARGUMENT` naming both fingerprints, what differs, and the remedy (a new --out,
 * or --force to recompute); also when `output` exists without a settings record.
 */
export function checkResume(output: string, current: OutputSettings): void {
  if (!existsSync(output)) return;
  const previous = readOutputSettings(output);
  if (previous === null) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `cannot resume ${output}: it has no settings record (${settingsPath(output)}), so its rows may have been computed with other settings (this run: fingerprint ${current.fingerprint})`,
      { param: '--resume', remedy: 'write to a new --out, or add --force to recompute every row' },
    );
  }
  if (previous.fingerprint !== current.fingerprint) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `cannot resume ${output}: its rows were computed with settings fingerprint ${previous.fingerprint}, this run has ${current.fingerprint} (differs in ${settingsDifferences(previous, current).join(', ')})`,
      { param: '--resume', remedy: 'write to a new --out, or add --force to recompute every row' },
    );
  }
}

/**
 * Checks that part files to be merged were computed with one set of settings (their sidecar records).
 * Parts without a record are accepted only when no part has one (outputs of an older version).
 * @returns the common record, or null when no part has one.
 * @throws {TaceError} `INVALID_ARGUMENT` naming the two parts and their fingerprints.
 */
export function checkPartSettings(files: readonly string[]): OutputSettings | null {
  const records = files.map((file) => ({ file, record: readOutputSettings(file) }));
  const first = records.find((r) => r.record !== null);
  if (first === undefined) return null;
  for (const { file, record } of records) {
    if (record === null) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `cannot merge: ${file} has no settings record, ${first.file} has fingerprint ${first.record!.fingerprint}`,
        { param: file, remedy: 'recompute that part with the same settings (--force), then merge again' },
      );
    }
    if (record.fingerprint !== first.record!.fingerprint) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `cannot merge parts computed with different settings: ${first.file} has fingerprint ${first.record!.fingerprint}, ${file} has ${record.fingerprint} (differs in ${settingsDifferences(first.record!, record).join(', ')})`,
        {
          param: file,
          remedy:
            'recompute the stale parts with the same settings (--force), or merge each run into its own --out',
        },
      );
    }
  }
  return first.record;
}
