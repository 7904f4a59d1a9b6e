/**
 * Fields of a request log record (JSONL keys, or CSV columns after `--map`). The first four
 * are required; `latency_ms` may be missing on a failed request.
 */
export const REQUEST_LOG_FIELDS = [
  "timestamp",
  "model",
  "latency_ms",
  "status",
  "ttft_ms",
  "input_tokens",
  "output_tokens",
  "model_version",
  "provider",
  "error_class",
  "error_message",
  "cached_input_tokens",
  "reasoning_tokens",
  "finish_reason",
] as const;

/** One field name of a request log record. */
export type RequestLogField = (typeof REQUEST_LOG_FIELDS)[number];

/** Fields a request log must provide (as keys, or as CSV columns). */
export const REQUIRED_REQUEST_LOG_FIELDS: readonly RequestLogField[] = ["timestamp", "model", "latency_ms", "status"];
