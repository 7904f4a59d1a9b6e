import assert from "node:assert/strict";
import type { DatasetItem } from "../../lib/datasets/schema.ts";
import { scoreError } from "../../lib/scoring/score_error.ts";
import { scoreItem } from "../../lib/scoring/score_item.ts";

function item(kind: DatasetItem["kind"], scorer: Record<string, unknown>, extra: Partial<DatasetItem> = {}): DatasetItem {
  return { id: `${kind}-test`, kind, messages: [{ role: "user", content: "q" }], reference: "", scorer: scorer as DatasetItem["scorer"], tags: [], ...extra };
}

const needle = item("long-context", { name: "needle", values: ["7316-QX", "M9K4"] });

Deno.test("needle scorer finds all values", async () => {
  const grade = await scoreItem(needle, "The parts are 7316-qx and M9K4.");
  assert.equal(grade.pass, true);
  assert.equal(grade.reason, "found 2/2 needle values");
});

Deno.test("needle scorer partial recall", async () => {
  const grade = await scoreItem(needle, "7316-QX");
  assert.equal(grade.pass, false);
  assert.equal(grade.score, 0.5);
  assert.equal(grade.reason, 'found 1/2 needle values: missing "M9K4"');
});

Deno.test("needle scorer not found answer", async () => {
  const grade = await scoreItem(needle, "not found");
  assert.equal(grade.score, 0);
});

Deno.test("needle scorer case_insensitive false", async () => {
  const grade = await scoreItem(item("long-context", { name: "needle", values: ["AbC"], case_insensitive: false }), "abc");
  assert.equal(grade.pass, false);
});

const overWindow = item("edge-case", { name: "expected-error" }, { expect_error: "context_length_exceeded" });

Deno.test("expected-error scorer fails an answer", async () => {
  const grade = await scoreItem(overWindow, "Here is a summary.");
  assert.equal(grade.pass, false);
  assert.equal(grade.reason, "got an answer of 18 characters, expected a context_length_exceeded error");
});

Deno.test("scoreError passes expected class", () => {
  const grade = scoreError(overWindow, { class: "context_length_exceeded", message: "prompt is too long" });
  assert.deepEqual(grade, { pass: true, score: 1, reason: "expected context_length_exceeded error: prompt is too long" });
});

Deno.test("scoreError fails other class", () => {
  const grade = scoreError(overWindow, { class: "rate_limited", message: "slow down" });
  assert.equal(grade?.pass, false);
  assert.match(grade!.reason, /got a rate_limited error, expected context_length_exceeded/);
});

Deno.test("scoreError accepts a list of classes", () => {
  const listed = { ...overWindow, expect_error: ["bad_request", "context_length_exceeded"] } as DatasetItem;
  assert.equal(scoreError(listed, { class: "bad_request", message: "empty" })?.pass, true);
});

Deno.test("scoreError without expectation is null", () => {
  assert.equal(scoreError(needle, { class: "server", message: "boom" }), null);
});
