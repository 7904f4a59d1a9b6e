/** Log formats the generator writes: `otel` is OTLP JSON, one export request per line. */
export type LogRecordFormat = "jsonl" | "csv" | "otel";

/** One synthetic request before it is written in a log format. */
export interface SyntheticRequest {
  startMs: number;
  model: string;
  provider: string;
  otelProvider: string;
  version: string;
  /** Null on failed requests. */
  ttftMs: number | null;
  latencyMs: number;
  inputTokens: number;
  /** Null on failed requests. */
  outputTokens: number | null;
  httpStatus: number;
  /** `timeout` or the HTTP status as text on failed requests, else null. */
  errorType: string | null;
}

/** Header of generated CSV logs. Its names differ from the field names on purpose, so imports need `--map`. */
export const GENERATED_CSV_HEADER = "ts,model_name,duration,first_token_ms,tokens_in,tokens_out,result,version";

/** The `--map` that reads {@link GENERATED_CSV_HEADER}. */
export const GENERATED_CSV_MAP =
  "timestamp=ts,model=model_name,latency_ms=duration,ttft_ms=first_token_ms,input_tokens=tokens_in,output_tokens=tokens_out,status=result,model_version=version";

/**
 * Formats one synthetic request as a JSONL request log line or a CSV row. JSONL rows carry
 * the provider and the HTTP status of failures; CSV rows leave the provider to the model
 * name and write `ok` or the HTTP status.
 */
export function formatLogRecord(format: "jsonl" | "csv", request: SyntheticRequest): string {
  const timestamp = new Date(request.startMs).toISOString();
  const latency = round(request.latencyMs);
  const ttft = request.ttftMs === null ? null : round(request.ttftMs);
  const status = request.errorType === null ? "ok" : request.httpStatus;
  if (format === "jsonl") {
    return JSON.stringify({
      timestamp,
      model: request.model,
      provider: request.provider,
      latency_ms: latency,
      ttft_ms: ttft,
      input_tokens: request.inputTokens,
      output_tokens: request.outputTokens,
      status,
      model_version: request.version,
      ...(request.errorType === "timeout" ? { error_class: "timeout_total" } : {}),
    });
  }
  return [timestamp, request.model, latency, ttft ?? "", request.inputTokens, request.outputTokens ?? "", status, request.version]
    .join(",");
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
