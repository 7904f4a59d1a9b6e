import assert from "node:assert/strict";
import Anthropic from "@anthropic-ai/sdk";
import { GoogleGenAI } from "@google/genai";
import OpenAI from "openai";
import { EmulatorRequestError } from "../../lib/emulator/emulator_request_error.ts";
import { normalisePrompt } from "../../lib/emulator/normalise_prompt.ts";
import { emulatorBaseUrls } from "../../lib/emulator/start_emulator.ts";
import {
  PIXEL_PNG,
  startTestEmulator,
  TEST_ITEMS,
  toAnthropicPrompt,
  toGeminiPrompt,
  toOpenAiMessages,
} from "./emulator_fixture.ts";

Deno.test("normalisePrompt gives one key per item across shapes", () => {
  for (const item of TEST_ITEMS) {
    const expected = normalisePrompt({ format: "dataset", messages: item.messages }).key;
    const openai = normalisePrompt({ format: "openai", body: { messages: toOpenAiMessages(item.messages) } }).key;
    const anthropic = normalisePrompt({ format: "anthropic", body: toAnthropicPrompt(item.messages) }).key;
    const gemini = normalisePrompt({ format: "gemini", body: toGeminiPrompt(item.messages) }).key;

    assert.equal(openai, expected, `openai key of ${item.id}`);
    assert.equal(anthropic, expected, `anthropic key of ${item.id}`);
    assert.equal(gemini, expected, `gemini key of ${item.id}`);
  }
});

Deno.test("normalisePrompt ignores block splits and whitespace", () => {
  const joined = normalisePrompt({ format: "anthropic", body: { system: "Be brief.\n\nBe kind.", messages: [{ role: "user", content: "Hi" }] } });
  const split = normalisePrompt({
    format: "anthropic",
    body: {
      system: [{ type: "text", text: "Be brief." }, { type: "text", text: "Be kind." }],
      messages: [{ role: "user", content: [{ type: "text", text: " Hi " }] }],
    },
  });

  assert.equal(split.key, joined.key);
});

Deno.test("normalisePrompt moves system text first", () => {
  const openai = normalisePrompt({
    format: "openai",
    body: { messages: [{ role: "user", content: "Question" }, { role: "developer", content: "Rules" }] },
  });
  const gemini = normalisePrompt({
    format: "gemini",
    body: { systemInstruction: { parts: [{ text: "Rules" }] }, contents: [{ role: "user", parts: [{ text: "Question" }] }] },
  });

  assert.equal(openai.key, gemini.key);
  assert.deepEqual(openai.texts, ["Rules", "Question"]);
});

Deno.test("normalisePrompt keys differ by text and image", () => {
  const base = { role: "user" as const, content: "Describe it." };
  const text = normalisePrompt({ format: "dataset", messages: [base] }).key;
  const otherText = normalisePrompt({ format: "dataset", messages: [{ ...base, content: "Describe that." }] }).key;
  const withImage = normalisePrompt({
    format: "dataset",
    messages: [{ role: "user", content: [{ type: "text", text: "Describe it." }, { type: "image", media_type: "image/png", data: PIXEL_PNG }] }],
  }).key;
  const otherImage = normalisePrompt({
    format: "dataset",
    messages: [{ role: "user", content: [{ type: "text", text: "Describe it." }, { type: "image", media_type: "image/png", data: "AAAA" }] }],
  }).key;

  assert.notEqual(text, otherText);
  assert.notEqual(text, withImage);
  assert.notEqual(withImage, otherImage);
});

Deno.test("normalisePrompt rejects missing messages", () => {
  assert.throws(
    () => normalisePrompt({ format: "openai", body: { model: "gpt-4o" } }),
    (error) => error instanceof EmulatorRequestError && error.param === "messages" && error.status === 400,
  );
  assert.throws(
    () => normalisePrompt({ format: "gemini", body: { contents: "text" } }),
    (error) => error instanceof EmulatorRequestError && error.param === "contents",
  );
});

Deno.test("dataset item recognised through all three SDKs", async () => {
  const emulator = await startTestEmulator();
  try {
    const urls = emulatorBaseUrls(emulator.url);
    const item = TEST_ITEMS.find((candidate) => candidate.id === "img-1")!;
    const openai = new OpenAI({ baseURL: urls.openai, apiKey: "test-key", maxRetries: 0 });
    const anthropic = new Anthropic({ baseURL: urls.anthropic, apiKey: "test-key", maxRetries: 0 });
    const gemini = new GoogleGenAI({ apiKey: "test-key", httpOptions: { baseUrl: urls.google } });
    const geminiPrompt = toGeminiPrompt(item.messages);

    const [openaiReply, anthropicReply, geminiReply] = await Promise.all([
      openai.chat.completions.create({ model: "gpt-4o", messages: toOpenAiMessages(item.messages) }),
      anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 100, ...toAnthropicPrompt(item.messages) }),
      gemini.models.generateContent({
        model: "gemini-2.5-flash",
        contents: geminiPrompt.contents,
        config: { systemInstruction: geminiPrompt.systemInstruction },
      }),
    ]);

    assert.equal(openaiReply.choices[0].message.content, "Red");
    assert.equal(anthropicReply.content[0].type === "text" && anthropicReply.content[0].text, "Red");
    assert.equal(geminiReply.text, "Red");
    assert.equal(openaiReply.usage?.prompt_tokens, anthropicReply.usage.input_tokens);
    assert.equal(openaiReply.usage?.prompt_tokens, geminiReply.usageMetadata?.promptTokenCount);
  } finally {
    await emulator.close();
  }
});
