import assert from "node:assert/strict";
import { join } from "node:path";
import { countProviderTokens } from "../../lib/datasets/count_provider_tokens.ts";
import { countTokens } from "../../lib/datasets/count_tokens.ts";
import { startEmulator } from "../../lib/emulator/start_emulator.ts";
import type { Message } from "../../lib/providers/types.ts";

const MESSAGES: Message[] = [
  { role: "system", content: "You answer briefly." },
  { role: "user", content: "How many tokens does this sentence have?" },
];

Deno.test("countTokens counts text with o200k", () => {
  assert.deepEqual(countTokens("hello world"), { tokens: 2, source: "estimate" });
});

Deno.test("countTokens sums message segments", () => {
  const expected = countTokens("You answer briefly.").tokens + countTokens("How many tokens does this sentence have?").tokens;
  assert.deepEqual(countTokens(MESSAGES), { tokens: expected, source: "estimate" });
});

Deno.test("countTokens counts an image at 765", () => {
  const messages: Message[] = [{ role: "user", content: [{ type: "image", media_type: "image/png", data: "AAAA" }] }];
  assert.equal(countTokens(messages).tokens, 765);
});

Deno.test("countTokens rejects other input", () => {
  assert.throws(() => countTokens(42 as unknown as string), TypeError);
});

async function withEmulator(run: (url: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  await Deno.mkdir(join(dir, "datasets"));
  const emulator = await startEmulator({ datasetsDir: join(dir, "datasets") });
  try {
    await run(emulator.url);
  } finally {
    await emulator.close();
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("countProviderTokens asks Anthropic endpoint", async () => {
  await withEmulator(async (url) => {
    const count = await countProviderTokens("anthropic", { kind: "emulated", baseURL: url, apiKey: "test" }, "claude-sonnet-4-5", MESSAGES);
    assert.deepEqual(count, { tokens: countTokens(MESSAGES).tokens, source: "provider" });
  });
});

Deno.test("countProviderTokens asks Gemini endpoint", async () => {
  await withEmulator(async (url) => {
    const count = await countProviderTokens("google", { kind: "emulated", baseURL: url, apiKey: "test" }, "gemini-2.5-flash", MESSAGES);
    assert.deepEqual(count, { tokens: countTokens(MESSAGES).tokens, source: "provider" });
  });
});

Deno.test("countProviderTokens estimates for OpenAI", async () => {
  const count = await countProviderTokens("openai", { kind: "emulated", baseURL: "http://127.0.0.1:9/v1", apiKey: "test" }, "gpt-4o", MESSAGES);
  assert.deepEqual(count, { tokens: countTokens(MESSAGES).tokens, source: "estimate" });
});
