/**
 * Flags that apply only to the main program's entry (its source text or mode): a worker given them fails
 * ("--input-type can only be used with string input"), so they are not passed on. Each maps to whether it
 * takes the next token as its value when written without `=`.
 */
const ENTRY_FLAGS: Record<string, boolean> = {
  '--input-type': true,
  '--eval': true,
  '-e': true,
  '--print': true,
  '-p': true,
  '-pe': true,
  '--interactive': false,
  '-i': false,
  '--check': false,
  '-c': false,
  '--test': false,
  '--watch': false,
  '--watch-path': true,
  '--watch-preserve-output': false,
};

/**
 * The parent's `execArgv` without the flags that only concern its entry point (`-e`/`--eval` and its code,
 * `-p`, `--input-type`, `-i`, `--check`, `--test`, `--watch`), so that workers start the same way whether the
 * caller runs from a file, `node -e`, `node --input-type=module -`, a REPL, tsx or a notebook kernel. Loader and
 * resolution flags (`--import`, `--require`, `--conditions`, `--experimental-*`) are kept.
 * @example workerExecArgv(['--input-type=module', '--conditions=dev']) // ['--conditions=dev']
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i];
    const name = flag.includes('=') ? flag.slice(0, flag.indexOf('=')) : flag;
    if (!(name in ENTRY_FLAGS)) {
      kept.push(flag);
      continue;
    }
    if (ENTRY_FLAGS[name] && !flag.includes('=')) i++;
  }
  return kept;
}
