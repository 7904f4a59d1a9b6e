import pl from "nodejs-polars";
import type { ErrorSummary } from "./summary_types.ts";

/**
 * Count failed trial records per model and error class, with the HTTP statuses seen and how
 * many of them were the error their item expects (graded as passed).
 */
export function summariseErrors(trials: pl.DataFrame): ErrorSummary[] {
  if (!trials.columns.includes("error_class")) {
    throw new RangeError("summariseErrors: the frame has no error_class column; build it with loadTrials");
  }
  const failed = trials.filter(pl.col("status").eq(pl.lit("error")));
  if (failed.height === 0) return [];
  const grouped = failed
    .withColumns(pl.col("error_class").fillNull(pl.lit("unknown")))
    .groupBy(["model", "error_class"])
    .agg(
      pl.len().alias("count"),
      pl.col("grade_pass").fillNull(false).sum().alias("expected"),
      pl.col("error_http_status").dropNulls().unique().sort().alias("http_statuses"),
    )
    .sort(["model", "error_class"]);
  return (grouped.toRecords() as Record<string, unknown>[]).map((row) => ({
    model: String(row.model),
    error_class: String(row.error_class),
    count: Number(row.count),
    expected: Number(row.expected ?? 0),
    http_statuses: (row.http_statuses as unknown[]).map(Number),
  }));
}
