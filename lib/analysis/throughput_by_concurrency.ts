import pl from "nodejs-polars";
import { peakInFlightColumns } from "./peak_in_flight_columns.ts";
import { PERCENTILE_METHOD } from "./percentile_method.ts";

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
  const ok = pl.col("status").eq(pl.lit("ok"));
  const live = ok.and(pl.col("cached").not());
  const timed = pl.col("send_ms").isNotNull().and(pl.col("end_ms").isNotNull());
  // Polars computes the totals, and only the send and end columns reach JS, as typed arrays.
  // Without nulls, polars' linear median equals quantileSorted's.
  const liveMedian = (name: string) =>
    pl.col(name).filter(live.and(pl.col(name).isNotNull())).quantile(0.5, PERCENTILE_METHOD.polarsInterpolation);
  const totals = trials.lazy().select(
    pl.len().alias("requests"),
    ok.sum().alias("completed"),
    pl.col("output_tokens").filter(ok).sum().alias("output_tokens"),
    timed.sum().alias("timed"),
    pl.col("send_ms").filter(timed).min().alias("first"),
    pl.col("end_ms").filter(timed).max().alias("last"),
    liveMedian("ttft_ms").alias("ttft_p50_ms"),
    liveMedian("e2e_ms").alias("e2e_p50_ms"),
  ).collectSync().toRecords()[0] as Record<string, unknown>;
  const spans = trials.lazy().filter(timed).select("send_ms", "end_ms").collectSync();
  const observed = spans.height === 0
    ? 0
    : peakInFlightColumns(spans.getColumn("send_ms").toTypedArray(), spans.getColumn("end_ms").toTypedArray());

  const requests = Number(totals.requests ?? 0);
  const completed = Number(totals.completed ?? 0);
  const windowMs = Number(totals.timed ?? 0) === 0 ? null : Number(totals.last) - Number(totals.first);
  const perSecond = (count: number) => (windowMs === null || windowMs <= 0 ? null : count / (windowMs / 1000));
  const limit = run.configured_concurrency;
  return {
    label: run.label,
    configured_concurrency: limit,
    configured_label: limit === null ? "unbounded" : String(limit),
    recorded_peak_in_flight: run.recorded_peak_in_flight ?? null,
    observed_peak_in_flight: observed,
    limit_exceeded: limit !== null && observed > limit,
    requests,
    completed,
    error_rate: requests === 0 ? null : (requests - completed) / requests,
    window_ms: windowMs,
    requests_per_s: perSecond(completed),
    output_tokens_per_s: perSecond(Number(totals.output_tokens ?? 0)),
    ttft_p50_ms: numberOrNull(totals.ttft_p50_ms),
    e2e_p50_ms: numberOrNull(totals.e2e_p50_ms),
  };
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
