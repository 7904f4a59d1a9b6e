import assert from "node:assert/strict";
import type { DatasetItem } from "../../lib/datasets/schema.ts";
import { extractJson } from "../../lib/scoring/extract_json.ts";
import { normalizeText } from "../../lib/scoring/normalize_text.ts";
import { scoreItem } from "../../lib/scoring/score_item.ts";

function qaItem(scorer: Record<string, unknown>): DatasetItem {
  return { id: "qa-test", kind: "qa", messages: [{ role: "user", content: "q" }], reference: "", scorer: scorer as DatasetItem["scorer"], tags: [] };
}

Deno.test("normalizeText alnum drops markup", () => {
  assert.equal(normalizeText("**Checkout** (p95): 1,234.5 ms!", "alnum"), "checkout p95 1234.5 ms");
});

Deno.test("exact scorer contains finds whole words", async () => {
  const item = qaItem({ name: "exact", expected: "checkout", normalize: "alnum", match: "contains" });
  assert.equal((await scoreItem(item, "The **checkout** service.")).pass, true);
  assert.equal((await scoreItem(item, "checkouts")).pass, false);
});

Deno.test("exact scorer contains reason", async () => {
  const item = qaItem({ name: "exact", expected: "checkout", normalize: "alnum", match: "contains" });
  const grade = await scoreItem(item, "search");
  assert.equal(grade.reason, '"search" does not contain "checkout" (normalize: alnum, match: contains)');
});

Deno.test("exact scorer tolerance compares numbers", async () => {
  const item = qaItem({ name: "exact", expected: "42", normalize: "alnum", tolerance: 0.5 });
  assert.equal((await scoreItem(item, "42.4 ms")).pass, true);
  assert.equal((await scoreItem(item, "43")).pass, false);
});

Deno.test("exact scorer whole number needs one number", async () => {
  const item = qaItem({ name: "exact", expected: "42", normalize: "alnum", tolerance: 0 });
  assert.equal((await scoreItem(item, "42 or 43")).pass, false);
});

Deno.test("exact scorer contains number in sentence", async () => {
  const item = qaItem({ name: "exact", expected: "9.0", normalize: "alnum", match: "contains", tolerance: 0 });
  assert.equal((await scoreItem(item, "The error rate is 9%.")).pass, true);
  assert.equal((await scoreItem(item, "The error rate is 9.9%.")).pass, false);
});

Deno.test("exact scorer contains keeps decimals whole", async () => {
  const item = qaItem({ name: "exact", expected: "1.4", normalize: "alnum", match: "contains" });
  assert.equal((await scoreItem(item, "1.45")).pass, false);
});

Deno.test("regex scorer forbidden pattern fails", async () => {
  const item = qaItem({ name: "regex", pattern: "^high$", normalize: "loose", forbidden_pattern: "approved" });
  const grade = await scoreItem(item, "APPROVED");
  assert.equal(grade.pass, false);
  assert.match(grade.reason, /matches forbidden pattern \/approved\/ at "approved"/);
  assert.equal((await scoreItem(item, "High")).pass, true);
});

Deno.test("extractJson fence must wrap whole output", () => {
  const cases = [
    "Here you go:\n```json\n{\"a\": 1}\n```",
    "```json\n{\"a\": 1}\n```\nDone.",
    "```json\n{\"a\": 1}\n```\n```json\n{\"b\": 2}\n```",
  ];
  for (const output of cases) assert.equal(extractJson(output).ok, false, output);
  assert.deepEqual(extractJson("  ```json\n{\"a\": 1}\n```\n"), { ok: true, value: { a: 1 }, fenced: true });
});
