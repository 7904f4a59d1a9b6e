import assert from "node:assert/strict";
import type { ProviderName } from "../../lib/providers/types.ts";
import { deriveRequestMetrics } from "../../lib/analysis/derive_request_metrics.ts";
import {
  anthropicDelta,
  anthropicEnd,
  anthropicEvent,
  anthropicStart,
  assertBetween,
  geminiChunk,
  measureStream,
  openaiChunk,
  openaiDelta,
  type TimedWrite,
} from "./measure_fixture.ts";

// Opening events arrive within a few ms; the first text only at 150 ms.
const FIRST_TEXT_MS = 150;
const LAST_WRITE_MS = 200;

const STREAMS: Record<"openai-compatible" | "anthropic" | "google", TimedWrite[]> = {
  "openai-compatible": [
    { atMs: 0, text: openaiDelta({ role: "assistant", content: "" }) },
    { atMs: 2, text: ": keep-alive\n\n" },
    { atMs: FIRST_TEXT_MS, text: openaiDelta({ content: "Paris" }) },
    { atMs: 170, text: openaiDelta({ content: " is" }) },
    { atMs: 190, text: openaiDelta({ content: " it." }) },
    { atMs: 192, text: openaiDelta({}, "stop") },
    { atMs: 194, text: openaiChunk([], { prompt_tokens: 14, completion_tokens: 3, total_tokens: 17 }) },
    { atMs: LAST_WRITE_MS, text: "data: [DONE]\n\n" },
  ],
  anthropic: [
    { atMs: 0, text: anthropicStart(14) },
    { atMs: 1, text: anthropicEvent({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }) },
    { atMs: 2, text: anthropicEvent({ type: "ping" }) },
    { atMs: FIRST_TEXT_MS, text: anthropicDelta(0, "Paris") },
    { atMs: 190, text: anthropicDelta(0, " is it.") },
    { atMs: 192, text: anthropicEvent({ type: "content_block_stop", index: 0 }) },
    { atMs: LAST_WRITE_MS, text: anthropicEnd(3) },
  ],
  google: [
    { atMs: 0, text: geminiChunk([{ text: "" }], { usage: { promptTokenCount: 14, totalTokenCount: 14 } }) },
    { atMs: FIRST_TEXT_MS, text: geminiChunk([{ text: "Paris" }]) },
    { atMs: 170, text: geminiChunk([{ text: " is" }]) },
    { atMs: LAST_WRITE_MS, text: geminiChunk([{ text: " it." }], { finish: "STOP", usage: { promptTokenCount: 14, candidatesTokenCount: 3, totalTokenCount: 17 } }) },
  ],
};

for (const [provider, writes] of Object.entries(STREAMS) as [ProviderName, TimedWrite[]][]) {
  Deno.test(`${provider} ttft ignores opening events`, async () => {
    const record = await measureStream(provider, writes);

    assert.equal(record.status, "ok");
    // The upper bound leaves room for the first request of a process, which also opens the connection.
    assertBetween(record.ttft_ms, FIRST_TEXT_MS, FIRST_TEXT_MS + 80, "ttft_ms");
    assertBetween(record.e2e_ms, LAST_WRITE_MS, LAST_WRITE_MS + 80, "e2e_ms");
    assert.ok(record.headers_ms! - record.send_ms < FIRST_TEXT_MS - 50, "headers should arrive long before the first text");
    assert.equal(record.output_tokens, 3);
    assert.equal(record.usage_source, "server");
  });

  Deno.test(`${provider} derived ttft equals recorded ttft`, async () => {
    const record = await measureStream(provider, writes);
    const [derived] = deriveRequestMetrics([record]).toRecords();

    assert.equal(derived.ttft_ms, record.ttft_ms);
    assert.equal(derived.e2e_ms, record.e2e_ms);
    assert.equal(derived.ttlt_ms, record.ttlt_ms);
  });
}

const NO_CONTENT: Record<"openai-compatible" | "anthropic" | "google", TimedWrite[]> = {
  "openai-compatible": [
    { atMs: 0, text: openaiDelta({ role: "assistant", content: "" }) },
    { atMs: 30, text: openaiDelta({}, "stop") },
    { atMs: 31, text: "data: [DONE]\n\n" },
  ],
  anthropic: [
    { atMs: 0, text: anthropicStart(14) },
    { atMs: 1, text: anthropicEvent({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }) },
    { atMs: 30, text: anthropicEvent({ type: "content_block_stop", index: 0 }) + anthropicEnd(0) },
  ],
  google: [
    { atMs: 0, text: geminiChunk([{ text: "" }]) },
    { atMs: 30, text: geminiChunk(null, { finish: "STOP", usage: { promptTokenCount: 14, totalTokenCount: 14 } }) },
  ],
};

for (const [provider, writes] of Object.entries(NO_CONTENT) as [ProviderName, TimedWrite[]][]) {
  Deno.test(`${provider} stream without text has null ttft`, async () => {
    const record = await measureStream(provider, writes);

    assert.equal(record.ttft_ms, null);
    assert.equal(record.ttlt_ms, null);
    assert.equal(record.status, "error");
    assert.equal(record.error_class, "empty_output");
  });
}
