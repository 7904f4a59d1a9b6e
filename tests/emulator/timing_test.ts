import assert from "node:assert/strict";
import type { RequestLogEntry } from "../../lib/emulator/start_emulator.ts";
import { postJson, startTestEmulator } from "./emulator_fixture.ts";

const auth = { authorization: "Bearer test-key" };

/** Streams one chat completion and returns when headers, the first chunk and the first text arrived. */
async function timeStream(url: string, body: Record<string, unknown>) {
  const started = performance.now();
  const response = await postJson(`${url}/v1/chat/completions`, { ...body, stream: true }, auth);
  const headersAt = performance.now() - started;
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let firstChunkAt: number | null = null;
  let firstTextAt: number | null = null;
  let text = "";
  while (true) {
    const { value, done } = await reader.read();
    if (done) break;
    firstChunkAt ??= performance.now() - started;
    text += value;
    if (firstTextAt === null && /"delta":\{"content":"[^"]/.test(text)) firstTextAt = performance.now() - started;
  }
  return { headersAt, firstChunkAt: firstChunkAt!, firstTextAt: firstTextAt!, text, doneAt: performance.now() - started };
}

Deno.test("ttft grows with input length", async () => {
  const emulator = await startTestEmulator();
  try {
    const short = await timeStream(emulator.url, {
      model: "slow-prefill",
      messages: [{ role: "user", content: "Short prompt." }],
      max_tokens: 5,
    });
    const long = await timeStream(emulator.url, {
      model: "slow-prefill",
      messages: [{ role: "user", content: "alpha ".repeat(10_000) }],
      max_tokens: 5,
    });

    // The profile adds 100 ms per 1,000 input tokens without jitter: about 1,000 ms here.
    assert.ok(short.firstTextAt < 300, `short prompt TTFT ${short.firstTextAt} ms`);
    assert.ok(long.firstTextAt - short.firstTextAt > 700, `TTFT grew by ${long.firstTextAt - short.firstTextAt} ms`);
    assert.ok(long.firstTextAt - short.firstTextAt < 1600, `TTFT grew by ${long.firstTextAt - short.firstTextAt} ms`);
  } finally {
    await emulator.close();
  }
});

Deno.test("headers and role chunk precede the first token", async () => {
  const emulator = await startTestEmulator();
  try {
    const timing = await timeStream(emulator.url, {
      model: "steady",
      messages: [{ role: "user", content: "Hello" }],
      max_tokens: 5,
    });

    assert.ok(timing.headersAt < 100, `headers after ${timing.headersAt} ms`);
    assert.ok(timing.firstChunkAt < 100, `role chunk after ${timing.firstChunkAt} ms`);
    assert.ok(timing.firstTextAt > 120, `first text after ${timing.firstTextAt} ms`);
  } finally {
    await emulator.close();
  }
});

Deno.test("server holds 300 concurrent streams", async () => {
  const emulator = await startTestEmulator();
  try {
    const started = performance.now();
    const runs = await Promise.all(Array.from({ length: 300 }, (_, index) =>
      timeStream(emulator.url, {
        model: "steady",
        messages: [{ role: "user", content: `Concurrent request ${index}` }],
        max_tokens: 20,
      })));
    const elapsed = performance.now() - started;

    // Each stream takes about 200 ms to first token plus 20 tokens at 100 tok/s.
    assert.ok(runs.every((run) => run.text.trimEnd().endsWith("data: [DONE]")));
    assert.ok(elapsed < 3000, `300 streams took ${elapsed} ms`);
  } finally {
    await emulator.close();
  }
});

Deno.test("client abort mid-stream leaves server healthy", async () => {
  const log: RequestLogEntry[] = [];
  const emulator = await startTestEmulator({ onRequest: (entry) => log.push(entry) });
  try {
    const controller = new AbortController();
    const response = await fetch(`${emulator.url}/v1/chat/completions`, {
      method: "POST",
      signal: controller.signal,
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ model: "steady", messages: [{ role: "user", content: "Go on" }], max_tokens: 2000, stream: true }),
    });
    const reader = response.body!.getReader();
    await reader.read();
    const activeBeforeAbort = emulator.activeStreams;
    controller.abort();
    await reader.closed.catch(() => {});
    // The next frame is due about 200 ms after the request, and the stream must stop before it.
    const stopDeadline = performance.now() + 100;
    while (emulator.activeStreams > 0 && performance.now() < stopDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const after = await timeStream(emulator.url, { model: "gpt-4o", messages: [{ role: "user", content: "Still there?" }], max_tokens: 3 });

    // Without the abort the stream would run for about 20 s (2,000 tokens at 100 tok/s).
    assert.equal(activeBeforeAbort, 1);
    assert.equal(emulator.activeStreams, 0);
    assert.ok(after.text.includes("[DONE]"));
    assert.deepEqual(log.map((entry) => `${entry.event} ${entry.model}`), [
      "response steady",
      "disconnect steady",
      "response gpt-4o",
    ]);
  } finally {
    await emulator.close();
  }
});
