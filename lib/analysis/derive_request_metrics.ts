import pl from "nodejs-polars";
import { deriveRawFrames, isContentEvent, type RawTrial } from "./derive_raw_frames.ts";

/**
 * Derives the per-request metrics from the raw record, one row per trial record, in
 * milliseconds unless the name says otherwise (docs/metrics.md defines each one):
 *
 * - `ttfb_ms` response headers − send; `ttft_ms` first output of any kind − send;
 *   `ttft_answer_ms` first answer text − send; `reasoning_ms` last − first reasoning event;
 *   `ttlt_ms` last output − send; `e2e_ms` end − send.
 * - `decode_tokens`: output tokens streamed between TTFT and TTLT (hidden reasoning tokens,
 *   generated before TTFT, are left out). `tpot_ms` = (TTLT − TTFT) / (decode tokens − 1),
 *   null when decode tokens ≤ 1; `output_tps` = its inverse in tokens per second;
 *   `e2e_output_tps` = output tokens / end-to-end seconds, a different and smaller number.
 * - `content_chunks`, `tokens_per_chunk` = output tokens / content chunks.
 * - `queue_delay_ms` = first send − scheduled; `ttft_from_scheduled_ms` and
 *   `e2e_from_scheduled_ms` count from the scheduled time, so a client that falls behind shows it;
 *   `user_e2e_ms` = end − first send, retries included.
 * - `in_latency_stats`: true only for a successful, live (not cached) final record.
 *
 * Times of cached trials are null because no request was sent; their live measurement is in
 * `original_ttft_ms` and `original_e2e_ms`. Records of retried attempts
 * (`attempts.jsonl`) may be passed too; they keep `in_latency_stats` false because they failed.
 *
 * @example
 * const metrics = deriveRequestMetrics(records).filter(pl.col("in_latency_stats"));
 */
export function deriveRequestMetrics(records: readonly RawTrial[]): pl.DataFrame {
  const { requests, events } = deriveRawFrames(records);
  const isText = pl.col("kind").eq(pl.lit("text-delta")).and(isContentEvent);
  const isReasoning = pl.col("kind").eq(pl.lit("reasoning-delta")).and(isContentEvent);
  const eventTimes = events.groupBy("rid").agg(
    pl.col("t_ms").filter(isContentEvent).min().alias("first_output_ms"),
    pl.col("t_ms").filter(isContentEvent).max().alias("last_output_ms"),
    pl.col("t_ms").filter(isText).min().alias("first_answer_ms"),
    pl.col("t_ms").filter(isReasoning).min().alias("first_reasoning_ms"),
    pl.col("t_ms").filter(isReasoning).max().alias("last_reasoning_ms"),
    isContentEvent.cast(pl.Int64).sum().alias("content_chunks"),
    pl.col("chars").filter(isReasoning).sum().alias("streamed_reasoning_chars"),
  );

  const live = pl.col("cached").not();
  const since = (from: string, t: string) => pl.when(live).then(pl.col(t).minus(pl.col(from))).otherwise(pl.lit(null));
  const reasoningHidden = pl.col("streamed_reasoning_chars").fillNull(0).eq(0).and(pl.col("reasoning_tokens").fillNull(0).gt(0));
  const decodeTokens = pl.when(reasoningHidden)
    .then(pl.col("output_tokens").minus(pl.col("reasoning_tokens")))
    .otherwise(pl.col("output_tokens"))
    .cast(pl.Float64);
  const decodeWindow = pl.col("ttlt_ms").minus(pl.col("ttft_ms"));
  const decodeDefined = pl.col("decode_tokens").gt(1).and(decodeWindow.gt(0));

  return requests
    .join(eventTimes, { on: "rid", how: "left" })
    .sort("rid")
    .withColumns(pl.col("content_chunks").fillNull(0))
    .withColumns(
      since("send_ms", "headers_ms").alias("ttfb_ms"),
      since("send_ms", "first_output_ms").alias("ttft_ms"),
      since("send_ms", "first_answer_ms").alias("ttft_answer_ms"),
      since("first_reasoning_ms", "last_reasoning_ms").alias("reasoning_ms"),
      since("send_ms", "last_output_ms").alias("ttlt_ms"),
      since("send_ms", "end_ms").alias("e2e_ms"),
      since("scheduled_ms", "first_send_ms").alias("queue_delay_ms"),
      since("scheduled_ms", "first_output_ms").alias("ttft_from_scheduled_ms"),
      since("scheduled_ms", "end_ms").alias("e2e_from_scheduled_ms"),
      since("first_send_ms", "end_ms").alias("user_e2e_ms"),
      decodeTokens.alias("decode_tokens"),
      pl.col("status").eq(pl.lit("ok")).and(live).alias("in_latency_stats"),
    )
    .withColumns(
      pl.when(decodeDefined).then(decodeWindow.div(pl.col("decode_tokens").minus(1))).otherwise(pl.lit(null)).alias("tpot_ms"),
      pl.when(decodeDefined)
        .then(pl.col("decode_tokens").minus(1).div(decodeWindow.div(1000)))
        .otherwise(pl.lit(null))
        .alias("output_tps"),
      pl.when(pl.col("e2e_ms").gt(0)).then(pl.col("output_tokens").cast(pl.Float64).div(pl.col("e2e_ms").div(1000)))
        .otherwise(pl.lit(null))
        .alias("e2e_output_tps"),
      pl.when(pl.col("content_chunks").gt(0))
        .then(pl.col("output_tokens").cast(pl.Float64).div(pl.col("content_chunks").cast(pl.Float64)))
        .otherwise(pl.lit(null))
        .alias("tokens_per_chunk"),
    );
}
