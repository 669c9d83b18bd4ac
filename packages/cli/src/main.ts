import { isTaceError } from '@tace/core';
import { EXIT } from './commands/command.js';
import { COMMANDS } from './commands/registry.js';

const VERSION = '0.1.0';

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
    '2 bad usage, 3 bad input data (the message names the file/column/value), 70 internal error.',
  ].join('\n');
}

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(usage());
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  if (argv[0] === '--version') {
    console.log(VERSION);
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
    if (isTaceError(error)) {
      console.error(`tace ${command.path.join(' ')}: ${error.message}`);
      return error.code === 'INVALID_ARGUMENT' && error.param?.startsWith('--') ? EXIT.usage : EXIT.input;
    }
    console.error(`tace ${command.path.join(' ')}: internal error (please report it):`);
    console.error(error);
    return EXIT.internal;
  }
}
