import assert from "node:assert/strict";
import type { ProviderName } from "../../lib/providers/types.ts";
import {
  anthropicDelta,
  anthropicEnd,
  anthropicEvent,
  anthropicStart,
  assertBetween,
  geminiChunk,
  measureStream,
  openaiDelta,
  type TimedWrite,
} from "./measure_fixture.ts";

// The first text event is cut in two: its first half arrives at 100 ms, the rest at 140 ms.
const FIRST_HALF_MS = 100;
const SECOND_HALF_MS = 140;

function split(event: string, marker: string): [string, string] {
  const at = event.indexOf(marker) + marker.length;
  return [event.slice(0, at), event.slice(at)];
}

function streamFor(provider: "openai-compatible" | "anthropic" | "google"): TimedWrite[] {
  if (provider === "openai-compatible") {
    const [head, tail] = split(openaiDelta({ content: "Hello" }), "Hel");
    return [
      { atMs: 0, text: openaiDelta({ role: "assistant", content: "" }) },
      { atMs: FIRST_HALF_MS, text: head },
      { atMs: SECOND_HALF_MS, text: tail.replace(/\n\n$/, "\r\n\r\n") + openaiDelta({ content: " there" }).slice(0, -1) },
      { atMs: 170, text: "\n" + openaiDelta({}, "stop") + "data: [DONE]\n\n" },
    ];
  }
  if (provider === "anthropic") {
    const [head, tail] = split(anthropicDelta(0, "Hello"), "Hel");
    return [
      { atMs: 0, text: anthropicStart(5) + anthropicEvent({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }) },
      { atMs: FIRST_HALF_MS, text: head },
      { atMs: SECOND_HALF_MS, text: tail + anthropicDelta(0, " there") },
      { atMs: 170, text: anthropicEvent({ type: "content_block_stop", index: 0 }) + anthropicEnd(2) },
    ];
  }
  const [head, tail] = split(geminiChunk([{ text: "Hello" }]), "Hel");
  return [
    { atMs: FIRST_HALF_MS, text: head },
    { atMs: SECOND_HALF_MS, text: tail + geminiChunk([{ text: " there" }]) },
    { atMs: 170, text: geminiChunk(null, { finish: "STOP", usage: { promptTokenCount: 5, candidatesTokenCount: 2, totalTokenCount: 7 } }) },
  ];
}

for (const provider of ["openai-compatible", "anthropic", "google"] as const satisfies readonly ProviderName[]) {
  Deno.test(`${provider} event split across reads counts when complete`, async () => {
    const record = await measureStream(provider, streamFor(provider));

    assert.equal(record.status, "ok", record.error_message ?? "");
    assert.equal(record.output_text, "Hello there");
    assert.equal(record.events.filter((event) => event.kind === "text-delta").length, 2);
    assertBetween(record.ttft_ms, SECOND_HALF_MS, SECOND_HALF_MS + 80, "ttft_ms");
  });
}
