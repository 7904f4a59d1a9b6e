import type { Clock } from "../providers/types.ts";

/** Options of `dispatchPool`. */
export interface DispatchOptions {
  /** Most tasks running at once. */
  maxInFlight: number;
  /**
   * Open loop: the due time of each task in ms after the pool starts (see `arrivalSchedule`).
   * Null: closed loop, where a task is due as soon as a slot is free.
   */
  arrivalsMs: readonly number[] | null;
  clock: Clock;
  /** Aborting stops dispatching; tasks already running finish (they see the signal themselves). */
  signal?: AbortSignal;
  /** Checked right before task `index` starts; a returned reason stops the pool there. */
  admit?: (index: number) => string | null;
}

/** Observations of one `dispatchPool` run. Times are clock readings. */
export interface DispatchResult {
  started: number;
  peakInFlight: number;
  /** Reason dispatching stopped before the last task, or null. */
  stopReason: string | null;
  startedAt: number;
  endedAt: number;
}

/** Reason recorded when the caller's signal stops a pool. */
export const CANCELLED_REASON = "cancelled by the user (Ctrl-C)";

/**
 * Runs `count` tasks with at most `maxInFlight` at once and passes each its scheduled time.
 *
 * In a closed loop a task is scheduled when a slot frees, so its queue delay is only the
 * dispatcher's own overhead. In an open loop a task is scheduled at its arrival time even
 * when every slot is busy: it then waits for a slot, and that wait is queue delay that a
 * latency measured from the scheduled time still shows. Resolves when every started task
 * has settled; rethrows the first error a task threw, after the others settled.
 */
export async function dispatchPool(
  count: number,
  run: (index: number, scheduledAt: number) => Promise<void>,
  options: DispatchOptions,
): Promise<DispatchResult> {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (!Number.isInteger(options.maxInFlight) || options.maxInFlight < 1) {
    throw new RangeError(`maxInFlight must be a whole number ≥ 1 (0 would mean nothing runs), got ${options.maxInFlight}`);
  }
  if (options.arrivalsMs !== null && options.arrivalsMs.length < count) {
    throw new RangeError(`arrivalsMs has ${options.arrivalsMs.length} times for ${count} tasks`);
  }
  const { clock, signal } = options;
  const startedAt = clock();
  const running = new Set<Promise<void>>();
  let inFlight = 0;
  let peakInFlight = 0;
  let started = 0;
  let stopReason: string | null = null;
  let failure: { error: unknown } | null = null;
  let slotFreed: (() => void) | null = null;

  for (let index = 0; index < count; index++) {
    if (signal?.aborted) {
      stopReason = CANCELLED_REASON;
      break;
    }
    const due = options.arrivalsMs === null ? null : startedAt + options.arrivalsMs[index];
    if (due !== null) await sleepUntil(clock, due, signal);
    while (inFlight >= options.maxInFlight) {
      await new Promise<void>((resolve) => (slotFreed = resolve));
    }
    if (signal?.aborted) {
      stopReason = CANCELLED_REASON;
      break;
    }
    if (failure !== null) break;
    const admission = options.admit?.(index) ?? null;
    if (admission !== null) {
      stopReason = admission;
      break;
    }

    const scheduledAt = due ?? clock();
    inFlight++;
    started++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    const task = run(index, scheduledAt)
      .catch((error) => {
        failure ??= { error };
      })
      .finally(() => {
        inFlight--;
        running.delete(task);
        const wake = slotFreed;
        slotFreed = null;
        wake?.();
      });
    running.add(task);
  }

  while (running.size > 0) await Promise.all([...running]);
  if (failure !== null) throw (failure as { error: unknown }).error;
  return { started, peakInFlight, stopReason, startedAt, endedAt: clock() };
}

async function sleepUntil(clock: Clock, due: number, signal?: AbortSignal): Promise<void> {
  // Timers round to whole milliseconds and may fire a fraction early, so sleep again until due:
  // a request sent before its arrival time would show a negative queue delay.
  while (clock() < due && !signal?.aborted) {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, Math.ceil(due - clock())));
      signal?.addEventListener("abort", done, { once: true });
    });
  }
}
