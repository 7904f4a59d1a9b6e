import assert from "node:assert/strict";
import { join } from "node:path";
import { countTokens } from "../../lib/datasets/count_tokens.ts";
import { DatasetError } from "../../lib/datasets/dataset_error.ts";
import { loadDataset } from "../../lib/datasets/load_dataset.ts";

const ITEM = {
  id: "needle-test",
  kind: "long-context",
  messages: [
    { role: "system", content: "Answer from the document." },
    { role: "user", content: "Read this.\n\n<document>\n{{haystack}}\n</document>\n\nQuestion: what is the code?" },
  ],
  reference: "4242-AB",
  distractor: "not found",
  scorer: { name: "needle", values: ["4242-AB"] },
  tags: ["context:3000", "depth:50"],
  generator: { name: "haystack", seed: 1, tokens: 3000, needles: [{ depth: 50, text: "The code is 4242-AB." }] },
};

async function loadLines(lines: unknown[]) {
  const dir = await Deno.makeTempDir();
  const path = join(dir, "generated.jsonl");
  await Deno.writeTextFile(path, lines.map((line) => JSON.stringify(line)).join("\n") + "\n");
  try {
    return await loadDataset(path);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function loadError(lines: unknown[]): Promise<DatasetError> {
  const error = await loadLines(lines).then(() => null, (caught) => caught);
  assert.ok(error instanceof DatasetError, `expected DatasetError, got ${error}`);
  return error;
}

Deno.test("loadDataset expands haystack to exact size", async () => {
  const { items } = await loadLines([ITEM]);
  const text = items[0].messages[1].content as string;
  assert.doesNotMatch(text, /\{\{haystack\}\}/);
  assert.match(text, /The code is 4242-AB\./);
  assert.equal(countTokens(items[0].messages).tokens, 3000);
});

Deno.test("loadDataset expansion repeats", async () => {
  const [first, second] = await Promise.all([loadLines([ITEM]), loadLines([ITEM])]);
  assert.deepEqual(first.items[0].messages, second.items[0].messages);
});

Deno.test("loadDataset missing placeholder names field", async () => {
  const error = await loadError([{ ...ITEM, messages: [{ role: "user", content: "No placeholder here." }] }]);
  assert.equal(error.line, 1);
  assert.equal(error.field, "messages");
  assert.match(error.message, /found 0/);
  assert.match(error.fix, /\{\{haystack\}\}/);
});

Deno.test("loadDataset repeated placeholder is rejected", async () => {
  const error = await loadError([{ ...ITEM, messages: [{ role: "user", content: "{{haystack}} and {{haystack}}" }] }]);
  assert.match(error.message, /found 2/);
});

Deno.test("loadDataset generator too small names tokens", async () => {
  const error = await loadError([{ ...ITEM, generator: { ...ITEM.generator, tokens: 30 } }]);
  assert.equal(error.field, "generator.tokens");
  assert.match(error.fix, /raise generator.tokens/);
});

Deno.test("loadDataset bad generator field", async () => {
  const error = await loadError([{ ...ITEM, generator: { ...ITEM.generator, needles: [{ depth: 50, text: "no period" }] } }]);
  assert.equal(error.field, "generator.needles[0].text");
});

Deno.test("long-context 32k item counts exactly", async () => {
  const raw = (await Deno.readTextFile(new URL("../../datasets/long-context.jsonl", import.meta.url)))
    .trim().split("\n").map((line) => JSON.parse(line));
  const recipe = raw.find((line) => line.tags.includes("context:32000"));
  const { items } = await loadDataset("long-context");
  const item = items.find((candidate) => candidate.id === recipe.id)!;
  assert.equal(item.generator, undefined);
  assert.equal(countTokens(item.messages).tokens, recipe.generator.tokens);
});
