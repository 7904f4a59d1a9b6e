import assert from "node:assert/strict";
import Anthropic from "@anthropic-ai/sdk";
import { countTokens } from "gpt-tokenizer";
import { emulatorBaseUrls } from "../../lib/emulator/start_emulator.ts";
import { postJson, ssePayloads, startTestEmulator, TEST_ITEMS, toAnthropicPrompt } from "./emulator_fixture.ts";

const item = (id: string) => TEST_ITEMS.find((candidate) => candidate.id === id)!;
const client = (url: string) => new Anthropic({ baseURL: emulatorBaseUrls(url).anthropic, apiKey: "test-key", maxRetries: 0 });

Deno.test("anthropic stream follows the event sequence", async () => {
  const emulator = await startTestEmulator();
  try {
    const stream = await client(emulator.url).messages.create({
      model: "claude-sonnet-4-5",
      max_tokens: 30,
      messages: [{ role: "user", content: "Say something long." }],
      stream: true,
    });
    const events = [];
    for await (const event of stream) events.push(event);

    const types = events.map((event) => event.type);
    assert.deepEqual(types.slice(0, 2), ["message_start", "content_block_start"]);
    assert.deepEqual(types.slice(-3), ["content_block_stop", "message_delta", "message_stop"]);
    assert.ok(types.slice(2, -3).every((type) => type === "content_block_delta"));

    const start = events[0] as Anthropic.RawMessageStartEvent;
    assert.equal(start.message.model, "claude-sonnet-4-5-20250929");
    assert.equal(start.message.usage.input_tokens, countTokens("Say something long."));
    assert.equal(start.message.usage.output_tokens, 1);
    assert.equal(start.message.usage.cache_read_input_tokens, 0);
    assert.equal(start.message.usage.cache_creation_input_tokens, 0);

    const text = events
      .flatMap((event) => event.type === "content_block_delta" && event.delta.type === "text_delta" ? [event.delta.text] : [])
      .join("");
    const delta = events.at(-2) as Anthropic.RawMessageDeltaEvent;
    assert.equal(delta.delta.stop_reason, "max_tokens");
    assert.equal(delta.usage.output_tokens, countTokens(text));
    assert.equal(delta.usage.output_tokens, 30);
  } finally {
    await emulator.close();
  }
});

Deno.test("anthropic raw stream sends ping and event lines", async () => {
  const emulator = await startTestEmulator();
  try {
    const response = await postJson(`${emulator.url}/v1/messages`, {
      model: "claude-sonnet-4-5",
      max_tokens: 5,
      messages: [{ role: "user", content: "Hi" }],
      stream: true,
    }, { "x-api-key": "test-key", "anthropic-version": "2023-06-01" });
    const body = await response.text();
    const types = ssePayloads(body).map((payload) => JSON.parse(payload).type);

    assert.deepEqual(types.slice(0, 3), ["message_start", "content_block_start", "ping"]);
    assert.match(body, /^event: message_start\ndata: /);
    assert.match(response.headers.get("request-id") ?? "", /^req_/);
    assert.equal(response.headers.get("x-emulated"), "true");
  } finally {
    await emulator.close();
  }
});

Deno.test("anthropic non-streaming answers a dataset item", async () => {
  const emulator = await startTestEmulator();
  try {
    const prompt = toAnthropicPrompt(item("sql-1").messages);
    const message = await client(emulator.url).messages.create({ model: "claude-sonnet-4-5", max_tokens: 300, ...prompt });

    assert.equal(message.type, "message");
    assert.equal(message.stop_reason, "end_turn");
    assert.deepEqual(message.content, [{ type: "text", text: item("sql-1").reference }]);
    assert.equal(message.usage.output_tokens, countTokens(item("sql-1").reference));
  } finally {
    await emulator.close();
  }
});

Deno.test("anthropic thinking block comes first", async () => {
  const emulator = await startTestEmulator();
  try {
    const stream = client(emulator.url).messages.stream({
      model: "claude-sonnet-4-5",
      max_tokens: 2000,
      thinking: { type: "enabled", budget_tokens: 1024 },
      ...toAnthropicPrompt(item("qa-1").messages),
    });
    const deltaTypes: string[] = [];
    stream.on("streamEvent", (event) => {
      if (event.type === "content_block_delta") deltaTypes.push(event.delta.type);
    });
    const message = await stream.finalMessage();

    const [thinking, text] = message.content;
    assert.equal(thinking.type, "thinking");
    assert.equal(text.type, "text");
    assert.equal(text.type === "text" && text.text, "Paris");
    assert.equal(deltaTypes[0], "thinking_delta");
    assert.ok(deltaTypes.includes("signature_delta"));
    assert.equal(deltaTypes.at(-1), "text_delta");
    const thinkingTokens = thinking.type === "thinking" ? countTokens(thinking.thinking) : 0;
    assert.ok(thinkingTokens > 0);
    assert.equal(message.usage.output_tokens, thinkingTokens + countTokens("Paris"));
  } finally {
    await emulator.close();
  }
});

Deno.test("anthropic count_tokens counts text and image", async () => {
  const emulator = await startTestEmulator();
  try {
    const prompt = toAnthropicPrompt(item("img-1").messages);
    const counted = await client(emulator.url).messages.countTokens({ model: "claude-sonnet-4-5", ...prompt });

    const textTokens = countTokens("Answer with one word.") + countTokens("What colour is this pixel?");
    assert.equal(counted.input_tokens, textTokens + 765);
  } finally {
    await emulator.close();
  }
});

Deno.test("anthropic context overflow raises BadRequestError", async () => {
  const emulator = await startTestEmulator();
  try {
    const error = await client(emulator.url).messages
      .create({ model: "claude-sonnet-4-5", max_tokens: 10, messages: [{ role: "user", content: "word ".repeat(6000) }] })
      .then(() => null, (caught) => caught);

    assert.ok(error instanceof Anthropic.BadRequestError);
    assert.equal(error.status, 400);
    assert.equal(error.type, "invalid_request_error");
    assert.match(error.message, /prompt is too long: \d+ tokens > 5000 maximum/);
    assert.match(error.requestID ?? "", /^req_/);
  } finally {
    await emulator.close();
  }
});

Deno.test("anthropic accepts a bearer token", async () => {
  const emulator = await startTestEmulator();
  try {
    const bearer = new Anthropic({ baseURL: emulator.url, authToken: "test-token", maxRetries: 0 });
    const message = await bearer.messages.create({
      model: "claude-sonnet-4-5",
      max_tokens: 50,
      ...toAnthropicPrompt(item("qa-1").messages),
    });

    assert.equal(message.content[0].type === "text" && message.content[0].text, "Paris");
  } finally {
    await emulator.close();
  }
});
