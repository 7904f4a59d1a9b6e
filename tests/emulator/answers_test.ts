import assert from "node:assert/strict";
import OpenAI from "openai";
import { countTokens } from "gpt-tokenizer";
import { emulatorBaseUrls } from "../../lib/emulator/start_emulator.ts";
import { startTestEmulator, TEST_ITEMS, toOpenAiMessages } from "./emulator_fixture.ts";

const item = (id: string) => TEST_ITEMS.find((candidate) => candidate.id === id)!;

/** Sends `count` concurrent non-streaming requests for each item and returns the sorted replies. */
async function askMany(url: string, model: string, ids: string[], count: number): Promise<string[]> {
  const client = new OpenAI({ baseURL: emulatorBaseUrls(url).openai, apiKey: "test-key", maxRetries: 0 });
  const requests = ids.flatMap((id) =>
    Array.from({ length: count }, () =>
      client.chat.completions
        .create({ model, messages: toOpenAiMessages(item(id).messages), max_tokens: 400 })
        .then((reply) => `${id}\u0000${reply.choices[0].message.content}`))
  );
  return (await Promise.all(requests)).sort();
}

Deno.test("answers repeat for the same seed", async () => {
  const first = await startTestEmulator({ seed: 7 });
  const second = await startTestEmulator({ seed: 7 });
  const other = await startTestEmulator({ seed: 8 });
  try {
    const ids = ["json-1", "code-1", "sql-1", "sum-1", "qa-1"];
    const [a, b, c] = await Promise.all([
      askMany(first.url, "coin-model", ids, 12),
      askMany(second.url, "coin-model", ids, 12),
      askMany(other.url, "coin-model", ids, 12),
    ]);

    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  } finally {
    await Promise.all([first.close(), second.close(), other.close()]);
  }
});

Deno.test("accuracy matches the profile over many draws", async () => {
  const emulator = await startTestEmulator({ seed: 3 });
  try {
    const replies = await askMany(emulator.url, "coin-model", ["code-1"], 400);
    const right = replies.filter((reply) => reply.endsWith(item("code-1").reference)).length / replies.length;

    assert.ok(right > 0.63, `right-answer rate ${right} should be near 0.7`);
    assert.ok(right < 0.77, `right-answer rate ${right} should be near 0.7`);
  } finally {
    await emulator.close();
  }
});

Deno.test("wrong answers use the distractor", async () => {
  const emulator = await startTestEmulator();
  try {
    const replies = (await askMany(emulator.url, "coin-model", ["qa-1"], 60)).map((reply) => reply.split("\u0000")[1]);

    assert.deepEqual(new Set(replies), new Set(["Paris", "Lyon"]));
  } finally {
    await emulator.close();
  }
});

Deno.test("unknown prompt gets filler of requested length", async () => {
  const emulator = await startTestEmulator();
  try {
    const client = new OpenAI({ baseURL: emulatorBaseUrls(emulator.url).openai, apiKey: "test-key", maxRetries: 0 });
    const limited = await client.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "Something the datasets do not contain." }],
      max_tokens: 57,
    });
    const unlimited = await client.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "Another unknown prompt." }],
    });

    const text = limited.choices[0].message.content ?? "";
    assert.equal(countTokens(text), 57);
    assert.equal(limited.usage?.completion_tokens, 57);
    assert.equal(limited.choices[0].finish_reason, "length");
    assert.match(text, /^[A-Z][a-z]+ [a-z]/);
    assert.equal(unlimited.usage?.completion_tokens, 1000);
    assert.equal(unlimited.choices[0].finish_reason, "stop");
  } finally {
    await emulator.close();
  }
});

Deno.test("long reference is cut at max_tokens", async () => {
  const emulator = await startTestEmulator();
  try {
    const client = new OpenAI({ baseURL: emulatorBaseUrls(emulator.url).openai, apiKey: "test-key", maxRetries: 0 });
    const reply = await client.chat.completions.create({
      model: "gpt-4o",
      messages: toOpenAiMessages(item("sql-1").messages),
      max_tokens: 4,
    });

    const text = reply.choices[0].message.content ?? "";
    assert.equal(reply.choices[0].finish_reason, "length");
    assert.ok(item("sql-1").reference.startsWith(text));
    assert.equal(countTokens(text), 4);
  } finally {
    await emulator.close();
  }
});
