import assert from "node:assert/strict";
import OpenAI from "openai";
import { countTokens } from "gpt-tokenizer";
import { emulatorBaseUrls } from "../../lib/emulator/start_emulator.ts";
import { postJson, ssePayloads, startTestEmulator, TEST_ITEMS, toOpenAiMessages } from "./emulator_fixture.ts";

const item = (id: string) => TEST_ITEMS.find((candidate) => candidate.id === id)!;

Deno.test("openai stream with include_usage ends with usage chunk", async () => {
  const emulator = await startTestEmulator();
  try {
    const client = new OpenAI({ baseURL: emulatorBaseUrls(emulator.url).openai, apiKey: "test-key", maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "Tell me something." }],
      max_tokens: 40,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);

    const text = chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? "").join("");
    const last = chunks.at(-1)!;
    const finish = chunks.at(-2)!;
    assert.deepEqual(last.choices, []);
    assert.equal(last.usage?.completion_tokens, countTokens(text));
    assert.equal(last.usage?.completion_tokens, 40);
    assert.equal(last.usage?.prompt_tokens, countTokens("Tell me something."));
    assert.equal(last.usage?.total_tokens, last.usage!.prompt_tokens + last.usage!.completion_tokens);
    assert.equal(last.usage?.prompt_tokens_details?.cached_tokens, 0);
    assert.equal(last.usage?.completion_tokens_details?.reasoning_tokens, 0);
    assert.equal(finish.choices[0].finish_reason, "length");
    assert.deepEqual(finish.choices[0].delta, {});
    assert.ok(chunks.every((chunk) => chunk.model === "gpt-4o-2024-08-06"));
    assert.equal(new Set(chunks.map((chunk) => chunk.id)).size, 1);
  } finally {
    await emulator.close();
  }
});

Deno.test("openai stream without include_usage sends no usage", async () => {
  const emulator = await startTestEmulator();
  try {
    const client = new OpenAI({ baseURL: emulatorBaseUrls(emulator.url).openai, apiKey: "test-key", maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: "gpt-4o",
      messages: toOpenAiMessages(item("qa-1").messages),
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);

    assert.ok(chunks.every((chunk) => chunk.choices.length === 1));
    assert.ok(chunks.every((chunk) => chunk.usage === undefined));
    assert.equal(chunks.map((chunk) => chunk.choices[0].delta.content ?? "").join(""), "Paris");
    assert.equal(chunks.at(-1)!.choices[0].finish_reason, "stop");
  } finally {
    await emulator.close();
  }
});

Deno.test("openai non-streaming returns message and usage", async () => {
  const emulator = await startTestEmulator();
  try {
    const client = new OpenAI({ baseURL: emulatorBaseUrls(emulator.url).openai, apiKey: "test-key", maxRetries: 0 });
    const completion = await client.chat.completions.create({
      model: "gpt-4o",
      messages: toOpenAiMessages(item("json-1").messages),
      max_completion_tokens: 200,
    });

    assert.equal(completion.object, "chat.completion");
    assert.equal(completion.model, "gpt-4o-2024-08-06");
    assert.equal(completion.choices[0].message.content, item("json-1").reference);
    assert.equal(completion.choices[0].finish_reason, "stop");
    assert.equal(completion.usage?.completion_tokens, countTokens(item("json-1").reference));
    assert.equal(completion._request_id?.startsWith("req_"), true);
  } finally {
    await emulator.close();
  }
});

Deno.test("openai raw stream starts with role-only chunk", async () => {
  const emulator = await startTestEmulator();
  try {
    const response = await postJson(`${emulator.url}/v1/chat/completions`, {
      model: "gpt-4o",
      messages: [{ role: "user", content: "Hello there" }],
      max_tokens: 8,
      stream: true,
      stream_options: { include_usage: true },
    }, { authorization: "Bearer test-key" });
    const body = await response.text();
    const payloads = ssePayloads(body);
    const first = JSON.parse(payloads[0]);

    assert.equal(response.headers.get("content-type")?.startsWith("text/event-stream"), true);
    assert.match(response.headers.get("x-request-id") ?? "", /^req_/);
    assert.equal(response.headers.get("x-emulated"), "true");
    assert.deepEqual(first.choices[0].delta, { role: "assistant", content: "", refusal: null });
    assert.equal(first.choices[0].finish_reason, null);
    assert.equal(first.usage, null);
    assert.equal(payloads.at(-1), "[DONE]");
    assert.ok(!body.includes("event:"));
  } finally {
    await emulator.close();
  }
});

Deno.test("openai context overflow raises BadRequestError", async () => {
  const emulator = await startTestEmulator();
  try {
    const client = new OpenAI({ baseURL: emulatorBaseUrls(emulator.url).openai, apiKey: "test-key", maxRetries: 0 });
    const long = "word ".repeat(6000);
    const error = await client.chat.completions
      .create({ model: "gpt-4o", messages: [{ role: "user", content: long }], max_tokens: 10 })
      .then(() => null, (caught) => caught);

    assert.ok(error instanceof OpenAI.BadRequestError);
    assert.equal(error.status, 400);
    assert.equal(error.code, "context_length_exceeded");
    assert.equal(error.param, "messages");
    assert.equal(error.type, "invalid_request_error");
    assert.match(error.message, /maximum context length is 5000 tokens\. However, your messages resulted in \d+ tokens/);
  } finally {
    await emulator.close();
  }
});

Deno.test("openai models list and dated model name", async () => {
  const emulator = await startTestEmulator();
  try {
    const client = new OpenAI({ baseURL: emulatorBaseUrls(emulator.url).openai, apiKey: "test-key", maxRetries: 0 });
    const models = [];
    for await (const model of client.models.list()) models.push(model.id);
    const dated = await client.chat.completions.create({
      model: "gpt-4o-2024-08-06",
      messages: toOpenAiMessages(item("qa-1").messages),
    });

    assert.ok(models.includes("gpt-4o"));
    assert.ok(!models.includes("default"));
    assert.equal(dated.choices[0].message.content, "Paris");
  } finally {
    await emulator.close();
  }
});

Deno.test("openai path rejects an anthropic model", async () => {
  const emulator = await startTestEmulator();
  try {
    const client = new OpenAI({ baseURL: emulatorBaseUrls(emulator.url).openai, apiKey: "test-key", maxRetries: 0 });
    const error = await client.chat.completions
      .create({ model: "claude-sonnet-4-5", messages: [{ role: "user", content: "hi" }] })
      .then(() => null, (caught) => caught);

    assert.ok(error instanceof OpenAI.NotFoundError);
    assert.equal(error.code, "model_not_found");
  } finally {
    await emulator.close();
  }
});
