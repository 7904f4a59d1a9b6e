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

/** A running monitor; `stop` ends it and returns what it saw. */
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
