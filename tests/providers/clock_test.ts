import assert from "node:assert/strict";
import type { ProviderName } from "../../lib/providers/types.ts";
import { adapterFor, collectEvents, helloRequest } from "./harness.ts";
import { readFixture, splitSseEvents, ssePieces, startReplayServer } from "./replay_server.ts";

const STREAMS: [ProviderName, string, string][] = [
  ["openai", "openai_text_usage.sse", "gpt-4o"],
  ["anthropic", "anthropic_text.sse", "claude-sonnet-4-5"],
  ["google", "gemini_thinking.sse", "gemini-2.5-flash"],
];

for (const [provider, fixture, model] of STREAMS) {
  Deno.test(`${provider} events are stamped from injected clock`, async () => {
    // A fake clock far from performance.now(): 1_000_000, 1_000_010, 1_000_020, …
    const readings: number[] = [];
    const clock = () => {
      const reading = 1_000_000 + readings.length * 10;
      readings.push(reading);
      return reading;
    };
    const server = startReplayServer({ body: ssePieces(splitSseEvents(readFixture(fixture))) });
    try {
      const events = await collectEvents(adapterFor(provider, server, clock).stream(helloRequest(model)));

      assert.ok(events.length >= 4, `expected a full stream, got ${JSON.stringify(events)}`);
      for (const event of events) {
        assert.ok(readings.includes(event.t), `${event.type} t=${event.t} is not a reading of the injected clock`);
      }
      const times = events.map((event) => event.t);
      assert.deepEqual(times, [...times].sort((a, b) => a - b), "event times go backwards");
      assert.equal(events.at(-1)?.type, "end");
    } finally {
      await server.close();
    }
  });
}
