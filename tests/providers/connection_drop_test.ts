import assert from "node:assert/strict";
import type { ProviderName } from "../../lib/providers/types.ts";
import { createAdapter } from "../../lib/providers/create_adapter.ts";
import { resolveEndpoint } from "../../lib/providers/resolve_endpoint.ts";
import { collectEvents, helloRequest, joinedText, ofType } from "./harness.ts";
import { readFixture, splitSseEvents, ssePieces } from "./replay_server.ts";
import { startDroppingServer } from "./dropping_server.ts";

const STREAMS: [ProviderName, string, string][] = [
  ["openai", "openai_text_usage.sse", "gpt-4o"],
  ["anthropic", "anthropic_text.sse", "claude-sonnet-4-5"],
  ["google", "gemini_thinking.sse", "gemini-2.5-flash"],
];

for (const [provider, fixture, model] of STREAMS) {
  Deno.test(`${provider} connection drop mid-stream is network error`, async () => {
    const events = splitSseEvents(readFixture(fixture));
    const server = startDroppingServer(ssePieces(events.slice(0, 4)));
    try {
      const adapter = createAdapter(provider, resolveEndpoint(provider, {}, server.url, "emulator"));
      const result = await collectEvents(adapter.stream(helloRequest(model)));

      assert.ok(joinedText(result) + joinedText(result, "reasoning-delta") !== "", "content before the drop was lost");
      assert.equal(ofType(result, "end").length, 0);
      const last = result.at(-1);
      assert.equal(last?.type, "error");
      assert.equal(last?.type === "error" && last.error.class, "network", JSON.stringify(last));
    } finally {
      await server.close();
    }
  });
}
