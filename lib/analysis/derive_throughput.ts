import pl from "nodejs-polars";
import { PERCENTILE_METHOD } from "./percentile_method.ts";
import { deriveRawFrames, isContentEvent, type RawTrial } from "./derive_raw_frames.ts";
import { deriveRequestMetrics } from "./derive_request_metrics.ts";

/** Options of `deriveThroughput`. */
export interface ThroughputOptions {
  /** Seconds after a phase's first scheduled request that the window skips. */
  warmupS?: number;
  /** Seconds before a phase's last completion that the window skips. */
  cooldownS?: number;
  /** Latency targets for goodput; a null or absent target is not checked. */
  targets?: { ttft_ms?: number | null; tpot_ms?: number | null; e2e_ms?: number | null };
}

/** One second of a throughput series: output tokens streamed and requests completed in it. */
export interface ThroughputSecond {
  second: number;
  output_tokens: number;
  completed: number;
}

/** Throughput of one load phase of one session inside its measurement window. */
export interface ThroughputSummary {
  phase: number;
  concurrency: number | null;
  load_mode: string | null;
  origin_unix_ms: number | null;
  /** Window bounds in ms on the run clock, and its length in s; null bounds when warm-up and cool-down leave no window. */
  window_start_ms: number | null;
  window_end_ms: number | null;
  window_s: number;
  /** Live requests that ended inside the window, failed ones included. */
  completed: number;
  ok: number;
  output_tokens: number;
  /** Output tokens of successful requests completed in the window / window length. */
  output_tokens_per_s: number | null;
  /** Successful requests completed in the window / window length. */
  requests_per_s: number | null;
  /** Successful requests that met every latency target / window length. */
  goodput_per_s: number | null;
  /** Share of successful requests in the window that met every target. */
  goodput_ratio: number | null;
  /** One entry per whole second of the window. */
  series: ThroughputSecond[];
  peak_output_tokens_per_s: number | null;
  queue_delay_p50_ms: number | null;
  queue_delay_p99_ms: number | null;
  queue_delay_max_ms: number | null;
}

/**
 * Derives aggregate throughput per load phase (and per resumed session, which has its own
 * clock) over a measurement window: from the phase's first scheduled request plus the
 * warm-up to its last completion minus the cool-down.
 *
 * Aggregate numbers count requests by their completion time in (start, end]. Servers report
 * tokens per request, not per chunk, so the 1-second series spreads each successful request's
 * output tokens over its content events in proportion to their characters. The series thus
 * shows when tokens were streamed, and its peak is the busiest whole second. Cached trials are
 * left out.
 */
export function deriveThroughput(records: readonly RawTrial[], options: ThroughputOptions = {}): ThroughputSummary[] {
  const warmupMs = (options.warmupS ?? 0) * 1000;
  const cooldownMs = (options.cooldownS ?? 0) * 1000;
  if (!(warmupMs >= 0) || !(cooldownMs >= 0)) throw new RangeError("deriveThroughput: warmupS and cooldownS must be ≥ 0 seconds");
  const targets = options.targets ?? {};

  const metrics = deriveRequestMetrics(records).filter(pl.col("cached").not());
  if (metrics.height === 0) return [];
  let meets = pl.col("in_latency_stats");
  if (targets.ttft_ms != null) meets = meets.and(pl.col("ttft_ms").ltEq(targets.ttft_ms));
  if (targets.tpot_ms != null) meets = meets.and(pl.col("tpot_ms").isNull().or(pl.col("tpot_ms").ltEq(targets.tpot_ms)));
  if (targets.e2e_ms != null) meets = meets.and(pl.col("e2e_ms").ltEq(targets.e2e_ms));
  const withTargets = metrics.withColumns(meets.alias("meets_targets"), pl.col("origin_unix_ms").fillNull(-1).alias("session"));

  const { events } = deriveRawFrames(records);
  const sessions = withTargets.select("session", "phase").unique().sort(["session", "phase"]).toRecords();
  return sessions.map(({ session, phase }) => {
    const group = withTargets.filter(pl.col("session").eq(pl.lit(session)).and(pl.col("phase").eq(pl.lit(phase))));
    return summarisePhase(group, events, warmupMs, cooldownMs);
  });
}

function summarisePhase(group: pl.DataFrame, events: pl.DataFrame, warmupMs: number, cooldownMs: number): ThroughputSummary {
  const first = group.select(
    pl.col("scheduled_ms").min().alias("start"),
    pl.col("end_ms").max().alias("end"),
    pl.col("concurrency").first().alias("concurrency"),
    pl.col("load_mode").first().alias("load_mode"),
    pl.col("origin_unix_ms").first().alias("origin_unix_ms"),
    pl.col("phase").first().alias("phase"),
    pl.col("queue_delay_ms").quantile(0.5, PERCENTILE_METHOD.polarsInterpolation).alias("q50"),
    pl.col("queue_delay_ms").quantile(0.99, PERCENTILE_METHOD.polarsInterpolation).alias("q99"),
    pl.col("queue_delay_ms").max().alias("qmax"),
  ).toRecords()[0] as Record<string, number | string | null>;
  const start = Number(first.start) + warmupMs;
  const end = Number(first.end) - cooldownMs;
  const windowS = Math.max(0, (end - start) / 1000);
  const base = {
    phase: Number(first.phase),
    concurrency: first.concurrency === null ? null : Number(first.concurrency),
    load_mode: first.load_mode === null ? null : String(first.load_mode),
    origin_unix_ms: first.origin_unix_ms === null ? null : Number(first.origin_unix_ms),
    queue_delay_p50_ms: numberOrNull(first.q50),
    queue_delay_p99_ms: numberOrNull(first.q99),
    queue_delay_max_ms: numberOrNull(first.qmax),
  };
  if (windowS <= 0) {
    return {
      ...base,
      window_start_ms: null,
      window_end_ms: null,
      window_s: 0,
      completed: 0,
      ok: 0,
      output_tokens: 0,
      output_tokens_per_s: null,
      requests_per_s: null,
      goodput_per_s: null,
      goodput_ratio: null,
      series: [],
      peak_output_tokens_per_s: null,
    };
  }

  // A completion at the very start belongs to the warm-up, one at the very end to the window.
  const inWindow = group.filter(pl.col("end_ms").gt(start).and(pl.col("end_ms").ltEq(end)));
  const totals = inWindow.select(
    pl.len().alias("completed"),
    pl.col("in_latency_stats").sum().alias("ok"),
    pl.col("output_tokens").filter(pl.col("in_latency_stats")).sum().alias("tokens"),
    pl.col("meets_targets").sum().alias("good"),
  ).toRecords()[0] as Record<string, number | null>;
  const ok = Number(totals.ok ?? 0);
  const tokens = Number(totals.tokens ?? 0);
  const series = perSecond(group, events, start, Math.floor(windowS));
  return {
    ...base,
    window_start_ms: start,
    window_end_ms: end,
    window_s: windowS,
    completed: Number(totals.completed ?? 0),
    ok,
    output_tokens: tokens,
    output_tokens_per_s: tokens / windowS,
    requests_per_s: ok / windowS,
    goodput_per_s: Number(totals.good ?? 0) / windowS,
    goodput_ratio: ok > 0 ? Number(totals.good ?? 0) / ok : null,
    series,
    // A loop, because spreading a long series into Math.max overflows the call stack.
    peak_output_tokens_per_s: series.length === 0 ? null : series.reduce((max, s) => Math.max(max, s.output_tokens), -Infinity),
  };
}

/**
 * Buckets tokens (spread over content events by characters) into the window's whole
 * seconds [k, k + 1), and completions into (k, k + 1].
 */
function perSecond(group: pl.DataFrame, events: pl.DataFrame, start: number, seconds: number): ThroughputSecond[] {
  const series = Array.from({ length: seconds }, (_, second) => ({ second, output_tokens: 0, completed: 0 }));
  if (seconds === 0) return series;
  const bucket = (t: pl.Expr) => t.minus(start).div(1000).floor().cast(pl.Int64);
  const inRange = (name: string) => pl.col(name).gtEq(0).and(pl.col(name).lt(seconds));
  const ok = group.filter(pl.col("in_latency_stats")).select("rid", "output_tokens", "end_ms");

  const tokenRows = events
    .filter(isContentEvent)
    .join(ok, { on: "rid", how: "inner" })
    .withColumns(pl.col("chars").sum().over("rid").alias("request_chars"))
    .withColumns(
      pl.col("output_tokens").cast(pl.Float64).mul(pl.col("chars").cast(pl.Float64)).div(pl.col("request_chars").cast(pl.Float64))
        .alias("tokens"),
      bucket(pl.col("t_ms")).alias("second"),
    )
    .filter(inRange("second").and(pl.col("tokens").isNotNull()))
    .groupBy("second")
    .agg(pl.col("tokens").sum().alias("tokens"))
    .toRecords();
  for (const row of tokenRows) series[Number(row.second)].output_tokens = Number(row.tokens);

  // Completions use (k, k + 1] seconds, matching the window's (start, end].
  const completionSecond = pl.col("end_ms").minus(start).div(1000).ceil().minus(1).cast(pl.Int64);
  const completions = ok.withColumns(completionSecond.alias("second"))
    .filter(inRange("second"))
    .groupBy("second")
    .agg(pl.len().alias("completed"))
    .toRecords();
  for (const row of completions) series[Number(row.second)].completed = Number(row.completed);
  return series;
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
