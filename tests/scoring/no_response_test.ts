import assert from "node:assert/strict";
import type { DatasetItem } from "../../lib/datasets/schema.ts";
import { scoreItem } from "../../lib/scoring/score_item.ts";

function itemWith(kind: DatasetItem["kind"], scorer: Record<string, unknown>): DatasetItem {
  return { id: `${kind}-empty`, kind, messages: [{ role: "user", content: "q" }], reference: "", scorer: scorer as DatasetItem["scorer"], tags: [] };
}

const ITEMS: DatasetItem[] = [
  itemWith("qa", { name: "exact", expected: "" }),
  itemWith("qa", { name: "exact", expected: "", normalize: "none" }),
  itemWith("qa", { name: "regex", pattern: "^$" }),
  itemWith("json-extraction", { name: "json-schema", schema: { type: "object" }, expected: {} }),
  itemWith("code", { name: "code-tests", entry: "f", tests: "test('f()', () => assertEquals(f(), 1));" }),
  itemWith("sql", { name: "sql-result", database: "shop", expected_sql: "SELECT 1", order_matters: false }),
];

for (const output of ["", "  \n"]) {
  for (const item of ITEMS) {
    const variant = item.scorer.normalize ? ` normalize ${item.scorer.normalize}` : "";
    Deno.test(`${item.scorer.name} scorer${variant} ${JSON.stringify(output)} is no response`, async () => {
      const grade = await scoreItem(item, output);
      assert.equal(grade.no_response, true);
      assert.equal(grade.pass, false);
      assert.equal(grade.score, 0);
      assert.equal(grade.reason, "no response");
    });
  }
}

Deno.test("exact scorer wrong answer is not no response", async () => {
  const grade = await scoreItem(itemWith("qa", { name: "exact", expected: "4" }), "5");
  assert.equal(grade.pass, false);
  assert.equal(grade.no_response, undefined);
});

const NEW_SCORER_ITEMS: DatasetItem[] = [
  itemWith("summarization", { name: "key-facts", facts: [{ label: "x", any: ["x"] }] }),
  itemWith("long-context", { name: "needle", values: ["x"] }),
  { ...itemWith("edge-case", { name: "expected-error" }), expect_error: "context_length_exceeded" },
  itemWith("qa", { name: "llm-judge", rubric: "correct", judge: "openai:gpt-4o-mini" }),
];

for (const item of NEW_SCORER_ITEMS) {
  Deno.test(`${item.scorer.name} scorer empty output is no response`, async () => {
    const grade = await scoreItem(item, " \n");
    assert.equal(grade.no_response, true);
    assert.equal(grade.pass, false);
    assert.equal(grade.reason, "no response");
  });
}
