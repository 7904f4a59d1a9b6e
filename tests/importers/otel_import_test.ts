import assert from "node:assert/strict";
import { importLog } from "../../lib/importers/import_log.ts";
import { locateSpanLines } from "../../lib/importers/locate_span_lines.ts";
import { loadImportedTrials } from "../../lib/trends/load_imported_trials.ts";
import { writeTempFile, writeTestPrices } from "./_temp_files.ts";

const START = 1772359200000000000n; // 2026-03-01T10:00:00Z in nanoseconds

type Attribute = { key: string; value: Record<string, unknown> };
const text = (key: string, value: string): Attribute => ({ key, value: { stringValue: value } });
const int = (key: string, value: number): Attribute => ({ key, value: { intValue: String(value) } });

function span(
  name: string,
  offsetMs: number,
  durationMs: number,
  attributes: Attribute[],
  status: Record<string, unknown> = { code: 0 },
) {
  const start = START + BigInt(offsetMs) * 1_000_000n;
  return {
    name,
    traceId: "0af7651916cd43dd8448eb211c80319c",
    spanId: "b7ad6b7169203331",
    kind: 3,
    startTimeUnixNano: String(start),
    endTimeUnixNano: String(start + BigInt(durationMs) * 1_000_000n),
    attributes,
    status,
  };
}

const OK_GPT = span("chat gpt-4o", 0, 1500, [
  text("gen_ai.operation.name", "chat"),
  text("gen_ai.provider.name", "openai"),
  text("gen_ai.request.model", "gpt-4o"),
  text("gen_ai.response.model", "gpt-4o-2024-08-06"),
  int("gen_ai.usage.input_tokens", 1000),
  int("gen_ai.usage.output_tokens", 500),
  { key: "gen_ai.response.time_to_first_chunk", value: { doubleValue: 0.25 } },
  { key: "gen_ai.response.finish_reasons", value: { arrayValue: { values: [{ stringValue: "stop" }] } } },
]);
const HTTP = span("GET /health", 10, 2, [text("http.request.method", "GET")]);
const EMBEDDINGS = span("embeddings text-embedding-3-small", 20, 50, [
  text("gen_ai.operation.name", "embeddings"),
  text("gen_ai.request.model", "text-embedding-3-small"),
]);
const RATE_LIMITED = span("chat gpt-4o", 30, 120, [
  text("gen_ai.operation.name", "chat"),
  text("gen_ai.provider.name", "openai"),
  text("gen_ai.request.model", "gpt-4o"),
  text("error.type", "rate_limit"),
], { code: 2, message: "429 Too Many Requests" });
const NO_MODEL = span("chat", 40, 100, [text("gen_ai.provider.name", "openai")]);
const LEGACY_CLAUDE = span("chat claude-sonnet-4-5", 50, 3000, [
  text("gen_ai.system", "anthropic"),
  text("gen_ai.request.model", "claude-sonnet-4-5"),
  text("gen_ai.response.model", "claude-sonnet-4-5-20250929"),
  int("gen_ai.usage.prompt_tokens", 2000),
  int("gen_ai.usage.completion_tokens", 100),
  int("gen_ai.usage.cache_read.input_tokens", 1500),
], { code: "STATUS_CODE_OK" });
const BACKWARDS = span("chat gemini-2.5-flash", 60, -5, [
  text("gen_ai.provider.name", "gcp.gemini"),
  text("gen_ai.request.model", "gemini-2.5-flash"),
]);

const DOCUMENT = {
  resourceSpans: [
    {
      resource: { attributes: [text("service.name", "checkout")] },
      scopeSpans: [{ scope: { name: "openai-instrumentation" }, spans: [OK_GPT, HTTP, EMBEDDINGS] }],
    },
    {
      resource: { attributes: [text("service.name", "search")] },
      scopeSpans: [{ scope: { name: "genai" }, spans: [RATE_LIMITED, NO_MODEL] }, {
        scope: { name: "anthropic" },
        spans: [LEGACY_CLAUDE, BACKWARDS],
      }],
    },
  ],
};

async function runImport(name: string, body: string) {
  const path = await writeTempFile(name, body);
  const importsDir = await Deno.makeTempDir({ prefix: "imports-" });
  const result = await importLog({
    name: "otel-test",
    format: "otel",
    files: [path],
    pricesPath: await writeTestPrices(),
    importsDir,
  });
  return { path, result };
}

// The line of the span's opening brace: the line before its first key, written by JSON.stringify with indent.
function openingLine(body: string, spanName: string, nth = 0): number {
  const lines = body.split("\n");
  const hits = lines.flatMap((line, i) => (line.includes(`"name": ${JSON.stringify(spanName)}`) ? [i] : []));
  return hits[nth];
}

Deno.test("otel document import counts spans, rows, skips and bad rows", async () => {
  const { result } = await runImport("spans.json", JSON.stringify(DOCUMENT, null, 2));
  assert.equal(result.records, 7);
  assert.equal(result.imported, 3);
  assert.equal(result.bad, 2);
  assert.deepEqual(result.skipped, {
    "not a GenAI span (no gen_ai.* attributes)": 1,
    "GenAI operation embeddings is not an inference call": 1,
  });
});

Deno.test("otel document import reports bad spans by line", async () => {
  const body = JSON.stringify(DOCUMENT, null, 2);
  const { result } = await runImport("spans.json", body);
  assert.deepEqual(result.badRows.map((row) => row.line), [
    openingLine(body, "chat"),
    openingLine(body, "chat gemini-2.5-flash"),
  ]);
  assert.deepEqual(result.badRows.map((row) => row.reason.replace(/ \(got .*\)$/, "")), [
    "span has no gen_ai.request.model or gen_ai.response.model",
    "endTimeUnixNano is before startTimeUnixNano",
  ]);
});

Deno.test("otel import maps GenAI attributes", async () => {
  const { result } = await runImport("spans.json", JSON.stringify(DOCUMENT, null, 2));
  const [gpt, limited, claude] = (await loadImportedTrials(result.outDir)).toRecords();
  assert.equal(gpt.model, "openai:gpt-4o");
  assert.equal(gpt.model_version, "gpt-4o-2024-08-06");
  assert.equal(gpt.started_at, "2026-03-01T10:00:00.000Z");
  assert.equal(gpt.e2e_ms, 1500);
  assert.equal(gpt.ttft_ms, 250);
  assert.equal(gpt.input_tokens, 1000);
  assert.equal(gpt.finish_reason, "stop");
  assert.ok(Math.abs((gpt.cost_usd as number) - 0.0075) < 1e-12);
  assert.equal(limited.status, "error");
  assert.equal(limited.error_class, "rate_limited");
  assert.equal(limited.error_provider_code, "rate_limit");
  assert.equal(limited.error_message, "429 Too Many Requests");
  assert.equal(claude.model, "anthropic:claude-sonnet-4-5");
  assert.equal(claude.input_tokens, 2000);
  assert.equal(claude.cached_input_tokens, 1500);
  assert.equal(claude.status, "ok");
});

Deno.test("otel line-per-request import reports lines", async () => {
  const first = { resourceSpans: [{ scopeSpans: [{ spans: [OK_GPT, HTTP, NO_MODEL] }] }] };
  const second = { resourceSpans: [{ scopeSpans: [{ spans: [LEGACY_CLAUDE] }] }] };
  const body = [JSON.stringify(first), '{"resourceSpans": [', "", JSON.stringify(second), '{"spans": []}'].join("\n");
  const { path, result } = await runImport("spans.jsonl", body);
  assert.equal(result.imported, 2);
  assert.deepEqual(result.badRows.map((row) => `${row.line}: ${row.reason}`), [
    "1: span has no gen_ai.request.model or gen_ai.response.model",
    "2: line is not valid JSON",
    "5: export request has no resourceSpans array",
  ]);
  const trials = (await loadImportedTrials(result.outDir)).toRecords();
  assert.deepEqual(trials.map((t) => t.source), [`${path}:1#0`, `${path}:4#0`]);
});

Deno.test("otel import rejects a broken single document", async () => {
  await assert.rejects(runImport("broken.json", '{\n  "resourceSpans": [\n'), /OTLP JSON file .* is not valid JSON/);
});

Deno.test("locateSpanLines ignores braces inside strings", () => {
  const body = '{"resourceSpans":[{"scopeSpans":[{"spans":[\n{"name":"a {"},\n{"name":"b ]}\\" ["}]}]}]}';
  assert.deepEqual(locateSpanLines(body), [2, 3]);
});
