import { cpuUsage } from "node:process";
import type { Clock, ProviderAdapter } from "../providers/types.ts";
import { dispatchPool } from "../runner/dispatch_pool.ts";
import { runAttempt } from "../runner/run_attempt.ts";
import { percentile } from "./percentile.ts";
import { type TimingErrors, timingErrors } from "./timing_errors.ts";

/**
 * Runs one calibration stream and returns its timing errors; throws when the stream failed.
 * `origin` is the clock reading that the level's send and receive times count from, and
 * `originUnixMs` its Unix time (null when the clock does not map to Unix time).
 */
export type StreamRunner = (origin: number, originUnixMs: number | null) => Promise<TimingErrors>;

/** Creates a `StreamRunner` for the full harness path: official SDK, adapter and `runAttempt`. */
export function sdkStreamRunner(adapter: ProviderAdapter, model: string, clock: Clock): StreamRunner {
  return async (origin, originUnixMs) => {
    const outcome = await runAttempt(
      adapter,
      { model, messages: [{ role: "user", content: "calibrate" }], maxOutputTokens: 64 },
      { clock, origin, firstTokenTimeoutMs: 30_000, totalTimeoutMs: 120_000 },
    );
    return timingErrors(outcome, originUnixMs);
  };
}

/** Options of `measureLevel`. */
export interface LevelOptions {
  runStream: StreamRunner;
  concurrency: number;
  /** Requests run first and not measured: they open connections and warm the JIT. */
  warmupRequests: number;
  requests: number;
  /** Duration of one scripted stream, over which the warm-up requests are spread. */
  streamDurationMs: number;
  clock: Clock;
  /** Converts a clock reading to Unix ms, to split the TTFT error by path; absent skips the split. */
  originUnixMs?: (reading: number) => number;
}

/** Timing accuracy of the harness at one concurrency level. Errors are absolute values in ms. */
export interface LevelResult {
  concurrency: number;
  requests: number;
  failed: number;
  ttftErrorP50Ms: number | null;
  ttftErrorP99Ms: number | null;
  ttftErrorMaxMs: number | null;
  /** Request-path share of the TTFT error (harness send to emulator arrival), signed; null when not measured. */
  requestPathP50Ms: number | null;
  requestPathP99Ms: number | null;
  gapErrorP50Ms: number | null;
  gapErrorP99Ms: number | null;
  gapErrorMaxMs: number | null;
  gaps: number;
  /** Harness CPU time (user + system) per stream event, warm-up included, µs. */
  cpuUsPerEvent: number | null;
  /** Stream events per second the harness handled, warm-up included. */
  eventsPerS: number;
  /** Harness CPU time over wall time: 1.0 is one core fully busy. */
  cpuLoad: number;
  wallS: number;
}

/**
 * Runs calibration streams at one concurrency level in a closed-loop pool and measures the
 * client's timing errors against the send times the server stamped into each chunk. Failed
 * streams are counted, not measured.
 */
export async function measureLevel(options: LevelOptions): Promise<LevelResult> {
  const { clock, concurrency } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, got ${concurrency}`);
  const total = options.warmupRequests + options.requests;
  // The warm-up requests start spread over one stream's duration. Identical scripted durations
  // would otherwise keep the streams in waves that all send at once. Every later request is
  // due at once, which makes the measured part a closed loop.
  const spreadMs = options.streamDurationMs;
  const arrivals = Array.from({ length: total }, (_, i) => (i < options.warmupRequests ? (i * spreadMs) / Math.max(1, options.warmupRequests) : 0));

  const ttft: number[] = [];
  const requestPath: number[] = [];
  const gaps: number[] = [];
  let events = 0;
  let failed = 0;
  const origin = clock();
  const originUnixMs = options.originUnixMs?.(origin) ?? null;
  const cpuBefore = cpuUsage();
  const started = clock();
  await dispatchPool(total, async (index) => {
    let errors: TimingErrors;
    try {
      errors = await options.runStream(origin, originUnixMs);
    } catch {
      if (index >= options.warmupRequests) failed++;
      return;
    }
    events += errors.events;
    if (index < options.warmupRequests) return;
    ttft.push(Math.abs(errors.ttftErrorMs));
    if (errors.requestPathMs !== null) requestPath.push(errors.requestPathMs);
    for (const gap of errors.gapErrorsMs) gaps.push(Math.abs(gap));
  }, { maxInFlight: concurrency, arrivalsMs: arrivals, clock });

  const wallS = (clock() - started) / 1000;
  const cpu = cpuUsage(cpuBefore);
  return {
    concurrency,
    requests: options.requests,
    failed,
    ttftErrorP50Ms: percentile(ttft, 0.5),
    ttftErrorP99Ms: percentile(ttft, 0.99),
    ttftErrorMaxMs: ttft.length === 0 ? null : Math.max(...ttft),
    requestPathP50Ms: percentile(requestPath, 0.5),
    requestPathP99Ms: percentile(requestPath, 0.99),
    gapErrorP50Ms: percentile(gaps, 0.5),
    gapErrorP99Ms: percentile(gaps, 0.99),
    gapErrorMaxMs: gaps.length === 0 ? null : gaps.reduce((a, b) => Math.max(a, b), 0),
    gaps: gaps.length,
    cpuUsPerEvent: events === 0 ? null : (cpu.user + cpu.system) / events,
    eventsPerS: wallS > 0 ? events / wallS : 0,
    cpuLoad: wallS > 0 ? (cpu.user + cpu.system) / 1e6 / wallS : 0,
    wallS,
  };
}
