import assert from "node:assert/strict";
import { join } from "node:path";
import OpenAI from "openai";
import { formatItemLine } from "../../lib/datasets/format_item_line.ts";
import { loadDataset } from "../../lib/datasets/load_dataset.ts";
import type { DatasetItem } from "../../lib/datasets/schema.ts";
import { emulatorBaseUrls, startEmulator } from "../../lib/emulator/start_emulator.ts";
import { scoreItem } from "../../lib/scoring/score_item.ts";
import { toOpenAiMessages } from "./emulator_fixture.ts";

const fast = {
  provider: "openai-compatible",
  model_version: null,
  context_window: 2_000_000,
  max_output_tokens: 8192,
  ttft_ms: 1,
  ttft_ms_per_1k_input_tokens: 0,
  output_tokens_per_s: 50_000,
  jitter: 0,
  thinking: 0,
  supports_images: true,
};
const PROFILES = {
  "always-right": { ...fast, accuracy: { default: 1 } },
  "always-wrong": { ...fast, accuracy: { default: 0 } },
  default: { ...fast, accuracy: { default: 0.5 } },
};
const WRONG_DRAWS = 4;

/** Sends each item to the emulator's always-right and always-wrong models and grades the replies. */
async function gradeReplies(items: DatasetItem[]) {
  const dir = await Deno.makeTempDir({ prefix: "kind_answers_" });
  await Deno.mkdir(join(dir, "datasets"));
  await Deno.writeTextFile(join(dir, "datasets", "sample.jsonl"), items.map(formatItemLine).join("\n") + "\n");
  await Deno.writeTextFile(join(dir, "profiles.json"), JSON.stringify(PROFILES));
  const emulator = await startEmulator({ datasetsDir: join(dir, "datasets"), profilesPath: join(dir, "profiles.json") });
  const client = new OpenAI({ baseURL: emulatorBaseUrls(emulator.url).openai, apiKey: "test-key", maxRetries: 0 });
  const ask = async (model: string, item: DatasetItem) => {
    const reply = await client.chat.completions.create({ model, messages: toOpenAiMessages(item.messages), max_tokens: 4000 });
    return reply.choices[0].message.content ?? "";
  };
  try {
    const results = [];
    for (const item of items) {
      const right = await scoreItem(item, await ask("always-right", item));
      const wrong = [];
      for (let draw = 0; draw < WRONG_DRAWS; draw++) {
        const text = await ask("always-wrong", item);
        wrong.push({ text, grade: await scoreItem(item, text) });
      }
      results.push({ item, right, wrong });
    }
    return results;
  } finally {
    await emulator.close();
    await Deno.remove(dir, { recursive: true });
  }
}

async function sample(dataset: string, ids: string[]): Promise<DatasetItem[]> {
  const { items } = await loadDataset(dataset);
  return ids.map((id) => items.find((item) => item.id === id)!);
}

const KINDS: Array<{ kind: string; dataset: string; ids: string[] }> = [
  { kind: "code-fix", dataset: "code-fix", ids: ["fix-001", "fix-013", "fix-028"] },
  { kind: "summarization", dataset: "summarization", ids: ["sum-001", "sum-012", "sum-025"] },
  { kind: "long-context", dataset: "long-context", ids: ["needle-1k-d000", "needle-8k-d050", "needle-multi-8k"] },
  { kind: "image", dataset: "images", ids: ["image-001", "image-003", "image-018"] },
  { kind: "edge-case", dataset: "edge-cases", ids: ["edge-002-empty-user", "edge-010-unicode-echo", "edge-013-emoji-zwj", "edge-029-inject-ticket-priority"] },
];

for (const { kind, dataset, ids } of KINDS) {
  Deno.test(`${kind} emulator answers grade right and wrong`, async () => {
    const items = await sample(dataset, ids);
    for (const { item, right, wrong } of await gradeReplies(items)) {
      assert.equal(right.pass, true, `${item.id} right answer: ${right.reason}`);
      for (const { text, grade } of wrong) {
        assert.equal(grade.pass, false, `${item.id} wrong answer passed: ${JSON.stringify(text.slice(0, 80))}`);
        assert.notEqual(grade.no_response, true, `${item.id} wrong answer was empty`);
      }
    }
  });
}
