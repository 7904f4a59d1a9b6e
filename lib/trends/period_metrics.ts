import pl from "nodejs-polars";
import { PERCENTILE_METHOD } from "../analysis/percentile_method.ts";
import { wilsonInterval } from "../analysis/wilson_interval.ts";
import { NO_VERSION, type PeriodMetric } from "./period_metric.ts";

const METHOD = PERCENTILE_METHOD.polarsInterpolation;
const REQUIRED = ["model", "period", "period_start", "status", "e2e_ms", "ttft_ms", "cost_usd", "model_version"];

/**
 * Computes per model × period metrics from a trials frame that has a `period` and a
 * `period_start` column (see `withDayPeriods`, `withHourPeriods`). Percentiles follow
 * `PERCENTILE_METHOD`. Quality uses `grade_pass` and `is_final_attempt` when the frame has
 * them (benchmark runs). A frame without `grade_pass` (production logs) gets quality_n 0 and a null pass rate.
 * Sorted by model, then period start.
 */
export function periodMetrics(trials: pl.DataFrame): PeriodMetric[] {
  if (!trials || typeof trials.groupBy !== "function") {
    throw new TypeError("periodMetrics: trials must be a polars DataFrame");
  }
  const missing = REQUIRED.filter((name) => !trials.columns.includes(name));
  if (missing.length > 0) {
    throw new RangeError(
      `periodMetrics: the frame lacks column(s) ${missing.join(", ")}; add periods with withDayPeriods or withRunPeriod`,
    );
  }
  if (trials.height === 0) return [];
  // Production logs have no grades: their quality stays empty instead of counting errors as fails.
  const graded = trials.columns.includes("grade_pass");
  const frame = withQualityColumns(trials, graded);

  const ok = pl.col("status").eq(pl.lit("ok"));
  const okValues = (name: string) => pl.col(name).filter(ok);
  const final = pl.col("is_final_attempt");
  const keys = ["model", "period"];
  const aggregated = frame.groupBy(keys).agg(
    pl.col("period_start").min().alias("period_start"),
    pl.len().alias("n"),
    ok.sum().alias("ok"),
    okValues("e2e_ms").quantile(0.5, METHOD).alias("e2e_p50_ms"),
    okValues("e2e_ms").quantile(0.95, METHOD).alias("e2e_p95_ms"),
    okValues("ttft_ms").quantile(0.5, METHOD).alias("ttft_p50_ms"),
    okValues("ttft_ms").quantile(0.95, METHOD).alias("ttft_p95_ms"),
    okValues("cost_usd").sum().alias("cost_sum"),
    okValues("cost_usd").isNotNull().sum().alias("cost_n"),
    pl.col("grade_pass").filter(final).isNotNull().sum().alias("graded"),
    pl.col("grade_pass").filter(final).cast(pl.Int64).sum().alias("passed"),
    final.and(pl.col("status").eq(pl.lit("error"))).and(pl.col("grade_pass").isNull()).sum().alias("errored_ungraded"),
  ).sort(["model", "period_start", "period"]);

  const versions = versionCounts(frame);
  return (aggregated.toRecords() as Record<string, unknown>[]).map((row) => toMetric(row, versions));
}

function withQualityColumns(frame: pl.DataFrame, graded: boolean): pl.DataFrame {
  if (!graded) {
    return frame.withColumns(pl.lit(null).cast(pl.Bool).alias("grade_pass"), pl.lit(false).alias("is_final_attempt"));
  }
  if (frame.columns.includes("is_final_attempt")) return frame;
  return frame.withColumns(pl.lit(true).alias("is_final_attempt"));
}

function versionCounts(frame: pl.DataFrame): Map<string, Record<string, number>> {
  const rows = frame
    .withColumns(pl.col("model_version").fillNull(pl.lit(NO_VERSION)).alias("version"))
    .groupBy(["model", "period", "version"])
    .agg(pl.len().alias("count"))
    .sort(["model", "period", "version"])
    .toRecords() as unknown as { model: string; period: string; version: string; count: number }[];
  const counts = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const key = JSON.stringify([row.model, row.period]);
    const entry = counts.get(key) ?? {};
    entry[row.version] = Number(row.count);
    counts.set(key, entry);
  }
  return counts;
}

function toMetric(row: Record<string, unknown>, versions: Map<string, Record<string, number>>): PeriodMetric {
  const num = (name: string) => (row[name] === null || row[name] === undefined ? null : Number(row[name]));
  const count = (name: string) => Number(row[name] ?? 0);

  const n = count("n");
  const ok = count("ok");
  const costN = count("cost_n");
  const cost = costN > 0 ? num("cost_sum") : null;
  const passed = count("passed");
  const qualityN = count("graded") + count("errored_ungraded");
  const interval = wilsonInterval(passed, qualityN);

  const model = String(row.model);
  const period = String(row.period);
  return {
    model,
    period,
    period_start: String(row.period_start),
    n,
    ok,
    errors: n - ok,
    error_rate: n > 0 ? (n - ok) / n : null,
    e2e_p50_ms: num("e2e_p50_ms"),
    e2e_p95_ms: num("e2e_p95_ms"),
    ttft_p50_ms: num("ttft_p50_ms"),
    ttft_p95_ms: num("ttft_p95_ms"),
    cost_usd: cost,
    cost_n: costN,
    cost_per_request_usd: cost !== null ? cost / costN : null,
    quality_n: qualityN,
    passed,
    pass_rate: qualityN > 0 ? passed / qualityN : null,
    pass_ci_low: interval?.low ?? null,
    pass_ci_high: interval?.high ?? null,
    model_versions: versions.get(JSON.stringify([model, period])) ?? {},
  };
}
