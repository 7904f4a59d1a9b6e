import { cpuUsage } from "node:process";
import { quantileSorted } from "../analysis/quantile_sorted.ts";

/** Load of the benchmark process while it measured, as the run's manifest keeps it. */
export interface HarnessLoad {
  /** CPU time of the process (all threads) over wall time: 1.0 is one core fully busy. */
  cpu_load: number;
  /** Lateness of a timer due every `interval_ms`: how long work waited for the event loop. */
  loop_lag_p50_ms: number | null;
  loop_lag_p99_ms: number | null;
  loop_lag_max_ms: number | null;
  interval_ms: number;
  wall_s: number;
}

/** Thresholds above which a run's latencies carry client-side queueing worth a warning. */
export const BUSY_CPU_LOAD = 0.8;
export const BUSY_LOOP_LAG_P99_MS = 5;

/** A running monitor. `stop` ends it and returns the load it measured. */
export interface HarnessLoadMonitor {
  stop(): HarnessLoad;
}

/**
 * Starts watching the benchmark process: its CPU time and the lateness of a timer due
 * every `intervalMs`. A busy event loop delays every timestamp the harness takes by about
 * that lateness, so the report can flag latencies that include the client's own queue.
 *
 * @example
 * ```ts
 * const monitor = startHarnessLoadMonitor();
 * // ... run the trials ...
 * const load = monitor.stop();
 * ```
 */
export function startHarnessLoadMonitor(intervalMs = 20): HarnessLoadMonitor {
  if (!(intervalMs >= 1)) throw new RangeError(`intervalMs must be at least 1, got ${intervalMs}`);
  const cpuBefore = cpuUsage();
  const started = performance.now();
  const lags: number[] = [];
  let last = started;
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push(Math.max(0, now - last - intervalMs));
    last = now;
  }, intervalMs);
  // The monitor never keeps a finished run's process alive.
  Deno.unrefTimer(timer);

  return {
    stop() {
      clearInterval(timer);
      const cpu = cpuUsage(cpuBefore);
      const wallS = (performance.now() - started) / 1000;
      const sorted = lags.sort((a, b) => a - b);
      const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);
      return {
        cpu_load: wallS > 0 ? Math.round(((cpu.user + cpu.system) / 1e6 / wallS) * 1000) / 1000 : 0,
        loop_lag_p50_ms: round(quantileSorted(sorted, 0.5, "linear")),
        loop_lag_p99_ms: round(quantileSorted(sorted, 0.99, "linear")),
        loop_lag_max_ms: round(sorted.at(-1) ?? null),
        interval_ms: intervalMs,
        wall_s: Math.round(wallS * 1000) / 1000,
      };
    },
  };
}

/** Returns true when `load` shows the harness was busy enough to delay its own timestamps. */
export function harnessWasBusy(load: HarnessLoad): boolean {
  return load.cpu_load >= BUSY_CPU_LOAD || (load.loop_lag_p99_ms ?? 0) >= BUSY_LOOP_LAG_P99_MS;
}

/**
 * Describes why `load` counts as busy, naming each threshold it crossed and the worst
 * delay it measured, e.g. "event-loop lag p99 5.6 ms (threshold 5 ms); the event loop was
 * held up for as long as 108.8 ms at worst".
 */
export function describeBusyHarness(load: HarnessLoad): string {
  const reasons: string[] = [];
  if (load.cpu_load >= BUSY_CPU_LOAD) {
    reasons.push(`CPU ${(load.cpu_load * 100).toFixed(0)}% of one core (threshold ${BUSY_CPU_LOAD * 100}%)`);
  }
  if ((load.loop_lag_p99_ms ?? 0) >= BUSY_LOOP_LAG_P99_MS) {
    reasons.push(`event-loop lag p99 ${load.loop_lag_p99_ms} ms (threshold ${BUSY_LOOP_LAG_P99_MS} ms)`);
  }
  return `${reasons.join(" and ")}; the event loop was held up for as long as ${load.loop_lag_max_ms ?? "an unknown time"} ms at worst`;
}

/**
 * Combines the loads of two sessions of one resumed run: the larger value of each figure,
 * and their wall times added, so a busy session is never hidden by a calm one.
 */
export function mergeHarnessLoads(earlier: HarnessLoad, later: HarnessLoad): HarnessLoad {
  return {
    cpu_load: Math.max(earlier.cpu_load, later.cpu_load),
    loop_lag_p50_ms: larger(earlier.loop_lag_p50_ms, later.loop_lag_p50_ms),
    loop_lag_p99_ms: larger(earlier.loop_lag_p99_ms, later.loop_lag_p99_ms),
    loop_lag_max_ms: larger(earlier.loop_lag_max_ms, later.loop_lag_max_ms),
    interval_ms: later.interval_ms,
    wall_s: Math.round((earlier.wall_s + later.wall_s) * 1000) / 1000,
  };
}

function larger(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
