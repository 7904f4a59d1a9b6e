import type { SyntheticRequest } from "./format_log_record.ts";

/** Spans per OTLP export request line in generated logs. */
export const SPANS_PER_REQUEST = 200;

/**
 * Formats synthetic requests as one OTLP JSON export request on one line, the layout of the
 * OpenTelemetry Collector's file exporter. It contains GenAI client spans with `gen_ai.*`
 * attributes and one plain HTTP server span, which an import skips as not a model call.
 */
export function formatOtelRequest(requests: readonly SyntheticRequest[]): string {
  const spans = requests.map((request, i) => genAiSpan(request, i));
  const first = requests[0];
  if (first !== undefined) {
    spans.push({
      traceId: hex(first.startMs, 32),
      spanId: hex(first.startMs + 99_999, 16),
      name: "POST /api/answer",
      kind: 2,
      startTimeUnixNano: nanos(first.startMs),
      endTimeUnixNano: nanos(first.startMs + 5),
      attributes: [{ key: "http.request.method", value: { stringValue: "POST" } }],
      status: { code: 0 },
    });
  }
  return JSON.stringify({
    resourceSpans: [{
      resource: { attributes: [{ key: "service.name", value: { stringValue: "answer-service" } }] },
      scopeSpans: [{ scope: { name: "llm-client", version: "1.0.0" }, spans }],
    }],
  });
}

function genAiSpan(request: SyntheticRequest, index: number): Record<string, unknown> {
  const attributes: { key: string; value: Record<string, unknown> }[] = [
    { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
    { key: "gen_ai.provider.name", value: { stringValue: request.otelProvider } },
    { key: "gen_ai.request.model", value: { stringValue: request.model } },
    { key: "gen_ai.response.model", value: { stringValue: request.version } },
    { key: "gen_ai.usage.input_tokens", value: { intValue: String(request.inputTokens) } },
  ];
  if (request.outputTokens !== null) {
    attributes.push({ key: "gen_ai.usage.output_tokens", value: { intValue: String(request.outputTokens) } });
  }
  if (request.ttftMs !== null) {
    attributes.push({ key: "gen_ai.response.time_to_first_chunk", value: { doubleValue: request.ttftMs / 1000 } });
  }
  if (request.errorType !== null) attributes.push({ key: "error.type", value: { stringValue: request.errorType } });
  return {
    traceId: hex(request.startMs * 7 + index, 32),
    spanId: hex(request.startMs + index, 16),
    name: `chat ${request.model}`,
    kind: 3,
    startTimeUnixNano: nanos(request.startMs),
    endTimeUnixNano: nanos(request.startMs + request.latencyMs),
    attributes,
    status: request.errorType === null ? { code: 0 } : { code: 2, message: `request failed: ${request.errorType}` },
  };
}

function nanos(ms: number): string {
  return (BigInt(Math.round(ms * 1000)) * 1000n).toString();
}

function hex(value: number, width: number): string {
  return Math.floor(value).toString(16).padStart(width, "0").slice(-width);
}
