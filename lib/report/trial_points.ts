import pl from "nodejs-polars";
import type { DistributionStats, TrialPoint } from "../charts/chart_types.ts";
import { MAX_DOTS_PER_MODEL } from "../charts/sample_per_model.ts";

/**
 * Pick the successful, live (not cached) trials the per-trial charts draw: at most
 * {@link MAX_DOTS_PER_MODEL} per model, evenly spread over the run, so a million trials
 * never reach the chart renderer. Sampling happens in polars before rows become objects.
 */
export function trialPoints(trials: pl.DataFrame): TrialPoint[] {
  const live = liveTrials(trials, ["model", "dataset", "ttft_ms", "e2e_ms", "output_tps", "input_tokens", "output_tokens"]);
  if (live.height === 0) return [];
  const index = pl.col("model").cumCount().over("model");
  const stride = pl.col("model").count().over("model").div(MAX_DOTS_PER_MODEL).ceil().cast(pl.Int64);
  return live
    .filter(index.modulo(stride).eq(0))
    .select("model", "dataset", "ttft_ms", "e2e_ms", "output_tps", "input_tokens", "output_tokens")
    .toRecords() as unknown as TrialPoint[];
}

/**
 * Compute p5, p25, p50, p75 and p95 of a trial field per model over every live successful
 * trial, by linear interpolation, for the distribution charts' boxes and ticks.
 */
export function distributionQuantiles(trials: pl.DataFrame, field: "ttft_ms" | "output_tps" | "e2e_ms"): DistributionStats[] {
  const live = liveTrials(trials, ["model", field]).filter(pl.col(field).isNotNull());
  if (live.height === 0) return [];
  const q = (p: number, name: string) => pl.col(field).quantile(p, "linear").alias(name);
  return live.groupBy("model")
    .agg(pl.len().alias("n"), q(0.05, "p5"), q(0.25, "p25"), q(0.5, "p50"), q(0.75, "p75"), q(0.95, "p95"))
    .sort("model")
    .toRecords() as unknown as DistributionStats[];
}

/**
 * Keep successful trials that were not served from a cache, with only `columns` (all when
 * left out): selecting first keeps a million-row filter from copying every text column.
 */
export function liveTrials(trials: pl.DataFrame, columns?: readonly string[]): pl.DataFrame {
  const hasCached = trials.columns.includes("cached");
  const keep = columns ? [...new Set([...columns, "status", ...(hasCached ? ["cached"] : [])])] : trials.columns;
  const ok = pl.col("status").eq(pl.lit("ok"));
  const live = trials.select(...keep).filter(hasCached ? ok.and(pl.col("cached").not()) : ok);
  return columns ? live.select(...columns) : live;
}
