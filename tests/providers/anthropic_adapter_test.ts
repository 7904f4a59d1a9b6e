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

const TEXT_EVENTS = splitSseEvents(readFixture("anthropic_text.sse"));
const MODEL = "claude-sonnet-4-5";

Deno.test("anthropic output count from last message_delta", async () => {
  const server = startReplayServer({ body: ssePieces(TEXT_EVENTS) });
  try {
    const events = await collectEvents(adapterFor("anthropic", server).stream(helloRequest(MODEL)));

    const usage = ofType(events, "usage");
    assert.equal(usage.length, 1);
    assert.equal(usage[0].usage.outputTokens, 356);
    // input_tokens 410 + cache reads 1600 + cache writes 200.
    assert.equal(usage[0].usage.inputTokens, 2210);
    assert.equal(usage[0].usage.cachedInputTokens, 1600);
    assert.equal(usage[0].usage.cacheWriteTokens, 200);
    assert.equal(usage[0].usage.reasoningTokens, null);
    const end = ofType(events, "end")[0];
    assert.equal(end.finishReason, "end_turn");
    assert.equal(end.modelVersion, "claude-sonnet-4-5-20250929");
  } finally {
    await server.close();
  }
});

Deno.test("anthropic ping and block start give no text", async () => {
  // message_start, content_block_start and ping at once; the first text delta 150 ms later.
  const server = startReplayServer({ body: ssePieces(TEXT_EVENTS, [0, 0, 0, 150]) });
  try {
    const send = performance.now();
    const events = await collectEvents(adapterFor("anthropic", server).stream(helloRequest(MODEL)));

    assert.deepEqual(typesOf(events), ["response-headers", ...Array(4).fill("text-delta"), "usage", "end"]);
    assert.equal(joinedText(events), "Latency is measured from send to first token.");
    const firstText = ofType(events, "text-delta")[0];
    assert.ok(firstText.t - send >= 150, `first text-delta at ${firstText.t - send} ms after send, expected ≥ 150`);
  } finally {
    await server.close();
  }
});

Deno.test("anthropic thinking deltas are reasoning", async () => {
  const events = splitSseEvents(readFixture("anthropic_thinking.sse"));
  const server = startReplayServer({ body: ssePieces(events) });
  try {
    const result = await collectEvents(adapterFor("anthropic", server).stream(helloRequest("claude-opus-4-6")));

    assert.equal(joinedText(result, "reasoning-delta"), "The user wants a one-word answer.");
    assert.equal(ofType(result, "reasoning-delta").length, 2);
    assert.equal(joinedText(result), "Yes.");
    const usage = ofType(result, "usage")[0].usage;
    assert.equal(usage.outputTokens, 87);
    assert.equal(usage.reasoningTokens, 80);
    assert.equal(usage.inputTokens, 95);
  } finally {
    await server.close();
  }
});

Deno.test("anthropic event split across reads", async () => {
  const index = TEXT_EVENTS.findIndex((event) => event.includes('"text":"Latency"'));
  const pieces = splitPiece(ssePieces(TEXT_EVENTS), index, byteOffsetAfter(TEXT_EVENTS[index], '"Lat'));
  const server = startReplayServer({ body: pieces });
  try {
    const events = await collectEvents(adapterFor("anthropic", server).stream(helloRequest(MODEL)));

    assert.equal(ofType(events, "text-delta")[0].text, "Latency");
    assert.equal(events.at(-1)?.type, "end");
  } finally {
    await server.close();
  }
});

Deno.test("anthropic request body and headers", async () => {
  const server = startReplayServer({ body: ssePieces(TEXT_EVENTS) });
  try {
    const request = helloRequest(MODEL, {
      maxOutputTokens: 500,
      temperature: 0.7,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "system", content: [{ type: "text", text: "Answer in English." }] },
        { role: "user", content: [{ type: "image", media_type: "image/jpeg", data: "/9j/4AAQ" }, { type: "text", text: "Describe." }] },
      ],
    });
    await collectEvents(adapterFor("anthropic", server).stream(request));

    const sent = server.requests[0];
    const body = sent.body as Record<string, unknown>;
    assert.equal(sent.path, "/v1/messages");
    assert.equal(sent.headers.get("authorization"), "Bearer emulator");
    assert.ok(sent.headers.get("anthropic-version"), "anthropic-version header missing");
    assert.equal(body.max_tokens, 500);
    assert.equal(body.stream, true);
    assert.equal(body.system, "Be brief.\n\nAnswer in English.");
    assert.equal(body.temperature, undefined);
    assert.deepEqual(body.messages, [
      {
        role: "user",
        content: [
          { type: "image", source: { type: "base64", media_type: "image/jpeg", data: "/9j/4AAQ" } },
          { type: "text", text: "Describe." },
        ],
      },
    ]);
  } finally {
    await server.close();
  }
});

Deno.test("anthropic mid-stream error becomes error event", async () => {
  const events = splitSseEvents(readFixture("anthropic_midstream_error.sse"));
  const server = startReplayServer({ body: ssePieces(events) });
  try {
    const result = await collectEvents(adapterFor("anthropic", server).stream(helloRequest(MODEL)));

    assert.equal(joinedText(result), "Partial");
    assert.equal(ofType(result, "end").length, 0);
    assert.equal(ofType(result, "usage").length, 0);
    const last = result.at(-1);
    assert.equal(last?.type, "error");
    if (last?.type !== "error") return;
    assert.equal(last.error.class, "overloaded");
    assert.equal(last.error.providerCode, "overloaded_error");
    assert.equal(last.error.httpStatus, null);
  } finally {
    await server.close();
  }
});

Deno.test("anthropic stream cut before message_stop is invalid_response", async () => {
  const server = startReplayServer({ body: ssePieces(TEXT_EVENTS.slice(0, 5)) });
  try {
    const result = await collectEvents(adapterFor("anthropic", server).stream(helloRequest(MODEL)));

    const last = result.at(-1);
    assert.equal(last?.type, "error");
    assert.equal(last?.type === "error" && last.error.class, "invalid_response");
  } finally {
    await server.close();
  }
});

Deno.test("anthropic sdk retries are off", async () => {
  const server = startReplayServer(readErrorFixture("anthropic_529_overloaded.json"));
  try {
    const result = await collectEvents(adapterFor("anthropic", server).stream(helloRequest(MODEL)));

    assert.equal(server.requests.length, 1);
    assert.deepEqual(typesOf(result), ["response-headers", "error"]);
  } finally {
    await server.close();
  }
});

Deno.test("anthropic abort gives cancelled error", async () => {
  const server = startReplayServer({ body: ssePieces(TEXT_EVENTS, [0, 0, 0, 0, 400, 400]) });
  try {
    const controller = new AbortController();
    const events = [];
    for await (const event of adapterFor("anthropic", server).stream(helloRequest(MODEL, { signal: controller.signal }))) {
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
