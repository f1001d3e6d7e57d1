import { Bench } from 'tinybench';

/** How long and how often `measure` runs each task. */
export interface MeasureOptions {
  /** Time budget per task and round, in milliseconds (default 500). */
  time?: number;
  /** Minimum runs per task and round (default 5). */
  iterations?: number;
  /** Rounds (default 3): every task runs once per round, so a burst of load elsewhere hits all tasks alike. */
  rounds?: number;
}

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The process's CPU time (user + system) in milliseconds. The bench times in-process work with it rather than
 * with the wall clock: on a shared machine, other processes' load stretches wall time but not CPU time.
 */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Per task, its median latency in milliseconds in each round (tinybench's p50), in round order. */
export type Rounds = Record<string, number[]>;

/** Run synchronous tasks with tinybench (timed in CPU time) for several rounds; each task's median latency per round. */
export function measure(tasks: Record<string, () => unknown>, options: MeasureOptions = {}): Rounds {
  const rounds: Rounds = {};
  for (let r = 0; r < (options.rounds ?? 3); r++) {
    const bench = new Bench({
      now: cpuNow,
      time: options.time ?? 500,
      iterations: options.iterations ?? 5,
      warmupTime: 50,
      warmupIterations: 1,
      throws: true,
    });
    for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
    for (const task of bench.runSync()) {
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`bench: task "${task.name}" ended ${result.state}`);
      rounds[task.name] = [...(rounds[task.name] ?? []), result.latency.p50];
    }
  }
  return rounds;
}

/** The median over rounds of one task's time. */
export function timeOf(rounds: Rounds, task: string): number {
  return median(rounds[task] ?? [Number.NaN]);
}

/** The median over rounds of `task ÷ base`, each ratio taken within one round. */
export function ratioOf(rounds: Rounds, task: string, base: string): number {
  const a = rounds[task] ?? [];
  const b = rounds[base] ?? [];
  return median(a.map((x, i) => x / (b[i] ?? Number.NaN)));
}
