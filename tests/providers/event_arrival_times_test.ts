import assert from "node:assert/strict";
import { createAdapter } from "../../lib/providers/create_adapter.ts";
import { resolveEndpoint } from "../../lib/providers/resolve_endpoint.ts";
import type { TransportName } from "../../lib/providers/http_transport.ts";
import type { ProviderName, StreamEvent } from "../../lib/providers/types.ts";
import { helloRequest } from "./harness.ts";
import { readFixture, splitSseEvents, ssePieces, startReplayServer } from "./replay_server.ts";

const GAP_MS = 40;
const CONSUMER_PAUSE_MS = 120;

const CASES: { provider: ProviderName; fixture: string; model: string }[] = [
  { provider: "openai", fixture: "openai_text_usage.sse", model: "gpt-4o" },
  { provider: "anthropic", fixture: "anthropic_text.sse", model: "claude-sonnet-4-5" },
  { provider: "google", fixture: "gemini_thinking.sse", model: "gemini-2.5-flash" },
];

/** Streams the fixture with every event `GAP_MS` after the last, read by a consumer that pauses after each content event. */
async function contentTimes(provider: ProviderName, fixture: string, model: string, transport: TransportName): Promise<number[]> {
  const events = splitSseEvents(readFixture(fixture));
  const server = startReplayServer({ body: ssePieces(events, events.map((_, i) => (i === 0 ? 0 : GAP_MS))) });
  const adapter = createAdapter(provider, resolveEndpoint(provider, {}, server.url, "emulator"), { transport });
  try {
    const times: number[] = [];
    for await (const event of adapter.stream(helloRequest(model)) as AsyncIterable<StreamEvent>) {
      if (event.type === "error") throw new Error(`stream failed: ${event.error.message}`);
      if (event.type !== "text-delta" && event.type !== "reasoning-delta") continue;
      times.push(event.t);
      await new Promise((resolve) => setTimeout(resolve, CONSUMER_PAUSE_MS));
    }
    return times;
  } finally {
    adapter.close();
    await server.close();
  }
}

const gapsOf = (times: number[]) => times.slice(1).map((t, i) => t - times[i]);

for (const { provider, fixture, model } of CASES) {
  Deno.test(`${provider} socket events timed on arrival`, async () => {
    const gaps = gapsOf(await contentTimes(provider, fixture, model, "socket"));
    assert.ok(gaps.length >= 2, `expected several content events, got ${gaps.length + 1}`);
    // Events left the server every 40 ms (a few arrive together when the server batches writes).
    for (const gap of gaps) assert.ok(gap < CONSUMER_PAUSE_MS - 20, `gap ${gap.toFixed(1)} ms follows the consumer's pace, not the arrivals`);
    const total = gaps.reduce((sum, gap) => sum + gap, 0);
    assert.ok(total <= gaps.length * GAP_MS + 60, `content spread over ${total.toFixed(0)} ms, the server sent it over about ${gaps.length * GAP_MS} ms`);
  });
}

Deno.test("fetch events timed when yielded", async () => {
  const gaps = gapsOf(await contentTimes("openai", "openai_text_usage.sse", "gpt-4o", "fetch"));
  assert.ok(gaps.every((gap) => gap >= CONSUMER_PAUSE_MS - 5), `gaps ${gaps.map((gap) => gap.toFixed(0)).join(", ")} ms should follow the consumer`);
});
