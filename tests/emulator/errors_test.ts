import assert from "node:assert/strict";
import { postJson, startTestEmulator } from "./emulator_fixture.ts";

const hello = [{ role: "user", content: "Hello" }];

Deno.test("missing key gives 401 in each provider shape", async () => {
  const emulator = await startTestEmulator();
  try {
    const openai = await postJson(`${emulator.url}/v1/chat/completions`, { model: "gpt-4o", messages: hello });
    const anthropic = await postJson(
      `${emulator.url}/v1/messages`,
      { model: "claude-sonnet-4-5", max_tokens: 5, messages: hello },
      { "anthropic-version": "2023-06-01" },
    );
    const gemini = await postJson(`${emulator.url}/v1beta/models/gemini-2.5-flash:generateContent`, {
      contents: [{ parts: [{ text: "Hello" }] }],
    });
    const openaiBody = await openai.json();
    const anthropicBody = await anthropic.json();
    const geminiBody = await gemini.json();

    assert.equal(openai.status, 401);
    assert.equal(openaiBody.error.code, "invalid_api_key");
    assert.equal(openaiBody.error.type, "invalid_request_error");
    assert.equal(anthropic.status, 401);
    assert.equal(anthropicBody.type, "error");
    assert.equal(anthropicBody.error.type, "authentication_error");
    assert.match(anthropicBody.request_id, /^req_/);
    assert.equal(gemini.status, 401);
    assert.equal(geminiBody.error.code, 401);
    assert.equal(geminiBody.error.status, "UNAUTHENTICATED");
  } finally {
    await emulator.close();
  }
});

Deno.test("gemini key in query string is accepted", async () => {
  const emulator = await startTestEmulator();
  try {
    const response = await postJson(`${emulator.url}/v1beta/models/gemini-2.5-flash:countTokens?key=test-key`, {
      contents: [{ parts: [{ text: "Hello" }] }],
    });

    assert.equal(response.status, 200);
    assert.equal((await response.json()).totalTokens, 1);
  } finally {
    await emulator.close();
  }
});

Deno.test("unknown route gives 404 JSON", async () => {
  const emulator = await startTestEmulator();
  try {
    const unknown = await postJson(`${emulator.url}/v2/everything`, {}, { authorization: "Bearer test-key" });
    const noPrefix = await postJson(`${emulator.url}/chat/completions`, {}, { authorization: "Bearer test-key" });
    const unknownBody = await unknown.json();
    const noPrefixBody = await noPrefix.json();

    assert.equal(unknown.status, 404);
    assert.equal(unknown.headers.get("x-emulated"), "true");
    assert.match(unknownBody.error.message, /Unknown route POST \/v2\/everything/);
    assert.match(noPrefixBody.error.message, /baseURL <emulator url>\/v1/);
  } finally {
    await emulator.close();
  }
});

Deno.test("invalid requests give 400 with the field", async () => {
  const emulator = await startTestEmulator();
  try {
    const auth = { authorization: "Bearer test-key" };
    const badJson = await fetch(`${emulator.url}/v1/chat/completions`, { method: "POST", headers: auth, body: "{" });
    const noModel = await postJson(`${emulator.url}/v1/chat/completions`, { messages: hello }, auth);
    const tooLong = await postJson(`${emulator.url}/v1/chat/completions`, { model: "gpt-4o", messages: hello, max_tokens: 99999 }, auth);
    const noMaxTokens = await postJson(
      `${emulator.url}/v1/messages`,
      { model: "claude-sonnet-4-5", messages: hello },
      { "x-api-key": "test-key" },
    );
    const budgetOverLimit = await postJson(
      `${emulator.url}/v1/messages`,
      { model: "claude-sonnet-4-5", max_tokens: 100, thinking: { type: "enabled", budget_tokens: 100 }, messages: hello },
      { "x-api-key": "test-key" },
    );
    const thinkingOnPlainModel = await postJson(
      `${emulator.url}/v1/messages`,
      { model: "claude-unlisted", max_tokens: 100, thinking: { type: "enabled", budget_tokens: 50 }, messages: hello },
      { "x-api-key": "test-key" },
    );
    const imageToTextModel = await postJson(`${emulator.url}/v1/chat/completions`, {
      model: "some-local-model",
      messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } }] }],
    }, auth);

    assert.equal(badJson.status, 400);
    assert.match((await badJson.json()).error.message, /not valid JSON/);
    assert.equal(noModel.status, 400);
    assert.equal((await noModel.json()).error.param, "model");
    assert.equal(tooLong.status, 400);
    assert.equal((await tooLong.json()).error.param, "max_tokens");
    assert.equal(noMaxTokens.status, 400);
    assert.equal((await noMaxTokens.json()).error.message, "max_tokens: Field required");
    assert.equal(budgetOverLimit.status, 400);
    assert.equal((await budgetOverLimit.json()).error.type, "invalid_request_error");
    assert.equal(thinkingOnPlainModel.status, 400);
    assert.match((await thinkingOnPlainModel.json()).error.message, /does not support thinking/);
    assert.equal(imageToTextModel.status, 400);
    assert.equal((await imageToTextModel.json()).error.code, "image_input_not_supported");
  } finally {
    await emulator.close();
  }
});
