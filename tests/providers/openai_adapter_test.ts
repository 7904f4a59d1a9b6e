import assert from "node:assert/strict";
import { adapterFor, collectEvents, helloRequest, joinedText, ofType, typesOf } from "./harness.ts";
import {
  byteOffsetAfter,
  readErrorFixture,
  readFixture,
  splitPiece,
  splitSseEvents,
  ssePieces,
  startReplayServer,
} from "./replay_server.ts";

const WITH_USAGE = splitSseEvents(readFixture("openai_text_usage.sse"));
const FULL_TEXT = "Hello, benchmark world. Grüße 🌍";

Deno.test("openai ttft ignores role-only chunk", async () => {
  // Events: role chunk, keep-alive comment, then the first content chunk 150 ms later.
  const server = startReplayServer({ body: ssePieces(WITH_USAGE, [0, 0, 150]) });
  try {
    const adapter = adapterFor("openai", server);
    const send = performance.now();
    const events = await collectEvents(adapter.stream(helloRequest("gpt-4o")));

    assert.deepEqual(typesOf(events).slice(0, 2), ["response-headers", "text-delta"]);
    const head = ofType(events, "response-headers")[0];
    const firstText = ofType(events, "text-delta")[0];
    assert.equal(firstText.text, "Hello");
    assert.ok(firstText.t - send >= 150, `first text-delta at ${firstText.t - send} ms after send, expected ≥ 150`);
    assert.ok(head.t - send < 150, `headers at ${head.t - send} ms after send, expected before the first content`);
  } finally {
    await server.close();
  }
});

Deno.test("openai usage-only last chunk is parsed", async () => {
  const server = startReplayServer({ body: ssePieces(WITH_USAGE) });
  try {
    const events = await collectEvents(adapterFor("openai", server).stream(helloRequest("gpt-4o")));

    assert.deepEqual(typesOf(events), [
      "response-headers",
      ...Array(5).fill("text-delta"),
      "usage",
      "end",
    ]);
    assert.equal(joinedText(events), FULL_TEXT);
    assert.deepEqual(ofType(events, "usage")[0].usage, {
      inputTokens: 1210,
      outputTokens: 9,
      reasoningTokens: 0,
      cachedInputTokens: 1024,
      cacheWriteTokens: null,
    });
    const end = ofType(events, "end")[0];
    assert.equal(end.finishReason, "stop");
    assert.equal(end.modelVersion, "gpt-4o-2024-08-06");
  } finally {
    await server.close();
  }
});

Deno.test("openai missing usage gives no usage event", async () => {
  const events = splitSseEvents(readFixture("openai_text_no_usage.sse"));
  const server = startReplayServer({ body: ssePieces(events) });
  try {
    const result = await collectEvents(adapterFor("openai", server).stream(helloRequest("gpt-4o")));

    assert.equal(ofType(result, "usage").length, 0);
    assert.equal(result.at(-1)?.type, "end");
  } finally {
    await server.close();
  }
});

Deno.test("openai event split across reads", async () => {
  const helloIndex = WITH_USAGE.findIndex((event) => event.includes('"content":"Hello"'));
  const pieces = splitPiece(ssePieces(WITH_USAGE), helloIndex, byteOffsetAfter(WITH_USAGE[helloIndex], "Hel"));
  const server = startReplayServer({ body: pieces });
  try {
    const events = await collectEvents(adapterFor("openai", server).stream(helloRequest("gpt-4o")));

    assert.equal(ofType(events, "text-delta")[0].text, "Hello");
    assert.equal(joinedText(events), FULL_TEXT);
  } finally {
    await server.close();
  }
});

Deno.test("openai multi-byte character split across reads", async () => {
  const index = WITH_USAGE.findIndex((event) => event.includes("🌍"));
  // The globe is four bytes in UTF-8; cut after its second byte.
  const offset = byteOffsetAfter(WITH_USAGE[index], "Grüße ") + 2;
  const server = startReplayServer({ body: splitPiece(ssePieces(WITH_USAGE), index, offset) });
  try {
    const events = await collectEvents(adapterFor("openai", server).stream(helloRequest("gpt-4o")));

    assert.equal(ofType(events, "text-delta").at(-1)?.text, " Grüße 🌍");
    assert.equal(joinedText(events), FULL_TEXT);
  } finally {
    await server.close();
  }
});

Deno.test("openai request body and headers", async () => {
  const server = startReplayServer({ body: ssePieces(WITH_USAGE) });
  try {
    const request = helloRequest("gpt-4o", {
      temperature: 0.2,
      maxOutputTokens: 321,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: [{ type: "text", text: "What is this?" }, { type: "image", media_type: "image/png", data: "iVBORw0KGgo=" }] },
      ],
    });
    await collectEvents(adapterFor("openai", server).stream(request));

    assert.equal(server.requests.length, 1);
    const sent = server.requests[0];
    const body = sent.body as Record<string, unknown>;
    assert.equal(sent.path, "/v1/chat/completions");
    assert.equal(sent.headers.get("authorization"), "Bearer emulator");
    assert.equal(body.max_completion_tokens, 321);
    assert.equal(body.max_tokens, undefined);
    assert.equal(body.temperature, 0.2);
    assert.equal(body.stream, true);
    assert.deepEqual(body.stream_options, { include_usage: true });
    assert.deepEqual(body.messages, [
      { role: "system", content: "Be brief." },
      {
        role: "user",
        content: [
          { type: "text", text: "What is this?" },
          { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } },
        ],
      },
    ]);
  } finally {
    await server.close();
  }
});

Deno.test("openai-compatible request uses max_tokens", async () => {
  const server = startReplayServer({ body: ssePieces(WITH_USAGE) });
  try {
    await collectEvents(adapterFor("openai-compatible", server).stream(helloRequest("llama3.1", { maxOutputTokens: 77 })));

    const body = server.requests[0].body as Record<string, unknown>;
    assert.equal(server.requests[0].path, "/v1/chat/completions");
    assert.equal(body.max_tokens, 77);
    assert.equal(body.max_completion_tokens, undefined);
    assert.equal(body.temperature, undefined);
  } finally {
    await server.close();
  }
});

Deno.test("openai-compatible reasoning fields give reasoning deltas", async () => {
  const events = splitSseEvents(readFixture("openai_compatible_reasoning.sse"));
  const server = startReplayServer({ body: ssePieces(events) });
  try {
    const result = await collectEvents(adapterFor("openai-compatible", server).stream(helloRequest("qwen3-8b")));

    assert.equal(joinedText(result, "reasoning-delta"), "Count the letters first.Both fields at once,");
    assert.equal(joinedText(result), "There are three.");
    assert.ok(ofType(result, "reasoning-delta").every((event) => event.text !== ""));
    assert.equal(ofType(result, "usage")[0].usage.reasoningTokens, 100);
    assert.equal(ofType(result, "usage")[0].usage.outputTokens, 120);
    assert.equal(ofType(result, "end")[0].finishReason, "length");
  } finally {
    await server.close();
  }
});

Deno.test("openai mid-stream error becomes error event", async () => {
  const events = splitSseEvents(readFixture("openai_midstream_error.sse"));
  const server = startReplayServer({ body: ssePieces(events) });
  try {
    const result = await collectEvents(adapterFor("openai", server).stream(helloRequest("gpt-4o")));

    assert.equal(joinedText(result), "Partial");
    assert.equal(ofType(result, "end").length, 0);
    const last = result.at(-1);
    assert.equal(last?.type, "error");
    if (last?.type !== "error") return;
    assert.equal(last.error.class, "server");
    assert.equal(last.error.providerCode, "server_error");
    assert.match(last.error.message, /server had an error/);
  } finally {
    await server.close();
  }
});

Deno.test("openai stream cut before finish is invalid_response", async () => {
  // Role chunk, comment and two content chunks, then the connection closes.
  const server = startReplayServer({ body: ssePieces(WITH_USAGE.slice(0, 4)) });
  try {
    const result = await collectEvents(adapterFor("openai", server).stream(helloRequest("gpt-4o")));

    assert.equal(joinedText(result), "Hello, bench");
    const last = result.at(-1);
    assert.equal(last?.type, "error");
    assert.equal(last?.type === "error" && last.error.class, "invalid_response");
  } finally {
    await server.close();
  }
});

Deno.test("openai sdk retries are off", async () => {
  const server = startReplayServer(readErrorFixture("openai_429_rate_limit.json"));
  try {
    const result = await collectEvents(adapterFor("openai", server).stream(helloRequest("gpt-4o")));

    assert.equal(server.requests.length, 1);
    assert.deepEqual(typesOf(result), ["response-headers", "error"]);
    assert.equal(ofType(result, "response-headers")[0].status, 429);
  } finally {
    await server.close();
  }
});

Deno.test("openai abort gives cancelled error", async () => {
  const server = startReplayServer({ body: ssePieces(WITH_USAGE, [0, 0, 0, 400, 400, 400]) });
  try {
    const controller = new AbortController();
    const events = [];
    for await (const event of adapterFor("openai", server).stream(helloRequest("gpt-4o", { signal: controller.signal }))) {
      events.push(event);
      if (event.type === "text-delta") controller.abort();
    }

    assert.equal(ofType(events, "end").length, 0);
    const last = events.at(-1);
    assert.equal(last?.type, "error");
    assert.equal(last?.type === "error" && last.error.class, "cancelled");
  } finally {
    await server.close();
  }
});

Deno.test("openai concurrent streams keep their own headers", async () => {
  const rateLimited = readErrorFixture("openai_429_rate_limit.json");
  const streamed = { body: ssePieces(WITH_USAGE, [30]) };
  const server = startReplayServer((request) => (request.body as { model: string }).model === "limited" ? rateLimited : streamed);
  try {
    const adapter = adapterFor("openai", server);
    const [ok, limited] = await Promise.all([
      collectEvents(adapter.stream(helloRequest("gpt-4o"))),
      collectEvents(adapter.stream(helloRequest("limited"))),
    ]);

    assert.equal(ofType(ok, "response-headers")[0].status, 200);
    assert.equal(ok.at(-1)?.type, "end");
    assert.equal(ofType(limited, "response-headers")[0].status, 429);
    assert.equal(limited.at(-1)?.type, "error");
  } finally {
    await server.close();
  }
});
