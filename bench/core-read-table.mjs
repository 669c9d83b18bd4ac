// Benchmark of @tace/core readTable on a large CSV of numbers against R read.csv and data.table::fread,
// measured in the same run. Plain Node on dist/: run `npx tsc -b packages/core` first.
//   node bench/core-read-table.mjs
//   BENCH_MB (default 200): size of the generated CSV (an id column and 9 columns of 10-significant-digit
//   numbers, as R's write.csv writes them), made in a temporary folder and deleted afterwards.
//   BENCH_GZIP=1 also times the same table as .csv.gz.
//   BENCH_BASELINE=/path/to/other/packages/core/dist/index.js also times that build (e.g. the commit before the
//   streaming reader: `git archive <commit> packages/core tsconfig*.json | tar -x -C /tmp/old`, link its
//   node_modules, `tsc -b`), in the same run.
// Each reader runs once in its own child process (Node with --max-old-space-size=2048, the heap of issue 19);
// peak RSS is the child's high-water mark (Node: resourceUsage().maxRSS; R: VmHWM of /proc/self/status), so it
// includes the runtime itself (Node about 45 MiB, R about 60 MiB). When Rscript (or data.table) is missing a
// note is printed instead of its row.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const megabytes = Number(process.env.BENCH_MB ?? 200);
const dist = import.meta.resolve('@tace/core'); // dist/index.js: the child imports the package by its URL
const MiB = 2 ** 20;

console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} logical cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB ` +
    `(${(freemem() / 2 ** 30).toFixed(1)} free), ${platform()} ${release()}, Node ${process.version}, ` +
    `load average ${loadavg()[0].toFixed(1)}, ${new Date().toISOString()}`,
);

/** Writes the CSV: `id` then x1..x9, numbers from a fixed linear congruential sequence. */
function writeCsv(path, bytes) {
  const fd = openSync(path, 'w');
  let seed = 1;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  let written = writeSync(fd, `id,${Array.from({ length: 9 }, (_, j) => `x${j + 1}`).join(',')}\n`);
  let row = 0;
  while (written < bytes) {
    const lines = [];
    for (let k = 0; k < 2000; k++) {
      const cells = [String(++row)];
      for (let j = 0; j < 9; j++) cells.push(Number((next() * 1000 - 500).toPrecision(10)).toString());
      lines.push(cells.join(','));
    }
    written += writeSync(fd, `${lines.join('\n')}\n`);
  }
  closeSync(fd);
  return row;
}

function runNode(path, module = dist) {
  const program = `
    import { readTable } from ${JSON.stringify(module)};
    import { resourceUsage } from 'node:process';
    const t0 = performance.now();
    const table = readTable(${JSON.stringify(path)});
    const seconds = (performance.now() - t0) / 1000;
    console.log(JSON.stringify({ seconds, rows: table.x1.length, rssMiB: resourceUsage().maxRSS / 1024 }));`;
  const out = execFileSync(
    process.execPath,
    ['--max-old-space-size=2048', '--input-type=module', '-e', program],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').pop());
}

function runR(call) {
  const script = `
    t <- system.time(x <- ${call})[["elapsed"]]
    hwm <- grep("^VmHWM", readLines("/proc/self/status"), value = TRUE)
    cat(t, nrow(x), as.numeric(gsub("[^0-9]", "", hwm)) / 1024, "\\n")`;
  const out = execFileSync('Rscript', ['-e', script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [seconds, rows, rssMiB] = out.trim().split(/\s+/).map(Number);
  return { seconds, rows, rssMiB };
}

const dir = mkdtempSync(join(tmpdir(), 'tace-bench-read-'));
try {
  const csv = join(dir, 'numbers.csv');
  const rows = writeCsv(csv, megabytes * 1e6);
  const files = [{ label: 'csv', path: csv, size: statSync(csv).size }];
  if (process.env.BENCH_GZIP === '1') {
    const gz = join(dir, 'numbers.csv.gz');
    const fd = openSync(gz, 'w');
    writeSync(fd, gzipSync(execFileSync('cat', [csv], { maxBuffer: 2 ** 32 })));
    closeSync(fd);
    files.push({ label: 'csv.gz', path: gz, size: statSync(gz).size });
  }
  console.log(
    `table: ${rows} rows x 10 numeric columns (${((rows * 10 * 8) / MiB).toFixed(0)} MiB as Float64)`,
  );
  const results = [];
  for (const file of files) {
    const size = `${file.label}, ${(file.size / 1e6).toFixed(0)} MB`;
    results.push({ tool: `tace readTable (${size})`, file, ...runNode(file.path) });
    if (process.env.BENCH_BASELINE) {
      const baseline = pathToFileURL(process.env.BENCH_BASELINE).href;
      results.push({
        tool: `tace readTable, BENCH_BASELINE (${size})`,
        file,
        ...runNode(file.path, baseline),
      });
    }
    let version = null;
    try {
      version = execFileSync('Rscript', ['-e', 'cat(R.version$major, R.version$minor, sep = ".")'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch (error) {
      console.log(
        `note: R not available (${error.code === 'ENOENT' ? 'Rscript not found' : error.message.split('\n')[0]}): R rows skipped`,
      );
    }
    if (version === null) continue;
    results.push({
      tool: `R ${version} read.csv (${size})`,
      file,
      ...runR(`read.csv("${file.path}")`),
    });
    try {
      const threads = execFileSync('Rscript', ['-e', 'cat(data.table::getDTthreads())'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      results.push({
        tool: `R data.table::fread, ${threads} threads (${size})`,
        file,
        ...runR(`data.table::fread("${file.path}")`),
      });
    } catch {
      console.log('note: R package data.table not installed: fread row skipped');
    }
  }
  console.log(
    `${'reader'.padEnd(48)} ${'seconds'.padStart(8)} ${'peak RSS MiB'.padStart(13)} ${'RSS / file'.padStart(11)} ${'time / tace'.padStart(12)}`,
  );
  for (const r of results) {
    const tace = results.find((t) => t.file === r.file); // the tace row of the same file
    if (r.rows !== rows) throw new Error(`${r.tool} read ${r.rows} rows, expected ${rows}`);
    console.log(
      `${r.tool.padEnd(48)} ${r.seconds.toFixed(2).padStart(8)} ${r.rssMiB.toFixed(0).padStart(13)} ${((r.rssMiB * MiB) / r.file.size).toFixed(2).padStart(11)} ${(r.seconds / tace.seconds).toFixed(2).padStart(12)}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
