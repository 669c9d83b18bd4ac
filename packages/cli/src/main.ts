import { isTaceError } from '@tace/core';
import { EXIT } from './commands/command.js';
import { TOOLKIT_VERSION } from './commands/fingerprint.js';
import { isSystemError, systemErrorReason } from './commands/outputs.js';
import { COMMANDS } from './commands/registry.js';

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.path.join(' ').length));
  const lines = COMMANDS.map((c) => `  tace ${c.path.join(' ').padEnd(width)}  ${c.summary}`);
  return [
    'tace: imaging-to-biology prognosis toolkit for HCC treated by TACE',
    '',
    'Usage: tace <command> [options]    (tace <command> --help for its options)',
    '',
    'Commands:',
    ...lines,
    '',
    'Common options: --out <dir>, --seed <int>, --threads <int>; radiomics extract, dl embed and',
    'model validate also take --shard i/n (or Slurm array variables; merge the parts with tace merge or',
    'tace model validate --merge-parts). Exit codes: 0 ok, 1 some patients failed (see the error column),',
    '2 bad usage, 3 bad input data (the message names the file/column/value), 70 internal error,',
    '74 an output cannot be written (the message names the option and path).',
  ].join('\n');
}

/**
 * True when an `IO_ERROR` concerns an output: raised for an output option (`--out`, `--compare-out`), or a
 * write (`cannot write ...`), whose cause is a system error rather than bad input data.
 */
function outputIoError(error: { param?: string; message: string }): boolean {
  return /^--[a-z-]*out$/.test(error.param ?? '') || error.message.startsWith('cannot write ');
}

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(usage());
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  if (argv[0] === '--version') {
    console.log(TOOLKIT_VERSION);
    return EXIT.ok;
  }
  const command = COMMANDS.filter((c) => c.path.every((word, i) => argv[i] === word)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
  if (command === undefined) {
    console.error(`tace: unknown command '${argv.slice(0, 2).join(' ')}'.\n\n${usage()}`);
    return EXIT.usage;
  }
  const rest = argv.slice(command.path.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    const name = `tace ${command.path.join(' ')}`;
    if (isTaceError(error)) {
      console.error(`${name}: ${error.message}`);
      if (error.code === 'IO_ERROR' && outputIoError(error)) return EXIT.io;
      return error.code === 'INVALID_ARGUMENT' && error.param?.startsWith('--') ? EXIT.usage : EXIT.input;
    }
    if (isSystemError(error)) {
      // A file system error no check caught (disk full, a folder removed mid-run): name the path, no stack.
      const what = error.syscall === undefined ? 'a file operation failed' : `${error.syscall} failed`;
      console.error(`${name}: ${what}${error.path ? ` on ${error.path}` : ''}: ${systemErrorReason(error)}`);
      return EXIT.io;
    }
    console.error(`tace ${command.path.join(' ')}: internal error (please report it):`);
    console.error(error);
    return EXIT.internal;
  }
}
