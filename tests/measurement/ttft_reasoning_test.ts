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

// Thinking streams from 40 ms to 300 ms, and the visible reply starts at 380 ms.
const FIRST_THOUGHT_MS = 40;
const LAST_THOUGHT_MS = 300;
const FIRST_ANSWER_MS = 380;

const STREAMS: Record<"openai-compatible" | "anthropic" | "google", TimedWrite[]> = {
  "openai-compatible": [
    { atMs: 0, text: openaiDelta({ role: "assistant", content: "" }) },
    { atMs: FIRST_THOUGHT_MS, text: openaiDelta({ reasoning_content: "Compare the two" }) },
    { atMs: LAST_THOUGHT_MS, text: openaiDelta({ reasoning_content: " options first." }) },
    { atMs: FIRST_ANSWER_MS, text: openaiDelta({ content: "Option B is cheaper" }) },
    { atMs: 400, text: openaiDelta({}, "stop") + openaiChunk([], { prompt_tokens: 20, completion_tokens: 12, total_tokens: 32 }) + "data: [DONE]\n\n" },
  ],
  anthropic: [
    { atMs: 0, text: anthropicStart(20) + anthropicEvent({ type: "content_block_start", index: 0, content_block: { type: "thinking", thinking: "" } }) },
    { atMs: FIRST_THOUGHT_MS, text: anthropicDelta(0, "Compare the two", "thinking") },
    { atMs: LAST_THOUGHT_MS, text: anthropicDelta(0, " options first.", "thinking") },
    { atMs: 310, text: anthropicEvent({ type: "content_block_stop", index: 0 }) },
    { atMs: 320, text: anthropicEvent({ type: "content_block_start", index: 1, content_block: { type: "text", text: "" } }) },
    { atMs: FIRST_ANSWER_MS, text: anthropicDelta(1, "Option B is cheaper") },
    { atMs: 400, text: anthropicEvent({ type: "content_block_stop", index: 1 }) + anthropicEnd(12) },
  ],
  google: [
    { atMs: FIRST_THOUGHT_MS, text: geminiChunk([{ text: "Compare the two", thought: true }]) },
    { atMs: LAST_THOUGHT_MS, text: geminiChunk([{ text: " options first.", thought: true }]) },
    {
      atMs: FIRST_ANSWER_MS,
      text: geminiChunk([{ text: "Option B is cheaper" }], {
        finish: "STOP",
        usage: { promptTokenCount: 20, candidatesTokenCount: 4, thoughtsTokenCount: 8, totalTokenCount: 32 },
      }),
    },
  ],
};

for (const [provider, writes] of Object.entries(STREAMS) as [ProviderName, TimedWrite[]][]) {
  Deno.test(`${provider} ttft counts thinking, ttft_answer does not`, async () => {
    const record = await measureStream(provider, writes);

    assert.equal(record.status, "ok");
    assertBetween(record.ttft_ms, FIRST_THOUGHT_MS, FIRST_THOUGHT_MS + 80, "ttft_ms");
    assertBetween(record.ttft_answer_ms, FIRST_ANSWER_MS, FIRST_ANSWER_MS + 80, "ttft_answer_ms");
    assert.equal(record.output_text, "Option B is cheaper");
  });

  Deno.test(`${provider} reasoning duration spans thinking events`, async () => {
    const record = await measureStream(provider, writes);
    const [derived] = deriveRequestMetrics([record]).toRecords();

    assertBetween(derived.reasoning_ms as number, LAST_THOUGHT_MS - FIRST_THOUGHT_MS - 15, LAST_THOUGHT_MS - FIRST_THOUGHT_MS + 25, "reasoning_ms");
    assert.equal(derived.ttft_answer_ms, record.ttft_answer_ms);
  });
}

Deno.test("answer-only model has equal ttft columns", async () => {
  const record = await measureStream("openai-compatible", [
    { atMs: 0, text: openaiDelta({ role: "assistant", content: "" }) },
    { atMs: 60, text: openaiDelta({ content: "Paris" }) },
    { atMs: 70, text: openaiDelta({}, "stop") + "data: [DONE]\n\n" },
  ]);
  const [derived] = deriveRequestMetrics([record]).toRecords();

  assert.equal(record.ttft_answer_ms, record.ttft_ms);
  assert.equal(derived.reasoning_ms, null);
});
