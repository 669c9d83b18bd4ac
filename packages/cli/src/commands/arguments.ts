import { parseArgs } from 'node:util';
import { TaceError } from '@tace/core';

/** Option specification for {@link parseCommandArguments}, as `node:util` `parseArgs`. */
export type OptionSpec = Record<
  string,
  { type: 'string' | 'boolean'; short?: string; default?: string | boolean }
>;

/** The parsed values: strings for string options, booleans for flags, `undefined` when absent. */
export interface ParsedArguments<T extends OptionSpec> {
  values: { [K in keyof T]?: T[K]['type'] extends 'string' ? string : boolean };
  positionals: string[];
}

/**
 * `--threads -3` -> `--threads=-3`: a value that looks like a negative number after an option taking a
 * value is that option's value (node's parseArgs would call it "ambiguous"), so that the option's own check
 * reports it ("must be a positive integer").
 */
function joinNegativeValues(args: readonly string[], options: OptionSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (
      name !== undefined &&
      options[name]?.type === 'string' &&
      next !== undefined &&
      /^-(\d|\.\d|Infinity|inf)/i.test(next)
    ) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/**
 * Parses a command's arguments strictly (unknown options are usage errors naming the option).
 * @throws {TaceError} `INVALID_ARGUMENT` with the offending option.
 */
export function parseCommandArguments<T extends OptionSpec>(args: string[], options: T): ParsedArguments<T> {
  try {
    return parseArgs({
      args: joinNegativeValues(args, options),
      options,
      allowPositionals: true,
      strict: true,
    }) as ParsedArguments<T>;
  } catch (error) {
    throw new TaceError('INVALID_ARGUMENT', (error as Error).message, {
      param: '--options',
      remedy: 'see `tace <command> --help`',
    });
  }
}

/** Parses `--threads` (default: available cores, at most 2 on small machines). */
export function parseThreads(value: string | boolean | undefined, fallback: number): number {
  if (value === undefined || typeof value === 'boolean') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new TaceError('INVALID_ARGUMENT', `--threads must be a positive integer, but was '${value}'`, {
      param: '--threads',
    });
  }
  return n;
}

/** Parses `--seed` (default 2026). */
export function parseSeed(value: string | boolean | undefined, fallback = 2026): number {
  if (value === undefined || typeof value === 'boolean') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) {
    throw new TaceError('INVALID_ARGUMENT', `--seed must be an integer, but was '${value}'`, {
      param: '--seed',
    });
  }
  return n;
}

/**
 * Parses `--shard i/n` (1-based i), or Slurm's `SLURM_ARRAY_TASK_ID` / `SLURM_ARRAY_TASK_COUNT` when the
 * option is absent. Returns null when not sharded.
 */
export function parseShard(
  value: string | boolean | undefined,
  environment: NodeJS.ProcessEnv = process.env,
): { index: number; count: number } | null {
  if (typeof value === 'string') {
    const match = /^(\d+)\/(\d+)$/.exec(value.trim());
    const index = match ? Number(match[1]) : Number.NaN;
    const count = match ? Number(match[2]) : Number.NaN;
    if (!match || index < 1 || count < 1 || index > count) {
      throw new TaceError('INVALID_ARGUMENT', `--shard must be i/n with 1 <= i <= n, but was '${value}'`, {
        param: '--shard',
        remedy: 'e.g. --shard 2/4',
      });
    }
    return { index, count };
  }
  const id = environment.SLURM_ARRAY_TASK_ID;
  const count = environment.SLURM_ARRAY_TASK_COUNT;
  if (id !== undefined && count !== undefined) {
    const min = Number(environment.SLURM_ARRAY_TASK_MIN ?? 0);
    return { index: Number(id) - min + 1, count: Number(count) };
  }
  return null;
}
