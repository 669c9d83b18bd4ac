/** A sub-command of the `tace` CLI. */
export interface Command {
  /** Words that select it, e.g. `['radiomics', 'extract']`. */
  path: string[];
  /** One line for the command list. */
  summary: string;
  /** Full help: usage, options with defaults, an example. */
  help: string;
  /** Runs the command with the remaining arguments; resolves to the exit code. */
  run(args: string[]): Promise<number>;
}

/** Exit codes of the CLI (documented in `tace --help`). */
export const EXIT = {
  ok: 0,
  /** A run finished but some patients/samples failed (see the error column). */
  partial: 1,
  /** Bad usage: unknown command or option, missing argument. */
  usage: 2,
  /** Bad input data: a TaceError from the library (file, column or value named in the message). */
  input: 3,
  /** An unexpected internal error (please report it). */
  internal: 70,
  /** An output cannot be written (under a file, a read-only or system folder, disk full): the path is named. */
  io: 74,
} as const;
