import type { Clock, ProviderAdapter } from "../providers/types.ts";
import { arrivalSchedule } from "../runner/arrival_schedule.ts";
import { dispatchPool } from "../runner/dispatch_pool.ts";
import { runAttempt } from "../runner/run_attempt.ts";
import { percentile } from "./percentile.ts";

/** Options of `checkOpenLoopRate`. */
export interface OpenLoopOptions {
  adapter: ProviderAdapter;
  model: string;
  ratePerS: number;
  requests: number;
  /** Cap on requests in flight, as `concurrency` caps an open-loop run. */
  maxInFlight: number;
  clock: Clock;
}

/** Rate accuracy of one open-loop run. */
export interface OpenLoopResult {
  targetRatePerS: number;
  requests: number;
  maxInFlight: number;
  failed: number;
  /** (requests − 1) / (last send − first send): the rate requests actually went out at. */
  achievedRatePerS: number;
  /** Achieved rate / target − 1. */
  rateError: number;
  queueDelayP50Ms: number | null;
  queueDelayP99Ms: number | null;
  queueDelayMaxMs: number | null;
  peakInFlight: number;
}

/**
 * Runs the runner's open-loop dispatcher at a constant arrival rate against the calibration
 * emulator and measures the rate requests were actually sent at and their queue delay
 * (send − scheduled arrival).
 */
export async function checkOpenLoopRate(options: OpenLoopOptions): Promise<OpenLoopResult> {
  if (!Number.isInteger(options.requests) || options.requests < 2) {
    throw new RangeError(`requests must be a whole number ≥ 2 to measure a rate, got ${options.requests}`);
  }
  const { clock } = options;
  const sends: number[] = [];
  const delays: number[] = [];
  let failed = 0;
  const origin = clock();
  const arrivals = arrivalSchedule(options.requests, { ratePerS: options.ratePerS, arrival: "constant", seed: 1 });
  const result = await dispatchPool(options.requests, async (_index, scheduledAt) => {
    const outcome = await runAttempt(
      options.adapter,
      { model: options.model, messages: [{ role: "user", content: "calibrate" }], maxOutputTokens: 64 },
      { clock, origin, firstTokenTimeoutMs: 30_000, totalTimeoutMs: 120_000 },
    );
    sends.push(outcome.send_ms);
    delays.push(outcome.send_ms - (scheduledAt - origin));
    if (outcome.error !== null) failed++;
  }, { maxInFlight: options.maxInFlight, arrivalsMs: arrivals, clock });

  const sorted = [...sends].sort((a, b) => a - b);
  const achieved = (sorted.length - 1) / ((sorted.at(-1)! - sorted[0]) / 1000);
  return {
    targetRatePerS: options.ratePerS,
    requests: options.requests,
    maxInFlight: options.maxInFlight,
    failed,
    achievedRatePerS: achieved,
    rateError: achieved / options.ratePerS - 1,
    queueDelayP50Ms: percentile(delays, 0.5),
    queueDelayP99Ms: percentile(delays, 0.99),
    queueDelayMaxMs: delays.length === 0 ? null : Math.max(...delays),
    peakInFlight: result.peakInFlight,
  };
}
