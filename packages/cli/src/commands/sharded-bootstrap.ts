import {
  type ColumnTable,
  numericColumn,
  type ProgressCallback,
  quantile,
  stringColumn,
  type TableLike,
  TaceError,
} from '@tace/core';
import type { ValidationResult, ValidationRow } from '@tace/survival';
import { concordanceReplicates, replicateSeed as survivalReplicateSeed } from '@tace/survival/kernels';

/**
 * One bootstrap target: a model's linear predictor in a cohort (`risks` of length 1: Harrell's and Uno's C),
 * or a pair of models on the patients both score (`risks` of length 2: the paired difference of Harrell's C).
 */
export interface BootstrapTask {
  /** Model name, or `<reference> vs <model>` for a pair (as in the validation table). */
  model: string;
  cohort: string;
  time: Float64Array;
  event: Float64Array;
  risks: Float64Array[];
}

/**
 * The bootstrap targets of a validation, built exactly as `validateModels` builds them: per cohort, every
 * model on its scored rows, then every model paired with the reference on the rows both score (pairs with
 * fewer than 4 common patients are skipped, as there).
 */
export function bootstrapTasks(
  validation: ValidationResult,
  cohorts: readonly { name: string; table: TableLike }[],
  reference: string,
  time: string,
  event: string,
): BootstrapTask[] {
  const tasks: BootstrapTask[] = [];
  for (const cohort of cohorts) {
    const t = numericColumn(cohort.table, time);
    const e = numericColumn(cohort.table, event);
    const predictions = validation.predictions.filter((p) => p.cohort === cohort.name);
    for (const p of predictions) {
      tasks.push({
        model: p.model,
        cohort: cohort.name,
        time: Float64Array.from(p.rows, (r) => t[r]),
        event: Float64Array.from(p.rows, (r) => e[r]),
        risks: [p.linearPredictor],
      });
    }
    const ref = predictions.find((p) => p.model === reference);
    if (ref === undefined) continue;
    for (const other of predictions) {
      if (other.model === reference) continue;
      const position = new Map(Array.from(other.rows, (r, i) => [r, i]));
      const common = Array.from(ref.rows.keys()).filter((i) => position.has(ref.rows[i]));
      if (common.length < 4) continue;
      tasks.push({
        model: `${reference} vs ${other.model}`,
        cohort: cohort.name,
        time: Float64Array.from(common, (i) => t[ref.rows[i]]),
        event: Float64Array.from(common, (i) => e[ref.rows[i]]),
        risks: [
          Float64Array.from(common, (i) => ref.linearPredictor[i]),
          Float64Array.from(common, (i) => other.linearPredictor[position.get(ref.rows[i])!]),
        ],
      });
    }
  }
  return tasks;
}

/**
 * The seed of replicate `b` of a task: FNV-1a of `seed|cohort|model|b`. Each replicate has its own
 * generator, so any block of replicates can be computed anywhere (a Slurm array task) and the union of the
 * blocks equals a single run; adding a model or cohort never changes another task's replicates.
 * @example replicateSeed(2026, 'internal', 'CRM', 17)
 */
export function replicateSeed(seed: number, cohort: string, model: string, b: number): number {
  return survivalReplicateSeed(seed, `${cohort}|${model}`, b);
}

/** The replicates `[start, end)` that shard `index` of `count` computes out of `replicates`. */
export function replicateBlock(
  replicates: number,
  shard: { index: number; count: number } | null,
): { start: number; end: number } {
  if (shard === null) return { start: 0, end: replicates };
  return {
    start: Math.floor(((shard.index - 1) * replicates) / shard.count),
    end: Math.floor((shard.index * replicates) / shard.count),
  };
}

/**
 * Per-replicate statistics of the tasks for replicates `[start, end)`: one row per task, metric and
 * replicate (`harrell_c` and `uno_c` for a model, `bootstrap_c_difference` for a pair), with the seed and
 * replicate count so that parts of different runs cannot be mixed. Resamples without an event are redrawn
 * from the same generator (as `bootstrapConcordance`).
 */
export function bootstrapReplicates(
  tasks: readonly BootstrapTask[],
  block: { start: number; end: number },
  options: { seed: number; replicates: number; tau: number; onProgress?: ProgressCallback },
): ColumnTable {
  const model: string[] = [];
  const cohort: string[] = [];
  const metric: string[] = [];
  const replicate: number[] = [];
  const value: number[] = [];
  const push = (task: BootstrapTask, name: string, b: number, v: number) => {
    model.push(task.model);
    cohort.push(task.cohort);
    metric.push(name);
    replicate.push(b);
    value.push(v);
  };
  const total = tasks.length * (block.end - block.start);
  let done = 0;
  for (const task of tasks) {
    // survival's one bootstrap loop; replicate b of this task is seeded with replicateSeed(seed, cohort, model, b)
    const single = task.risks.length === 1;
    const draws = concordanceReplicates(task.time, task.event, task.risks, {
      seed: options.seed,
      stream: `${task.cohort}|${task.model}`,
      start: block.start,
      end: block.end,
      metrics: single
        ? [
            { method: 'harrell', tau: Number.POSITIVE_INFINITY },
            { method: 'uno', tau: options.tau },
          ]
        : [{ method: 'harrell', tau: Number.POSITIVE_INFINITY }],
      onReplicate: () => {
        done++;
        if (options.onProgress && (done % 25 === 0 || done === total)) {
          options.onProgress({ label: 'bootstrap', done, total });
        }
      },
    });
    for (let b = block.start; b < block.end; b++) {
      const k = b - block.start;
      if (single) {
        push(task, 'harrell_c', b, draws[0][0][k]);
        push(task, 'uno_c', b, draws[1][0][k]);
      } else {
        push(task, 'bootstrap_c_difference', b, draws[0][0][k] - draws[0][1][k]);
      }
    }
  }
  return {
    model,
    cohort,
    metric,
    replicate: Float64Array.from(replicate),
    value: Float64Array.from(value),
    seed: new Float64Array(model.length).fill(options.seed),
    replicates: new Float64Array(model.length).fill(options.replicates),
  };
}

/** Concatenates replicate tables (part files), checking that they come from one run. */
export function concatReplicates(parts: readonly { name: string; table: ColumnTable }[]): {
  table: ColumnTable;
  seed: number;
  replicates: number;
} {
  const out = {
    model: [] as string[],
    cohort: [] as string[],
    metric: [] as string[],
    replicate: [] as number[],
    value: [] as number[],
  };
  let seed: number | null = null;
  let replicates: number | null = null;
  for (const { name, table } of parts) {
    const seeds = numericColumn(table, 'seed');
    const counts = numericColumn(table, 'replicates');
    for (let i = 0; i < seeds.length; i++) {
      if ((seed !== null && seeds[i] !== seed) || (replicates !== null && counts[i] !== replicates)) {
        throw new TaceError(
          'PARSE_ERROR',
          `${name} comes from another run (seed ${seeds[i]}, ${counts[i]} replicates; expected seed ${seed}, ${replicates})`,
          {
            param: '--merge-parts',
            remedy: 'merge only the parts of one sharded run (same --seed and --replicates)',
          },
        );
      }
      seed = seeds[i];
      replicates = counts[i];
    }
    out.model.push(...(stringColumn(table, 'model') as string[]));
    out.cohort.push(...(stringColumn(table, 'cohort') as string[]));
    out.metric.push(...(stringColumn(table, 'metric') as string[]));
    out.replicate.push(...numericColumn(table, 'replicate'));
    out.value.push(...numericColumn(table, 'value'));
  }
  if (seed === null || replicates === null) {
    throw new TaceError('EMPTY_INPUT', 'the replicate parts hold no rows', { param: '--merge-parts' });
  }
  return {
    table: { ...out, replicate: Float64Array.from(out.replicate), value: Float64Array.from(out.value) },
    seed,
    replicates,
  };
}

/**
 * Puts percentile CIs (and the paired bootstrap p) from replicate statistics into the validation rows:
 * `harrell_c`, `uno_c` and `bootstrap_c_difference` get `lower`/`upper`, `bootstrap_c_p` its estimate
 * (2 x the smaller tail proportion around 0, at least 1/replicates, as `bootstrapConcordance`).
 * @throws {TaceError} `INVALID_INPUT` when a target lacks some replicates (a shard is missing) or has one twice.
 */
export function applyBootstrap(
  rows: readonly ValidationRow[],
  replicatesTable: ColumnTable,
  replicates: number,
  confLevel = 0.95,
): ValidationRow[] {
  const model = stringColumn(replicatesTable, 'model');
  const cohort = stringColumn(replicatesTable, 'cohort');
  const metric = stringColumn(replicatesTable, 'metric');
  const replicate = numericColumn(replicatesTable, 'replicate');
  const value = numericColumn(replicatesTable, 'value');
  const groups = new Map<string, Float64Array>();
  const seen = new Map<string, Uint8Array>();
  for (let i = 0; i < model.length; i++) {
    const key = `${model[i]}\u0000${cohort[i]}\u0000${metric[i]}`;
    let values = groups.get(key);
    let flags = seen.get(key);
    if (values === undefined || flags === undefined) {
      values = new Float64Array(replicates);
      flags = new Uint8Array(replicates);
      groups.set(key, values);
      seen.set(key, flags);
    }
    const b = replicate[i];
    if (flags[b] === 1) {
      throw new TaceError('PARSE_ERROR', `replicate ${b} of ${model[i]} / ${cohort[i]} appears twice`, {
        param: '--merge-parts',
        remedy: 'remove duplicate or stale part files from the folder',
      });
    }
    flags[b] = 1;
    values[b] = value[i];
  }
  for (const [key, flags] of seen) {
    const missing = flags.indexOf(0);
    if (missing >= 0) {
      const [m, c] = key.split('\u0000');
      throw new TaceError(
        'EMPTY_INPUT',
        `replicate ${missing} of ${m} / ${c} is missing (of ${replicates})`,
        {
          param: '--merge-parts',
          remedy: 'a shard did not finish: re-run it, then merge again',
        },
      );
    }
  }
  const alpha = (1 - confLevel) / 2;
  const get = (m: string, c: string, name: string) => {
    const values = groups.get(`${m}\u0000${c}\u0000${name}`);
    if (values === undefined) {
      throw new TaceError('EMPTY_INPUT', `no bootstrap replicates for ${name} of ${m} in ${c}`, {
        param: '--merge-parts',
        remedy: 'the parts were computed for another bundle or data table',
      });
    }
    return values;
  };
  return rows.map((row) => {
    if (row.metric === 'harrell_c' || row.metric === 'uno_c' || row.metric === 'bootstrap_c_difference') {
      const [lower, upper] = quantile(get(row.model, row.cohort, row.metric), [alpha, 1 - alpha]);
      return { ...row, lower, upper };
    }
    if (row.metric === 'bootstrap_c_p') {
      const diff = get(row.model, row.cohort, 'bootstrap_c_difference');
      let below = 0;
      for (const v of diff) if (v <= 0) below++;
      const tail = Math.min(below, replicates - below) / replicates;
      return { ...row, estimate: Math.min(1, Math.max(2 * tail, 1 / replicates)) };
    }
    return row;
  });
}
