import pl from "nodejs-polars";
import { PERCENTILE_METHOD } from "./percentile_method.ts";
import { deriveRequestMetrics } from "./derive_request_metrics.ts";
import type { RawTrial } from "./derive_raw_frames.ts";

/** Metrics `deriveLatencySummary` summarises, in ms except `output_tps` (tokens per second). */
export const SUMMARISED_METRICS = [
  "ttft_ms",
  "ttft_answer_ms",
  "reasoning_ms",
  "ttlt_ms",
  "e2e_ms",
  "tpot_ms",
  "output_tps",
  "queue_delay_ms",
  "e2e_from_scheduled_ms",
  "user_e2e_ms",
] as const;
export type SummarisedMetric = (typeof SUMMARISED_METRICS)[number];

/** Distribution of one metric over successful live requests. */
export interface MetricStats {
  n: number;
  mean: number | null;
  min: number | null;
  p50: number | null;
  p90: number | null;
  /** Null below 100 values, where the 99th percentile is just the maximum. */
  p99: number | null;
  max: number | null;
}

/** Outcome counts and latency distributions of one group of trials. */
export interface LatencySummary {
  /** Values of the grouping keys, e.g. `{ model: "openai:gpt-4o" }`. */
  group: Record<string, string | number | null>;
  /** Trial records in the group. */
  n: number;
  /** Requests sent live (cached trials excluded). */
  live: number;
  ok: number;
  cached: number;
  /** ok / live; null when nothing ran live. */
  success_rate: number | null;
  /** Failed live requests per error class. */
  errors: Record<string, number>;
  metrics: Record<SummarisedMetric, MetricStats>;
}

/**
 * Summarises trials per group: success rate over live requests, failures per error class,
 * and for each metric the mean, minimum, linear-interpolation percentiles and maximum over
 * successful live requests only. Failed, timed-out and cached trials are counted but never
 * enter a latency value, so a fast error cannot pull the minimum or the mean down.
 *
 * @example
 * const [summary] = deriveLatencySummary(records, ["model"]);
 * summary.metrics.ttft_ms.p50;
 */
export function deriveLatencySummary(records: readonly RawTrial[], keys: readonly string[] = ["model"]): LatencySummary[] {
  const metrics = deriveRequestMetrics(records);
  for (const key of keys) {
    if (!metrics.columns.includes(key)) throw new RangeError(`deriveLatencySummary: no column "${key}" to group by`);
  }
  if (metrics.height === 0) return [];
  const method = PERCENTILE_METHOD.polarsInterpolation;
  const stats = SUMMARISED_METRICS.flatMap((name) => {
    const values = pl.col(name).filter(pl.col("in_latency_stats"));
    return [
      values.isNotNull().sum().alias(`${name}__n`),
      values.mean().alias(`${name}__mean`),
      values.min().alias(`${name}__min`),
      values.quantile(0.5, method).alias(`${name}__p50`),
      values.quantile(0.9, method).alias(`${name}__p90`),
      values.quantile(0.99, method).alias(`${name}__p99`),
      values.max().alias(`${name}__max`),
    ];
  });
  const live = pl.col("cached").not();
  const grouped = metrics.groupBy([...keys]).agg(
    pl.len().alias("n"),
    live.sum().alias("live"),
    pl.col("in_latency_stats").sum().alias("ok"),
    pl.col("cached").sum().alias("cached"),
    pl.col("error_class").filter(live.and(pl.col("status").eq(pl.lit("error")))).fillNull(pl.lit("unknown")).alias("error_classes"),
    ...stats,
  ).sort([...keys]);

  return (grouped.toRecords() as Record<string, unknown>[]).map((row) => {
    const errors: Record<string, number> = {};
    for (const name of (row.error_classes as string[]) ?? []) errors[name] = (errors[name] ?? 0) + 1;
    const liveCount = Number(row.live);
    const ok = Number(row.ok);
    const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
    return {
      group: Object.fromEntries(keys.map((key) => [key, row[key] as string | number | null])),
      n: Number(row.n),
      live: liveCount,
      ok,
      cached: Number(row.cached),
      success_rate: liveCount > 0 ? ok / liveCount : null,
      errors,
      metrics: Object.fromEntries(SUMMARISED_METRICS.map((name) => {
        const n = Number(row[`${name}__n`] ?? 0);
        return [name, {
          n,
          mean: number(row[`${name}__mean`]),
          min: number(row[`${name}__min`]),
          p50: number(row[`${name}__p50`]),
          p90: number(row[`${name}__p90`]),
          p99: n >= 100 ? number(row[`${name}__p99`]) : null,
          max: number(row[`${name}__max`]),
        }];
      })) as Record<SummarisedMetric, MetricStats>,
    };
  });
}
