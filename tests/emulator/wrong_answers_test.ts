import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatItemLine } from "../../lib/datasets/format_item_line.ts";
import { loadDataset } from "../../lib/datasets/load_dataset.ts";
import type { DatasetItem } from "../../lib/datasets/schema.ts";
import { answerAccuracy } from "../../lib/emulator/answer_accuracy.ts";
import { loadProfiles } from "../../lib/emulator/load_profiles.ts";
import type { ModelProfile } from "../../lib/emulator/model_profile.ts";
import { seededRandom } from "../../lib/emulator/seeded_random.ts";
import { startEmulator } from "../../lib/emulator/start_emulator.ts";
import { wrongAnswer } from "../../lib/emulator/wrong_answer.ts";
import { createAdapter } from "../../lib/providers/create_adapter.ts";
import { resolveEndpoint } from "../../lib/providers/resolve_endpoint.ts";
import { scoreItem } from "../../lib/scoring/score_item.ts";

const SHIPPED_PROFILES = fileURLToPath(new URL("../../lib/emulator/profiles.json", import.meta.url));
const DRAWS = 16;

/** Every distinct wrong answer the emulator draws for an item over a few seeds. */
function wrongVariants(item: DatasetItem): string[] {
  return [...new Set(Array.from({ length: DRAWS }, (_, seed) => wrongAnswer(item, seededRandom("wrong", item.id, seed))))];
}

for (const dataset of ["summarization", "long-context", "images", "edge-cases"]) {
  Deno.test(`${dataset} every wrong answer fails its scorer`, async () => {
    const { items } = await loadDataset(dataset);
    for (const item of items.filter((candidate) => candidate.expect_error === undefined)) {
      for (const text of wrongVariants(item)) {
        const grade = await scoreItem(item, text);
        assert.equal(grade.pass, false, `${item.id}: ${JSON.stringify(text.slice(0, 100))} passed: ${grade.reason}`);
      }
    }
  });
}

Deno.test("summarization wrong answers include unsupported number", async () => {
  const { items } = await loadDataset("summarization");
  const texts = wrongVariants(items[0]);
  assert.ok(texts.some((text) => /affected [\d,]+ customers\.$/.test(text)), texts.join("\n"));
});

Deno.test("long-context wrong answers include not found", async () => {
  const { items } = await loadDataset("long-context");
  assert.ok(wrongVariants(items[0]).includes("not found"));
});

Deno.test("edge-case wrong answers garble emoji", async () => {
  const { items } = await loadDataset("edge-cases");
  const zwj = items.find((item) => item.id.endsWith("emoji-zwj"))!;
  assert.ok(wrongVariants(zwj).includes("??"), wrongVariants(zwj).join(" | "));
});

Deno.test("code-fix broken code from prompt fails", async () => {
  const { items } = await loadDataset("code-fix");
  const broken = items.map((item) => {
    const variants = wrongVariants(item).filter((text) => text !== item.distractor);
    assert.equal(variants.length <= 1, true, item.id);
    return { item, text: variants[0] ?? item.distractor! };
  });
  for (const { item, text } of broken) {
    assert.ok((item.messages[1].content as string).includes(text.replace(/^```ts\n|\n```$/g, "")), `${item.id} not from prompt`);
    const grade = await scoreItem(item, text);
    assert.equal(grade.pass, false, `${item.id}: ${grade.reason}`);
  }
});

function needleItem(tokens: number, depths: number[]): DatasetItem {
  return {
    id: "needle",
    kind: "long-context",
    messages: [{ role: "user", content: "q" }],
    reference: "x",
    scorer: { name: "needle", values: ["x"] },
    tags: [`context:${tokens}`, ...depths.map((depth) => `depth:${depth}`)],
  };
}

Deno.test("needle accuracy falls with context length", async () => {
  const profile = (await loadProfiles(SHIPPED_PROFILES)).find("gpt-4o").profile;
  const curve = [1000, 8000, 32000, 128000].map((tokens) => answerAccuracy(needleItem(tokens, [0]), profile));
  assert.equal(curve[0], profile.accuracy["long-context"]);
  for (let i = 1; i < curve.length; i++) assert.ok(curve[i] < curve[i - 1], curve.join(", "));
});

Deno.test("needle accuracy dips mid-depth", async () => {
  const profile = (await loadProfiles(SHIPPED_PROFILES)).find("gpt-4o").profile;
  const byDepth = [0, 25, 50, 75, 100].map((depth) => answerAccuracy(needleItem(128000, [depth]), profile));
  assert.equal(Math.min(...byDepth), byDepth[2]);
  assert.ok(Math.abs(byDepth[0] - byDepth[4]) < 1e-12);
  assert.ok(byDepth[1] > byDepth[2], byDepth.join(", "));
  assert.ok(byDepth[1] < byDepth[0], byDepth.join(", "));
});

Deno.test("needle accuracy flat without curve", () => {
  const profile = { accuracy: { default: 0.5, "long-context": 0.8 }, context_window: 128000 } as ModelProfile;
  assert.equal(answerAccuracy(needleItem(128000, [50]), profile), 0.8);
});

Deno.test("1M needle item exceeds gpt-4o window", async () => {
  const { items } = await loadDataset("long-context");
  const item = items.find((candidate) => candidate.tags.includes("context:1000000"))!;
  const dir = await Deno.makeTempDir({ prefix: "over_window_" });
  await Deno.mkdir(join(dir, "datasets"));
  await Deno.writeTextFile(join(dir, "datasets", "one.jsonl"), formatItemLine(item) + "\n");
  const emulator = await startEmulator({ datasetsDir: join(dir, "datasets"), profilesPath: SHIPPED_PROFILES });
  try {
    const adapter = createAdapter("openai", resolveEndpoint("openai", {}, emulator.url, "emulator"));
    const events = [];
    for await (const event of adapter.stream({ model: "gpt-4o", messages: item.messages, maxOutputTokens: 64 })) {
      events.push(event);
    }
    const error = events.find((event) => event.type === "error");
    assert.equal(error?.type === "error" && error.error.class, "context_length_exceeded");
    assert.equal(error?.type === "error" && error.error.httpStatus, 400);
  } finally {
    await emulator.close();
    await Deno.remove(dir, { recursive: true });
  }
});
