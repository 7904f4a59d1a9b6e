import pl from "nodejs-polars";
import { deriveRawFrames, isContentEvent, type RawTrial } from "./derive_raw_frames.ts";

/**
 * Derives the gaps between consecutive content events of each successful live request: one
 * row per gap with `trial_id`, `model`, `phase`, `chunk_index` (1 for the gap after the first
 * chunk), `gap_ms`, the chunk's `chars`, and the request's `tokens_per_chunk` (server output
 * tokens / content chunks).
 *
 * A chunk may carry several tokens, so a chunk gap is not a per-token latency: use
 * `tpot_ms` of `deriveRequestMetrics` for that. Role, ping, usage and end events are not
 * chunks here, and the wait before the first chunk (TTFT) is not a gap.
 */
export function deriveChunkGaps(records: readonly RawTrial[]): pl.DataFrame {
  const { requests, events } = deriveRawFrames(records);
  const chunks = events.filter(isContentEvent).groupBy("rid").agg(pl.len().alias("content_chunks"));
  const live = requests
    .filter(pl.col("status").eq(pl.lit("ok")).and(pl.col("cached").not()))
    .join(chunks, { on: "rid", how: "inner" })
    .select(
      "rid",
      "trial_id",
      "model",
      "phase",
      pl.when(pl.col("content_chunks").gt(0))
        .then(pl.col("output_tokens").cast(pl.Float64).div(pl.col("content_chunks").cast(pl.Float64)))
        .otherwise(pl.lit(null))
        .alias("tokens_per_chunk"),
    );
  return events
    .filter(isContentEvent)
    .join(live, { on: "rid", how: "inner" })
    .sort(["rid", "t_ms"])
    .withColumns(
      pl.col("t_ms").diff({ n: 1, nullBehavior: "ignore" }).over("rid").alias("gap_ms"),
      pl.col("t_ms").cumCount().over("rid").minus(1).alias("chunk_index"),
    )
    .filter(pl.col("gap_ms").isNotNull())
    .select("trial_id", "model", "phase", pl.col("chunk_index").cast(pl.Int64), "gap_ms", "chars", "tokens_per_chunk");
}
