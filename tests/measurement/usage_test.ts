import assert from "node:assert/strict";
import type { ProviderName } from "../../lib/providers/types.ts";
import { costOf } from "../../lib/pricing/cost_of.ts";
import type { PriceRow } from "../../lib/runner/manifest.ts";
import {
  anthropicDelta,
  anthropicEnd,
  anthropicEvent,
  anthropicStart,
  geminiChunk,
  measureStream,
  openaiChunk,
  openaiDelta,
  type TimedWrite,
} from "./measure_fixture.ts";

const PRICE_3_15: PriceRow = {
  provider: "anthropic",
  model: "claude-sonnet-4-5",
  input_per_mtok: 3,
  cached_input_per_mtok: null,
  cache_write_per_mtok: null,
  output_per_mtok: 15,
  context_window: null,
  max_output: null,
  source: "test row",
  as_of: "2026-01-01",
};

Deno.test("anthropic output count comes from the last message_delta", async () => {
  const record = await measureStream("anthropic", [
    { atMs: 0, text: anthropicStart(1200, 1) + anthropicEvent({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }) },
    { atMs: 20, text: anthropicDelta(0, "A long answer.") },
    { atMs: 30, text: anthropicEvent({ type: "message_delta", delta: { stop_reason: null }, usage: { output_tokens: 200 } }) },
    { atMs: 40, text: anthropicDelta(0, " More of it.") },
    { atMs: 50, text: anthropicEvent({ type: "content_block_stop", index: 0 }) + anthropicEnd(356) },
  ]);

  assert.equal(record.input_tokens, 1200);
  assert.equal(record.output_tokens, 356);
  assert.equal(record.usage_source, "server");
  const raw = record.usage_raw as { message_start: { output_tokens: number }; message_delta: { output_tokens: number } };
  assert.equal(raw.message_start.output_tokens, 1);
  assert.equal(raw.message_delta.output_tokens, 356);
  assert.ok(Math.abs(costOf(record.usage!, PRICE_3_15)! - 0.00894) < 1e-12, `cost ${costOf(record.usage!, PRICE_3_15)}`);
});

Deno.test("gemini output count is the last running total", async () => {
  const record = await measureStream("google", [
    { atMs: 0, text: geminiChunk([{ text: "Hello" }], { usage: { promptTokenCount: 12, candidatesTokenCount: 1, totalTokenCount: 13 } }) },
    { atMs: 10, text: geminiChunk([{ text: " there" }], { usage: { promptTokenCount: 12, candidatesTokenCount: 2, totalTokenCount: 14 } }) },
    { atMs: 20, text: geminiChunk([{ text: " friend" }], { finish: "STOP", usage: { promptTokenCount: 12, candidatesTokenCount: 3, totalTokenCount: 15 } }) },
  ]);

  assert.equal(record.output_tokens, 3);
  assert.equal((record.usage_raw as { candidatesTokenCount: number }).candidatesTokenCount, 3);
});

Deno.test("openai usage chunk with empty choices is read", async () => {
  const record = await measureStream("openai", [
    { atMs: 0, text: openaiDelta({ role: "assistant", content: "" }) },
    { atMs: 10, text: openaiDelta({ content: "ok" }) },
    { atMs: 20, text: openaiDelta({}, "stop") },
    { atMs: 21, text: openaiChunk([], { prompt_tokens: 611, completion_tokens: 13, total_tokens: 624 }) + "data: [DONE]\n\n" },
  ]);

  assert.equal(record.status, "ok");
  assert.equal(record.finish_reason, "stop");
  assert.equal(record.input_tokens, 611);
  assert.equal(record.output_tokens, 13);
  assert.equal(record.usage_source, "server");
  assert.deepEqual(record.usage_raw, { prompt_tokens: 611, completion_tokens: 13, total_tokens: 624 });
});

// "Hello world" is 2 o200k tokens; its fragments "Hel", "lo", " world" are 1 token each.
const FRAGMENTS: Record<"openai-compatible" | "anthropic" | "google", TimedWrite[]> = {
  "openai-compatible": [
    { atMs: 0, text: openaiDelta({ role: "assistant", content: "" }) },
    { atMs: 5, text: openaiDelta({ content: "Hel" }) },
    { atMs: 10, text: openaiDelta({ content: "lo" }) },
    { atMs: 15, text: openaiDelta({ content: " world" }) },
    { atMs: 20, text: openaiDelta({}, "stop") + "data: [DONE]\n\n" },
  ],
  anthropic: [
    {
      atMs: 0,
      text: anthropicEvent({
        type: "message_start",
        message: { id: "msg_1", type: "message", role: "assistant", model: "claude-sonnet-4-5-20250929", content: [], stop_reason: null },
      }) + anthropicEvent({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }),
    },
    { atMs: 5, text: anthropicDelta(0, "Hel") },
    { atMs: 10, text: anthropicDelta(0, "lo") },
    { atMs: 15, text: anthropicDelta(0, " world") },
    { atMs: 20, text: anthropicEvent({ type: "content_block_stop", index: 0 }) + anthropicEnd(null) },
  ],
  google: [
    { atMs: 5, text: geminiChunk([{ text: "Hel" }]) },
    { atMs: 10, text: geminiChunk([{ text: "lo" }]) },
    { atMs: 15, text: geminiChunk([{ text: " world" }], { finish: "STOP" }) },
  ],
};

for (const [provider, writes] of Object.entries(FRAGMENTS) as [ProviderName, TimedWrite[]][]) {
  Deno.test(`${provider} missing usage is estimated from joined text`, async () => {
    const record = await measureStream(provider, writes);

    assert.equal(record.output_text, "Hello world");
    assert.equal(record.usage, null);
    assert.equal(record.usage_source, "estimated");
    assert.equal(record.output_tokens, 2);
    assert.equal(record.input_tokens, null);
    assert.equal(record.cost_usd, null);
  });

  Deno.test(`${provider} missing usage stays null without estimate`, async () => {
    const record = await measureStream(provider, writes, { estimateMissingUsage: false });

    assert.equal(record.usage_source, "missing");
    assert.equal(record.output_tokens, null);
  });
}

Deno.test("server usage wins over the estimate", async () => {
  const withUsage = [...FRAGMENTS["openai-compatible"]];
  withUsage[4] = {
    atMs: 20,
    text: openaiDelta({}, "stop") + openaiChunk([], { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 }) + "data: [DONE]\n\n",
  };
  const record = await measureStream("openai-compatible", withUsage);

  assert.equal(record.usage_source, "server");
  assert.equal(record.output_tokens, 2);
});
