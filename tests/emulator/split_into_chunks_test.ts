import assert from "node:assert/strict";
import { countTokens } from "gpt-tokenizer";
import { countTextTokens } from "../../lib/emulator/count_tokens.ts";
import { fillerText } from "../../lib/emulator/filler_text.ts";
import { seededRandom } from "../../lib/emulator/seeded_random.ts";
import { cutToTokenLimit, splitIntoChunks } from "../../lib/emulator/split_into_chunks.ts";

const SAMPLE = "def f(x):\n    return x + 1  # héllo 日本語 🎉🎉 12345 don't <|endoftext|>\n\n  Done.";

Deno.test("chunks rebuild the text with exact counts", () => {
  const chunks = splitIntoChunks(SAMPLE, seededRandom("chunks"));

  assert.equal(chunks.map((chunk) => chunk.text).join(""), SAMPLE);
  assert.equal(chunks.reduce((sum, chunk) => sum + chunk.tokens, 0), countTextTokens(SAMPLE));
  assert.ok(chunks.every((chunk) => chunk.tokens >= 1));
  assert.ok(chunks.filter((chunk) => chunk.tokens > 4).every((chunk) => !/\s\S/.test(chunk.text.trim())));
});

Deno.test("special token text counts as plain text", () => {
  assert.equal(countTextTokens("<|endoftext|>"), countTokens("<|endoftext|>", { disallowedSpecial: new Set() }));
  assert.ok(countTextTokens("<|endoftext|>") > 1);
});

Deno.test("cut keeps a prefix within the limit", () => {
  for (let limit = 0; limit <= countTextTokens(SAMPLE); limit++) {
    const cut = cutToTokenLimit(SAMPLE, limit);

    assert.ok(SAMPLE.startsWith(cut.text), `limit ${limit}`);
    assert.equal(cut.tokens, countTextTokens(cut.text));
    assert.ok(cut.tokens <= limit, `limit ${limit} gave ${cut.tokens}`);
  }
  assert.equal(cutToTokenLimit(SAMPLE, 1000).cut, false);
});

Deno.test("filler has exactly the requested tokens", () => {
  for (const tokens of [0, 1, 2, 7, 50, 333, 1000]) {
    const text = fillerText(seededRandom("filler", tokens), tokens);

    assert.equal(countTextTokens(text), tokens, `requested ${tokens}`);
  }
});

Deno.test("filler repeats for the same seed", () => {
  assert.equal(fillerText(seededRandom(1, "a"), 40), fillerText(seededRandom(1, "a"), 40));
  assert.notEqual(fillerText(seededRandom(1, "a"), 40), fillerText(seededRandom(2, "a"), 40));
});
