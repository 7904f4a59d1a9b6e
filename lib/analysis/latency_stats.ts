import pl from "nodejs-polars";
import { bootstrapInterval, type BootstrapInterval, type BootstrapOptions } from "./bootstrap_interval.ts";
import type { QuantileMethod } from "./quantile_sorted.ts";
import { sampleStatistics } from "./sample_statistics.ts";
import { type PercentileSummary, summarisePercentiles } from "./summarise_percentiles.ts";

/** Trial columns `latencyStats` can summarise. */
export type LatencyMetric = "ttft_ms" | "ttft_answer_ms" | "ttlt_ms" | "e2e_ms" | "output_tps" | "queue_delay_ms";

/** Options of {@link latencyStats}. */
export interface LatencyStatsOptions {
  /** Keep only this model's trials. */
  model?: string;
  /** Keep only this dataset's trials. */
  dataset?: string;
  /** Percentile method; default "linear". */
  method?: QuantileMethod;
  /** Bootstrap settings of the p50 and p90 intervals, or false to skip them. */
  bootstrap?: BootstrapOptions | false;
}

/** Percentiles of one latency metric over live successful trials, with the counts behind them. */
export interface LatencyStats extends PercentileSummary {
  metric: LatencyMetric;
  /** Trial records considered, failed ones included. */
  trials: number;
  succeeded: number;
  failed: number;
  /** Successful trials served from a cache; they keep their row but are left out of the percentiles. */
  cached: number;
  /** succeeded / trials. */
  success_rate: number | null;
  /** Failed trials per error class ("unknown" when the class is missing). */
  errors_by_class: Record<string, number>;
  /** Percentile-bootstrap intervals of p50 and p90; null without values or when skipped. */
  p50_ci: BootstrapInterval | null;
  p90_ci: BootstrapInterval | null;
}

/**
 * Summarise one latency metric of a trials frame. Only successful trials that were not
 * served from a cache enter the percentiles, so a fast HTTP 500 or a cache hit cannot
 * make the model look fast. Failed trials are counted by error class instead, and a
 * client-side timeout counts as failed. Intervals for p50 and p90 come from a seeded
 * bootstrap (2,000 resamples by default).
 *
 * @example
 * latencyStats(trials, "ttft_ms", { model: "openai:gpt-4o" }).p50;
 */
export function latencyStats(
  trials: pl.DataFrame,
  metric: LatencyMetric = "e2e_ms",
  options: LatencyStatsOptions = {},
): LatencyStats {
  if (!trials || typeof trials.filter !== "function") {
    throw new TypeError("latencyStats: trials must be the polars frame loadTrials returns");
  }
  if (!trials.columns.includes(metric)) {
    throw new RangeError(`latencyStats: the frame has no column "${metric}"; build it with loadTrials`);
  }
  let rows = trials;
  if (options.model !== undefined) rows = rows.filter(pl.col("model").eq(pl.lit(options.model)));
  if (options.dataset !== undefined) rows = rows.filter(pl.col("dataset").eq(pl.lit(options.dataset)));

  const ok = pl.col("status").eq(pl.lit("ok"));
  const succeeded = rows.filter(ok);
  const live = succeeded.filter(pl.col("cached").not());
  const values = (live.getColumn(metric).toArray() as (number | null)[]).filter((v): v is number => v !== null);
  const failedClasses = rows.filter(ok.not()).getColumn("error_class").toArray() as (string | null)[];
  const errorsByClass: Record<string, number> = {};
  for (const errorClass of failedClasses) {
    const key = errorClass ?? "unknown";
    errorsByClass[key] = (errorsByClass[key] ?? 0) + 1;
  }

  const method = options.method ?? "linear";
  const bootstrap = options.bootstrap === false ? null : options.bootstrap ?? {};
  const interval = (q: number) =>
    bootstrap === null ? null : bootstrapInterval(values, sampleStatistics.quantile(q, method), bootstrap);
  return {
    metric,
    ...summarisePercentiles(values, method),
    trials: rows.height,
    succeeded: succeeded.height,
    failed: rows.height - succeeded.height,
    cached: succeeded.height - live.height,
    success_rate: rows.height === 0 ? null : succeeded.height / rows.height,
    errors_by_class: errorsByClass,
    p50_ci: interval(0.5),
    p90_ci: interval(0.9),
  };
}
