import pl from "nodejs-polars";
import { peakInFlight } from "./peak_in_flight.ts";
import { quantileSorted } from "./quantile_sorted.ts";

/** One run at one concurrency setting. */
export interface ConcurrencyRun {
  /** Name shown for the run, e.g. its run id. */
  label: string;
  /** The configured limit; null when the run had no limit ("unbounded"). */
  configured_concurrency: number | null;
  /** The run's trials frame (see `loadTrials`). */
  trials: pl.DataFrame;
  /** Peak the runner recorded (`run.json` peak_in_flight), when known. */
  recorded_peak_in_flight?: number | null;
}

/** Throughput of one run, next to its configured and observed concurrency. */
export interface ConcurrencyThroughput {
  label: string;
  configured_concurrency: number | null;
  /** The configured limit as text, "unbounded" when there was none. */
  configured_label: string;
  recorded_peak_in_flight: number | null;
  /** Maximum number of trials in flight at once, from their send and end times. */
  observed_peak_in_flight: number;
  /** True when more trials were in flight than the configured limit allows. */
  limit_exceeded: boolean;
  requests: number;
  completed: number;
  error_rate: number | null;
  /** First send to last end over all trials, ms. */
  window_ms: number | null;
  /** Successful trials per second of the window. */
  requests_per_s: number | null;
  /** Output tokens of successful trials per second of the window. */
  output_tokens_per_s: number | null;
  /** Median TTFT and end-to-end latency of successful trials not served from a cache (linear). */
  ttft_p50_ms: number | null;
  e2e_p50_ms: number | null;
}

/**
 * Measure request and token throughput of runs made at different concurrency limits,
 * sorted by the limit with unbounded runs last. Each row puts the configured limit next
 * to the peak in flight observed from the trials' send and end times, so a limit that
 * was not enforced shows. Throws a RangeError for a configured limit of 0 or less,
 * because no limit is written as null.
 *
 * NOTE: the window spans the whole run, warm-up and tail included, so throughput is a
 * lower bound of the steady-state rate.
 */
export function throughputByConcurrency(runs: readonly ConcurrencyRun[]): ConcurrencyThroughput[] {
  if (!Array.isArray(runs)) throw new TypeError("throughputByConcurrency: runs must be an array of ConcurrencyRun");
  for (const run of runs) {
    const limit = run.configured_concurrency;
    if (limit !== null && (!Number.isInteger(limit) || limit < 1)) {
      throw new RangeError(
        `throughputByConcurrency: configured_concurrency of ${run.label} must be a whole number ≥ 1, or null for no limit, got ${limit}`,
      );
    }
  }
  const rows = runs.map(measure);
  return rows.sort((x, y) => (x.configured_concurrency ?? Infinity) - (y.configured_concurrency ?? Infinity));
}

function measure(run: ConcurrencyRun): ConcurrencyThroughput {
  const trials = run.trials;
  const requests = trials.height;
  const ok = pl.col("status").eq(pl.lit("ok"));
  const succeeded = trials.filter(ok);
  const live = succeeded.filter(pl.col("cached").not());
  const starts = trials.getColumn("send_ms").toArray() as (number | null)[];
  const ends = trials.getColumn("end_ms").toArray() as (number | null)[];
  const intervals = starts.flatMap((start, i) => (start === null || ends[i] === null ? [] : [{ start, end: ends[i] }]));

  let first = Infinity;
  let last = -Infinity;
  for (const { start, end } of intervals) {
    first = Math.min(first, start);
    last = Math.max(last, end as number);
  }
  const windowMs = intervals.length === 0 ? null : last - first;
  const perSecond = (count: number) => (windowMs === null || windowMs <= 0 ? null : count / (windowMs / 1000));
  const outputTokens = (succeeded.getColumn("output_tokens").toArray() as (number | null)[])
    .reduce((sum: number, v) => sum + (v ?? 0), 0);
  const observed = peakInFlight(intervals);
  const limit = run.configured_concurrency;
  return {
    label: run.label,
    configured_concurrency: limit,
    configured_label: limit === null ? "unbounded" : String(limit),
    recorded_peak_in_flight: run.recorded_peak_in_flight ?? null,
    observed_peak_in_flight: observed,
    limit_exceeded: limit !== null && observed > limit,
    requests,
    completed: succeeded.height,
    error_rate: requests === 0 ? null : (requests - succeeded.height) / requests,
    window_ms: windowMs,
    requests_per_s: perSecond(succeeded.height),
    output_tokens_per_s: perSecond(outputTokens),
    ttft_p50_ms: median(live.getColumn("ttft_ms").toArray() as (number | null)[]),
    e2e_p50_ms: median(live.getColumn("e2e_ms").toArray() as (number | null)[]),
  };
}

function median(values: (number | null)[]): number | null {
  const present = Float64Array.from(values.filter((v): v is number => v !== null)).sort();
  return quantileSorted(present, 0.5);
}
