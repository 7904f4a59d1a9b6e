import assert from "node:assert/strict";
import type { DatasetItem } from "../../lib/datasets/schema.ts";
import { scoreItem } from "../../lib/scoring/score_item.ts";

function qaItem(scorer: Record<string, unknown>): DatasetItem {
  return { id: "qa-test", kind: "qa", messages: [{ role: "user", content: "q" }], reference: "", scorer: scorer as DatasetItem["scorer"], tags: [] };
}

Deno.test("exact scorer trims by default", async () => {
  const grade = await scoreItem(qaItem({ name: "exact", expected: "Paris" }), "  Paris\n");
  assert.equal(grade.pass, true);
  assert.equal(grade.score, 1);
});

Deno.test("exact scorer trim keeps case", async () => {
  const grade = await scoreItem(qaItem({ name: "exact", expected: "Paris" }), "paris");
  assert.equal(grade.pass, false);
  assert.equal(grade.reason, 'got "paris", expected "Paris" (normalize: trim)');
});

Deno.test("exact scorer loose ignores case and final period", async () => {
  const grade = await scoreItem(qaItem({ name: "exact", expected: "Paris", normalize: "loose" }), " paris. ");
  assert.equal(grade.pass, true);
});

Deno.test("exact scorer none keeps whitespace", async () => {
  const grade = await scoreItem(qaItem({ name: "exact", expected: "4", normalize: "none" }), "4\n");
  assert.equal(grade.pass, false);
});

Deno.test("exact scorer accepts any listed answer", async () => {
  const item = qaItem({ name: "exact", expected: ["HTTP 429", "429"] });
  assert.equal((await scoreItem(item, "429")).pass, true);
  const wrong = await scoreItem(item, "503");
  assert.equal(wrong.reason, 'got "503", expected one of "HTTP 429", "429" (normalize: trim)');
});

Deno.test("regex scorer matches pattern", async () => {
  const item = qaItem({ name: "regex", pattern: "^(HTTP )?429$", flags: "i" });
  assert.equal((await scoreItem(item, "http 429")).pass, true);
  const wrong = await scoreItem(item, "500");
  assert.equal(wrong.pass, false);
  assert.equal(wrong.reason, '"500" does not match /^(HTTP )?429$/i (normalize: trim)');
});
