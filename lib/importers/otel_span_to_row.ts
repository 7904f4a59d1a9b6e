import type { ParsedRow } from "./imported_trial.ts";
import { classifyStatus } from "./classify_status.ts";
import { readNumber } from "./read_number.ts";
import { type AttributeValue, readOtlpAttributes } from "./read_otlp_attributes.ts";
import { resolveModel } from "./resolve_model.ts";
import { RowError } from "./row_error.ts";

/** A span that is not an inference call; `reason` counts it among the skipped records. */
export interface SkippedSpan {
  skipped: string;
}

// Operations of the GenAI conventions that are a model generating output.
const INFERENCE_OPERATIONS = new Set(["chat", "text_completion", "generate_content"]);
const STATUS_CODE_ERROR = 2;

/**
 * Converts one OTLP JSON span with OpenTelemetry GenAI attributes into a trial row, or
 * returns why it was skipped (not a GenAI span, or a GenAI operation other than inference).
 * Throws {@link RowError} when a GenAI span lacks a model or valid times.
 *
 * Mapping (older attribute names in brackets):
 * - model: `gen_ai.request.model`, else `gen_ai.response.model`
 * - provider: `gen_ai.provider.name` (`gen_ai.system`)
 * - model version: `gen_ai.response.model`
 * - start and end-to-end latency: `startTimeUnixNano`, end minus start
 * - TTFT: `gen_ai.response.time_to_first_chunk` in seconds, when present
 * - tokens: `gen_ai.usage.input_tokens` (`prompt_tokens`), `gen_ai.usage.output_tokens`
 *   (`completion_tokens`), `gen_ai.usage.cache_read.input_tokens`,
 *   `gen_ai.usage.cache_creation.input_tokens`, `gen_ai.usage.reasoning.output_tokens`
 * - status: error when `status.code` is 2 (`STATUS_CODE_ERROR`) or `error.type` is set, and
 *   the error class is read from `error.type`
 */
export function otelSpanToRow(span: unknown): ParsedRow | SkippedSpan {
  if (span === null || typeof span !== "object" || Array.isArray(span)) {
    throw new RowError("span is not a JSON object", span);
  }
  const s = span as Record<string, unknown>;
  const attributes = readOtlpAttributes(s.attributes);
  const text = (key: string) => readText(attributes.get(key));
  const operation = text("gen_ai.operation.name");
  const requestModel = text("gen_ai.request.model");
  const responseModel = text("gen_ai.response.model");
  const providerName = text("gen_ai.provider.name") ?? text("gen_ai.system");
  if (operation === null && requestModel === null && responseModel === null && providerName === null) {
    return { skipped: "not a GenAI span (no gen_ai.* attributes)" };
  }
  if (operation !== null && !INFERENCE_OPERATIONS.has(operation)) {
    return { skipped: `GenAI operation ${operation} is not an inference call` };
  }
  const modelName = requestModel ?? responseModel;
  if (modelName === null) throw new RowError("span has no gen_ai.request.model or gen_ai.response.model");

  const start = readNanos(s.startTimeUnixNano, "startTimeUnixNano");
  const end = readNanos(s.endTimeUnixNano, "endTimeUnixNano");
  if (end < start) {
    throw new RowError("endTimeUnixNano is before startTimeUnixNano", {
      start: String(s.startTimeUnixNano),
      end: String(s.endTimeUnixNano),
    });
  }
  const e2eMs = Number(end - start) / 1e6;
  const ttftSeconds = readNumber(attributes.get("gen_ai.response.time_to_first_chunk"), "gen_ai.response.time_to_first_chunk", {
    optional: true,
  });
  const ttftMs = ttftSeconds === null ? null : ttftSeconds * 1000;
  if (ttftMs !== null && ttftMs > e2eMs) {
    throw new RowError("gen_ai.response.time_to_first_chunk exceeds the span's duration", { ttft_ms: ttftMs, e2e_ms: e2eMs });
  }

  const token = (key: string, legacy?: string) =>
    readNumber(attributes.get(key) ?? (legacy ? attributes.get(legacy) : undefined), key, { integer: true, optional: true });
  const errorType = text("error.type");
  const status = s.status as { code?: unknown; message?: unknown } | undefined;
  const failed = isErrorCode(status?.code) || errorType !== null;
  const outcome = classifyStatus(failed ? "error" : "ok", errorType);
  const { model, provider } = resolveModel(modelName, providerName);
  const finishReasons = attributes.get("gen_ai.response.finish_reasons");

  return {
    model,
    provider,
    model_version: responseModel,
    started_at: new Date(Number(start / 1_000_000n)).toISOString(),
    ttft_ms: ttftMs,
    e2e_ms: e2eMs,
    input_tokens: token("gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens"),
    output_tokens: token("gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens"),
    reasoning_tokens: token("gen_ai.usage.reasoning.output_tokens"),
    cached_input_tokens: token("gen_ai.usage.cache_read.input_tokens"),
    cache_write_tokens: token("gen_ai.usage.cache_creation.input_tokens"),
    finish_reason: Array.isArray(finishReasons) ? readText(finishReasons[0] ?? null) : readText(finishReasons ?? null),
    ...outcome,
    error_message: outcome.status === "error" && typeof status?.message === "string" && status.message !== ""
      ? status.message
      : null,
  };
}

function readText(value: AttributeValue | undefined): string | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  return text === "" ? null : text;
}

// OTLP JSON writes 64-bit integers as strings; BigInt keeps nanosecond precision.
function readNanos(value: unknown, field: string): bigint {
  // A JSON number this large has lost precision below about 256 ns, which latency can spare.
  const nanos = typeof value === "string" && /^\d+$/.test(value)
    ? BigInt(value)
    : typeof value === "number" && Number.isFinite(value)
    ? BigInt(Math.round(value))
    : 0n;
  if (nanos > 0n) return nanos;
  throw new RowError(`${field} is missing or not a positive integer of nanoseconds`, value ?? null);
}

function isErrorCode(code: unknown): boolean {
  return code === STATUS_CODE_ERROR || code === "STATUS_CODE_ERROR" || code === "2";
}
