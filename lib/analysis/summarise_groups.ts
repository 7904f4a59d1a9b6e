import pl from "nodejs-polars";
import { PERCENTILE_METHOD } from "./percentile_method.ts";
import type { GroupSummary } from "./summary_types.ts";
import { wilsonInterval } from "./wilson_interval.ts";

/** Columns a trials frame can be grouped by. */
export type GroupKey = "model" | "dataset" | "task_kind";

const METHOD = PERCENTILE_METHOD.polarsInterpolation;

/**
 * Summarise a trials frame (see `loadTrials`) per group of `keys`, sorted by the keys.
 * `model` must be one of the keys. Latency and speed use successful trials that were not
 * served from a cache; tokens and cost use every successful trial.
 */
export function summariseGroups(trials: pl.DataFrame, keys: readonly GroupKey[]): GroupSummary[] {
  if (!keys.includes("model")) {
    throw new RangeError(`summariseGroups: keys must include "model", got [${keys.join(", ")}]`);
  }
  for (const key of keys) {
    if (!trials.columns.includes(key)) {
      throw new RangeError(`summariseGroups: the frame has no column "${key}"; build it with loadTrials`);
    }
  }
  if (trials.height === 0) return [];

  const ok = pl.col("status").eq(pl.lit("ok"));
  // A response served from a cache measures the cache, not the model, so it has no latency.
  const live = ok.and(pl.col("cached").not());
  const final = pl.col("is_final_attempt");
  const okValues = (name: string) => pl.col(name).filter(ok);
  const liveValues = (name: string) => pl.col(name).filter(live);
  // Polars shifts the interpolation position by the nulls in a group. Without nulls it computes
  // exactly x[i] + (x[i+1] − x[i]) × f, as quantileSorted does.
  const livePercentile = (name: string, q: number) => liveValues(name).dropNulls().quantile(q, METHOD);
  // Counting with row masks instead of filtered lists keeps the aggregation on polars' fast path.
  const countKnown = (name: string, alias: string) => ok.and(pl.col(name).isNotNull()).sum().alias(alias);
  const countLive = (name: string, alias: string) => live.and(pl.col(name).isNotNull()).sum().alias(alias);
  const liveOnly = (name: string) => pl.when(live).then(pl.col(name)).otherwise(pl.lit(null));

  // A lazy query, so polars reads only the columns the aggregations name.
  const aggregated = trials.lazy().groupBy([...keys]).agg(
    pl.len().alias("n"),
    ok.sum().alias("ok"),
    ok.and(pl.col("cached")).sum().alias("cached"),
    countLive("ttft_ms", "ttft_n"),
    livePercentile("ttft_ms", 0.5).alias("ttft_p50_ms"),
    livePercentile("ttft_ms", 0.9).alias("ttft_p90_ms"),
    countLive("e2e_ms", "e2e_n"),
    livePercentile("e2e_ms", 0.5).alias("e2e_p50_ms"),
    livePercentile("e2e_ms", 0.95).alias("e2e_p95_ms"),
    liveOnly("e2e_ms").min().alias("e2e_min_ms"),
    liveOnly("e2e_ms").max().alias("e2e_max_ms"),
    countLive("output_tps", "output_tps_n"),
    livePercentile("output_tps", 0.5).alias("output_tps_median"),
    okValues("input_tokens").mean().alias("mean_input_tokens"),
    okValues("output_tokens").mean().alias("mean_output_tokens"),
    okValues("input_tokens").max().cast(pl.Float64).alias("max_input_tokens"),
    countKnown("cost_usd", "cost_n"),
    okValues("cost_usd").mean().alias("cost_per_request_usd"),
    final.and(pl.col("grade_pass").isNotNull()).sum().alias("graded"),
    final.and(pl.col("grade_pass").fillNull(false)).sum().alias("passed"),
    final.and(pl.col("status").eq(pl.lit("error"))).and(pl.col("grade_pass").isNull()).sum().alias(
      "errored_ungraded",
    ),
    final.and(pl.col("grade_no_response").fillNull(false)).sum().alias("no_response"),
    final.and(pl.col("status").eq(pl.lit("error"))).and(pl.col("grade_pass").fillNull(false)).sum().alias(
      "expected_errors",
    ),
  ).sort([...keys]).collectSync();

  return (aggregated.toRecords() as Record<string, unknown>[]).map((row) => toGroupSummary(row));
}

function toGroupSummary(row: Record<string, unknown>): GroupSummary {
  const num = (name: string) => (row[name] === null || row[name] === undefined ? null : Number(row[name]));
  const count = (name: string) => Number(row[name] ?? 0);
  const n = count("n");
  const ok = count("ok");
  const graded = count("graded");
  const passed = count("passed");
  const erroredUngraded = count("errored_ungraded");
  const qualityN = graded + erroredUngraded;
  const interval = wilsonInterval(passed, qualityN);
  const costPerRequest = num("cost_per_request_usd");
  return {
    model: String(row.model),
    dataset: typeof row.dataset === "string" ? row.dataset : null,
    task_kind: typeof row.task_kind === "string" ? row.task_kind : null,
    n,
    ok,
    cached: count("cached"),
    // An error the item asked for (a prompt over the context window) is correct behaviour.
    expected_errors: count("expected_errors"),
    errors: n - ok - count("expected_errors"),
    error_rate: n > 0 ? (n - ok - count("expected_errors")) / n : null,
    ttft_n: count("ttft_n"),
    ttft_p50_ms: num("ttft_p50_ms"),
    ttft_p90_ms: num("ttft_p90_ms"),
    e2e_n: count("e2e_n"),
    e2e_p50_ms: num("e2e_p50_ms"),
    e2e_p95_ms: num("e2e_p95_ms"),
    e2e_min_ms: num("e2e_min_ms"),
    e2e_max_ms: num("e2e_max_ms"),
    output_tps_n: count("output_tps_n"),
    output_tps_median: num("output_tps_median"),
    mean_input_tokens: num("mean_input_tokens"),
    mean_output_tokens: num("mean_output_tokens"),
    max_input_tokens: num("max_input_tokens"),
    cost_n: count("cost_n"),
    cost_per_request_usd: costPerRequest,
    cost_per_1k_requests_usd: costPerRequest === null ? null : costPerRequest * 1000,
    graded,
    passed,
    errored_ungraded: erroredUngraded,
    quality_n: qualityN,
    pass_rate: qualityN > 0 ? passed / qualityN : null,
    pass_rate_graded: graded > 0 ? passed / graded : null,
    pass_ci_low: interval?.low ?? null,
    pass_ci_high: interval?.high ?? null,
    no_response: count("no_response"),
  };
}
