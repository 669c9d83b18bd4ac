// Timing helpers shared by the benchmarks (not a benchmark itself: scripts/bench.mjs runs bench/*.mjs only).

/** Median of a list of numbers (upper median for even lengths). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Runs `f` `reps` times (after `warmup` unmeasured runs) and returns the median wall time and the median CPU
 * time of this process (user + system; on a shared machine CPU time is inflated far less than wall time),
 * both in seconds, with the last result.
 */
export function measure(f, { reps = 3, warmup = 0 } = {}) {
  let result;
  for (let r = 0; r < warmup; r++) result = f();
  const wall = [];
  const cpu = [];
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = f();
    wall.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
  }
  return { seconds: median(wall), cpu: median(cpu), result };
}
