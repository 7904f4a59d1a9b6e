import assert from "node:assert/strict";
import { ApiError, GoogleGenAI } from "@google/genai";
import { countTokens } from "gpt-tokenizer";
import { emulatorBaseUrls } from "../../lib/emulator/start_emulator.ts";
import { postJson, startTestEmulator, TEST_ITEMS, toGeminiPrompt } from "./emulator_fixture.ts";

const item = (id: string) => TEST_ITEMS.find((candidate) => candidate.id === id)!;
const client = (url: string, apiVersion?: string) =>
  new GoogleGenAI({ apiKey: "test-key", apiVersion, httpOptions: { baseUrl: emulatorBaseUrls(url).google } });

Deno.test("gemini stream carries cumulative usage with thoughts", async () => {
  const emulator = await startTestEmulator();
  try {
    const stream = await client(emulator.url, "v1beta").models.generateContentStream({
      model: "gemini-2.5-flash",
      contents: "Write a paragraph.",
      config: { maxOutputTokens: 80, thinkingConfig: { includeThoughts: true } },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);

    const parts = chunks.flatMap((chunk) => chunk.candidates?.[0]?.content?.parts ?? []);
    const thoughts = parts.filter((part) => part.thought).map((part) => part.text).join("");
    const answer = parts.filter((part) => !part.thought).map((part) => part.text).join("");
    const final = chunks.at(-1)!.usageMetadata!;
    assert.ok(parts[0].thought);
    assert.ok(thoughts.length > 0);
    assert.equal(final.thoughtsTokenCount, countTokens(thoughts));
    assert.equal(final.candidatesTokenCount, countTokens(answer));
    assert.equal(final.promptTokenCount, countTokens("Write a paragraph."));
    assert.equal(final.totalTokenCount, final.promptTokenCount! + final.candidatesTokenCount! + final.thoughtsTokenCount!);
    assert.equal(final.candidatesTokenCount! + final.thoughtsTokenCount!, 80);

    const totals = chunks.map((chunk) => chunk.usageMetadata!.totalTokenCount!);
    assert.ok(totals.every((total, index) => index === 0 || total >= totals[index - 1]));
    const finishes = chunks.map((chunk) => chunk.candidates?.[0]?.finishReason);
    assert.ok(finishes.slice(0, -1).every((reason) => reason === undefined));
    assert.equal(finishes.at(-1), "MAX_TOKENS");
    assert.ok(chunks.every((chunk) => chunk.modelVersion === "gemini-2.5-flash"));
    assert.equal(new Set(chunks.map((chunk) => chunk.responseId)).size, 1);
  } finally {
    await emulator.close();
  }
});

Deno.test("gemini stream hides thoughts unless requested", async () => {
  const emulator = await startTestEmulator();
  try {
    const prompt = toGeminiPrompt(item("qa-1").messages);
    const stream = await client(emulator.url).models.generateContentStream({ model: "gemini-2.5-flash", ...prompt });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);

    const parts = chunks.flatMap((chunk) => chunk.candidates?.[0]?.content?.parts ?? []);
    assert.ok(parts.every((part) => !part.thought));
    assert.equal(parts.map((part) => part.text).join(""), "Paris");
    assert.ok(chunks[0].usageMetadata!.thoughtsTokenCount! > 0);
    assert.equal(chunks.at(-1)!.candidates![0].finishReason, "STOP");
  } finally {
    await emulator.close();
  }
});

Deno.test("gemini raw stream uses CRLF framing", async () => {
  const emulator = await startTestEmulator();
  try {
    const response = await postJson(
      `${emulator.url}/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`,
      { contents: [{ role: "user", parts: [{ text: "Hi" }] }], generationConfig: { maxOutputTokens: 40 } },
      { "x-goog-api-key": "test-key" },
    );
    const body = await response.text();

    assert.equal(response.headers.get("content-type")?.startsWith("text/event-stream"), true);
    assert.match(body, /^data: \{.*\}\r\n\r\n/);
    assert.ok(body.endsWith("}\r\n\r\n"));
    assert.ok(!body.includes("[DONE]"));
    assert.ok(!/[^\r]\n/.test(body));
  } finally {
    await emulator.close();
  }
});

Deno.test("gemini generateContent and countTokens on v1", async () => {
  const emulator = await startTestEmulator();
  try {
    const gemini = client(emulator.url, "v1");
    const prompt = toGeminiPrompt(item("img-1").messages);
    const response = await gemini.models.generateContent({
      model: "gemini-2.5-flash",
      contents: prompt.contents,
      config: { systemInstruction: prompt.systemInstruction, thinkingConfig: { thinkingBudget: 0 } },
    });
    const counted = await gemini.models.countTokens({ model: "gemini-2.5-flash", contents: prompt.contents });

    assert.equal(response.text, "Red");
    assert.equal(response.usageMetadata?.thoughtsTokenCount, undefined);
    const textTokens = countTokens("Answer with one word.") + countTokens("What colour is this pixel?");
    assert.equal(response.usageMetadata?.promptTokenCount, textTokens + 765);
    assert.equal(counted.totalTokens, countTokens("What colour is this pixel?") + 765);
  } finally {
    await emulator.close();
  }
});

Deno.test("gemini context overflow raises ApiError 400", async () => {
  const emulator = await startTestEmulator();
  try {
    const error = await client(emulator.url).models
      .generateContent({ model: "gemini-2.5-flash", contents: "word ".repeat(6000) })
      .then(() => null, (caught) => caught);

    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 400);
    assert.match(error.message, /The input token count \(\d+\) exceeds the maximum number of tokens allowed \(5000\)\./);
    assert.match(error.message, /INVALID_ARGUMENT/);
  } finally {
    await emulator.close();
  }
});
