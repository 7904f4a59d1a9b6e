import assert from "node:assert/strict";
import { loadDataset } from "../../lib/datasets/load_dataset.ts";
import type { DatasetItem } from "../../lib/datasets/schema.ts";
import type { Grade } from "../../lib/runner/record.ts";
import { scoreError } from "../../lib/scoring/score_error.ts";
import { scoreItem } from "../../lib/scoring/score_item.ts";

// Code and SQL items each start a sandboxed Deno process. Four at a time keep two cores
// busy without a long queue.
const CONCURRENCY = 4;

async function mapPool<T, R>(values: T[], limit: number, task: (value: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(values.length);
  let next = 0;
  const worker = async () => {
    while (next < values.length) {
      const index = next++;
      results[index] = await task(values[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
  return results;
}

interface ItemGrades {
  item: DatasetItem;
  reference: Grade;
  distractor: Grade;
}

function gradeAll(items: DatasetItem[]): Promise<ItemGrades[]> {
  return mapPool(items, CONCURRENCY, async (item) => ({
    item,
    reference: await scoreItem(item, item.reference),
    distractor: await scoreItem(item, item.distractor ?? ""),
  }));
}

const SUITES = [
  "json-extraction",
  "code-typescript",
  "code-fix",
  "sql-sqlite",
  "summarization",
  "long-context",
  "images",
  "edge-cases",
];

for (const name of SUITES) {
  Deno.test(`${name} references pass and distractors fail`, async (t) => {
    const { items } = await loadDataset(name);
    // Items that expect a provider error have no passing answer; scoreError grades them below.
    const grades = await gradeAll(items.filter((item) => item.expect_error === undefined));
    for (const { item, reference, distractor } of grades) {
      await t.step(`${item.id} reference passes`, () => {
        assert.equal(reference.pass, true, `${item.id}: ${reference.reason}`);
        assert.equal(reference.score, 1, `${item.id}: ${reference.reason}`);
      });
      await t.step(`${item.id} distractor fails`, () => {
        assert.equal(distractor.pass, false, `${item.id}: ${distractor.reason}`);
        assert.ok(distractor.score < 1, `${item.id}: score ${distractor.score}`);
        assert.notEqual(distractor.no_response, true, `${item.id}: distractor counted as no response`);
      });
    }
  });
}

Deno.test("edge-cases expected errors pass scoreError", async () => {
  const { items } = await loadDataset("edge-cases");
  const expecting = items.filter((item) => item.expect_error !== undefined);
  assert.ok(expecting.length >= 2);
  for (const item of expecting) {
    const errorClass = [item.expect_error!].flat()[0];
    const grade = scoreError(item, { class: errorClass, message: "rejected" });
    assert.equal(grade?.pass, true, item.id);
    const other = scoreError(item, { class: "server", message: "boom" });
    assert.equal(other?.pass, false, item.id);
  }
});

Deno.test("over-window item fails any answer", async () => {
  const { items } = await loadDataset("edge-cases");
  const item = items.find((candidate) => candidate.tags.includes("edge:over-window"))!;
  const grade = await scoreItem(item, item.distractor!);
  assert.equal(grade.pass, false);
  assert.match(grade.reason, /expected a context_length_exceeded error/);
});
