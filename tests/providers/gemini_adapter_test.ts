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

const THINKING_EVENTS = splitSseEvents(readFixture("gemini_thinking.sse"));
const MODEL = "gemini-2.5-flash";

Deno.test("gemini fixture uses crlf framing", () => {
  assert.equal(THINKING_EVENTS.length, 4);
  assert.ok(THINKING_EVENTS.every((event) => event.endsWith("\r\n\r\n")));
});

Deno.test("gemini output is candidates plus thoughts", async () => {
  const server = startReplayServer({ body: ssePieces(THINKING_EVENTS) });
  try {
    const events = await collectEvents(adapterFor("google", server).stream(helloRequest(MODEL)));

    const usage = ofType(events, "usage");
    assert.equal(usage.length, 1);
    assert.equal(usage[0].usage.outputTokens, 2000);
    assert.equal(usage[0].usage.reasoningTokens, 1700);
    assert.equal(usage[0].usage.inputTokens, 900);
    assert.equal(usage[0].usage.cachedInputTokens, 512);
    assert.equal(usage[0].usage.cacheWriteTokens, null);
    const end = ofType(events, "end")[0];
    assert.equal(end.finishReason, "STOP");
    assert.equal(end.modelVersion, "gemini-2.5-flash");
  } finally {
    await server.close();
  }
});

Deno.test("gemini thought parts are reasoning deltas", async () => {
  const server = startReplayServer({ body: ssePieces(THINKING_EVENTS, [0, 0, 150]) });
  try {
    const send = performance.now();
    const events = await collectEvents(adapterFor("google", server).stream(helloRequest(MODEL)));

    assert.deepEqual(typesOf(events), [
      "response-headers",
      "reasoning-delta",
      "reasoning-delta",
      "text-delta",
      "text-delta",
      "usage",
      "end",
    ]);
    assert.equal(joinedText(events, "reasoning-delta"), "Weighing the options before answering.");
    assert.equal(joinedText(events), "Hello from Gemini.");
    const firstText = ofType(events, "text-delta")[0];
    assert.ok(firstText.t - send >= 150, `first answer text at ${firstText.t - send} ms after send, expected ≥ 150`);
  } finally {
    await server.close();
  }
});

Deno.test("gemini crlf event split across reads", async () => {
  const index = THINKING_EVENTS.findIndex((event) => event.includes('"text":"Hello"'));
  const inWord = splitPiece(ssePieces(THINKING_EVENTS), index, byteOffsetAfter(THINKING_EVENTS[index], '"Hel'));
  // Also cut the following event inside its CRLF CRLF delimiter.
  const next = THINKING_EVENTS[index + 1];
  const pieces = splitPiece(inWord, index + 2, new TextEncoder().encode(next).length - 1);
  const server = startReplayServer({ body: pieces });
  try {
    const events = await collectEvents(adapterFor("google", server).stream(helloRequest(MODEL)));

    assert.equal(ofType(events, "text-delta")[0].text, "Hello");
    assert.equal(joinedText(events), "Hello from Gemini.");
    assert.equal(events.at(-1)?.type, "end");
  } finally {
    await server.close();
  }
});

Deno.test("gemini request body and headers", async () => {
  const server = startReplayServer({ body: ssePieces(THINKING_EVENTS) });
  try {
    const request = helloRequest(MODEL, {
      maxOutputTokens: 2048,
      temperature: 0,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: [{ type: "text", text: "Describe." }, { type: "image", media_type: "image/webp", data: "UklGRg==" }] },
        { role: "assistant", content: "A cat." },
        { role: "user", content: "Which colour?" },
      ],
    });
    await collectEvents(adapterFor("google", server).stream(request));

    assert.equal(server.requests.length, 1);
    const sent = server.requests[0];
    const body = sent.body as Record<string, unknown>;
    // @google/genai 3.x defaults to API version v1 (2.x used v1beta).
    assert.equal(sent.path, `/v1/models/${MODEL}:streamGenerateContent?alt=sse`);
    assert.equal(sent.headers.get("x-goog-api-key"), "emulator");
    assert.deepEqual(body.systemInstruction, { parts: [{ text: "Be brief." }], role: "user" });
    assert.deepEqual(body.generationConfig, { maxOutputTokens: 2048, temperature: 0 });
    assert.deepEqual(body.contents, [
      { role: "user", parts: [{ text: "Describe." }, { inlineData: { mimeType: "image/webp", data: "UklGRg==" } }] },
      { role: "model", parts: [{ text: "A cat." }] },
      { role: "user", parts: [{ text: "Which colour?" }] },
    ]);
  } finally {
    await server.close();
  }
});

Deno.test("gemini mid-stream error becomes error event", async () => {
  const events = splitSseEvents(readFixture("gemini_midstream_error.sse"));
  const server = startReplayServer({ body: ssePieces(events) });
  try {
    const result = await collectEvents(adapterFor("google", server).stream(helloRequest(MODEL)));

    assert.equal(joinedText(result), "Partial");
    assert.equal(ofType(result, "end").length, 0);
    const last = result.at(-1);
    assert.equal(last?.type, "error");
    if (last?.type !== "error") return;
    assert.equal(last.error.class, "overloaded");
    assert.equal(last.error.providerCode, "UNAVAILABLE");
    assert.equal(last.error.message, "The model is overloaded. Please try again later.");
  } finally {
    await server.close();
  }
});

Deno.test("gemini stream without finishReason is invalid_response", async () => {
  const server = startReplayServer({ body: ssePieces(THINKING_EVENTS.slice(0, 3)) });
  try {
    const result = await collectEvents(adapterFor("google", server).stream(helloRequest(MODEL)));

    const last = result.at(-1);
    assert.equal(last?.type, "error");
    assert.equal(last?.type === "error" && last.error.class, "invalid_response");
  } finally {
    await server.close();
  }
});

Deno.test("gemini sdk retries are off", async () => {
  const server = startReplayServer(readErrorFixture("gemini_429_resource_exhausted.json"));
  try {
    const result = await collectEvents(adapterFor("google", server).stream(helloRequest(MODEL)));

    assert.equal(server.requests.length, 1);
    assert.deepEqual(typesOf(result), ["response-headers", "error"]);
    assert.equal(ofType(result, "response-headers")[0].status, 429);
  } finally {
    await server.close();
  }
});

Deno.test("gemini abort gives cancelled error", async () => {
  const server = startReplayServer({ body: ssePieces(THINKING_EVENTS, [0, 400, 400, 400]) });
  try {
    const controller = new AbortController();
    const events = [];
    for await (const event of adapterFor("google", server).stream(helloRequest(MODEL, { signal: controller.signal }))) {
      events.push(event);
      if (event.type === "reasoning-delta") controller.abort();
    }

    assert.equal(ofType(events, "end").length, 0);
    const last = events.at(-1);
    assert.equal(last?.type, "error");
    assert.equal(last?.type === "error" && last.error.class, "cancelled");
  } finally {
    await server.close();
  }
});
