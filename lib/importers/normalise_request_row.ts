import type { ParsedRow } from "./imported_trial.ts";
import type { RequestLogField } from "./request_log_fields.ts";
import { classifyStatus } from "./classify_status.ts";
import { parseTimestamp } from "./parse_timestamp.ts";
import { readNumber } from "./read_number.ts";
import { resolveModel } from "./resolve_model.ts";
import { RowError } from "./row_error.ts";

/**
 * Converts one request log record (field names of `REQUEST_LOG_FIELDS`) into a trial row.
 * Each broken rule throws a {@link RowError}:
 * - `timestamp` parses (see `parseTimestamp`), `model` is a non-empty string, and `status` is
 *   readable (see `classifyStatus`);
 * - `latency_ms` is a number ≥ 0, and may be missing only on a failed request;
 * - `ttft_ms`, when present, is a number ≥ 0 that does not exceed `latency_ms`;
 * - token counts, when present, are whole numbers ≥ 0, and cached input tokens do not exceed
 *   input tokens.
 */
export function normaliseRequestRow(record: Partial<Record<RequestLogField, unknown>>): ParsedRow {
  if (record === null || typeof record !== "object" || Array.isArray(record)) {
    throw new RowError("record is not a JSON object", record);
  }
  const startedMs = parseTimestamp(record.timestamp);
  const modelName = readText(record.model);
  if (modelName === null) throw new RowError("model is missing or not a string", record.model ?? null);
  const outcome = classifyStatus(record.status, readText(record.error_class));

  const latency = readNumber(record.latency_ms, "latency_ms", { optional: outcome.status === "error" });
  const ttft = readNumber(record.ttft_ms, "ttft_ms", { optional: true });
  if (ttft !== null && latency !== null && ttft > latency) {
    throw new RowError("ttft_ms exceeds latency_ms", { ttft_ms: ttft, latency_ms: latency });
  }
  const inputTokens = readNumber(record.input_tokens, "input_tokens", { integer: true, optional: true });
  const outputTokens = readNumber(record.output_tokens, "output_tokens", { integer: true, optional: true });
  const cached = readNumber(record.cached_input_tokens, "cached_input_tokens", { integer: true, optional: true });
  if (cached !== null && inputTokens !== null && cached > inputTokens) {
    throw new RowError("cached_input_tokens exceeds input_tokens", { cached_input_tokens: cached, input_tokens: inputTokens });
  }
  const { model, provider } = resolveModel(modelName, readText(record.provider));

  return {
    model,
    provider,
    model_version: readText(record.model_version),
    started_at: new Date(startedMs).toISOString(),
    ttft_ms: ttft,
    e2e_ms: latency,
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    reasoning_tokens: readNumber(record.reasoning_tokens, "reasoning_tokens", { integer: true, optional: true }),
    cached_input_tokens: cached,
    cache_write_tokens: null,
    finish_reason: readText(record.finish_reason),
    ...outcome,
    error_message: outcome.status === "error" ? readText(record.error_message) : null,
  };
}

function readText(value: unknown): string | null {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return null;
  const text = value.trim();
  return text === "" ? null : text;
}
