// Child process of gzip-bomb.test.ts: reads the file named by argv[2] with readTable under a small heap and
// prints the outcome as one JSON line: { code, message, maxRssMiB } (a V8 out-of-memory abort prints nothing).
import { resourceUsage } from 'node:process';
import { isTaceError, readTable } from '@tace/core';

let outcome: { code: string; message: string };
try {
  const table = readTable(process.argv[2]);
  outcome = { code: 'OK', message: `${Object.keys(table).length} columns` };
} catch (error) {
  outcome = isTaceError(error)
    ? { code: error.code, message: error.message }
    : { code: 'OTHER', message: String(error) };
}
console.log(JSON.stringify({ ...outcome, maxRssMiB: Math.round(resourceUsage().maxRSS / 1024) }));
