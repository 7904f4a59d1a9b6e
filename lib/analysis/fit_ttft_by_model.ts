import pl from "nodejs-polars";
import { fitTtftFromMoments } from "./fit_ttft_by_input.ts";
import type { TtftInputFit } from "./summary_types.ts";

/**
 * Fit TTFT against input tokens for each model of a trials frame (see `loadTrials`), over
 * successful trials with both values, cached ones included. Polars computes the sums in
 * one pass, and running sums add the values in row order, as `fitTtftByInput` does, so
 * both give the same numbers. A model with no such trial is missing from the map.
 */
export function fitTtftByModel(trials: pl.DataFrame): Map<string, TtftInputFit | null> {
  if (!trials || typeof trials.lazy !== "function") {
    throw new TypeError("fitTtftByModel: trials must be the polars frame loadTrials returns");
  }
  const fits = new Map<string, TtftInputFit | null>();
  if (trials.height === 0) return fits;

  const sum = (values: pl.Expr) => values.cumSum().last();
  const mean = (values: pl.Expr) => sum(values).div(pl.len().cast(pl.Float64));
  const dx = pl.col("x").sub(mean(pl.col("x")));
  const dy = pl.col("y").sub(mean(pl.col("y")));
  const rows = trials.lazy()
    .filter(pl.col("status").eq(pl.lit("ok")).and(pl.col("ttft_ms").isNotNull()).and(pl.col("input_tokens").isNotNull()))
    .select(pl.col("model"), pl.col("input_tokens").cast(pl.Float64).alias("x"), pl.col("ttft_ms").alias("y"))
    .groupBy("model")
    .agg(
      pl.len().alias("n"),
      pl.col("x").min().alias("min_x"),
      pl.col("x").max().alias("max_x"),
      mean(pl.col("x")).alias("mean_x"),
      mean(pl.col("y")).alias("mean_y"),
      sum(dx.mul(dx)).alias("sxx"),
      sum(dx.mul(dy)).alias("sxy"),
    )
    .collectSync()
    .toRecords() as Record<string, unknown>[];

  for (const row of rows) {
    fits.set(
      String(row.model),
      fitTtftFromMoments({
        n: Number(row.n),
        min_input_tokens: Number(row.min_x),
        max_input_tokens: Number(row.max_x),
        mean_input_tokens: Number(row.mean_x),
        mean_ttft_ms: Number(row.mean_y),
        sxx: Number(row.sxx),
        sxy: Number(row.sxy),
      }),
    );
  }
  return fits;
}
