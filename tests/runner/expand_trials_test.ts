import assert from "node:assert/strict";
import { expandTrials } from "../../lib/runner/expand_trials.ts";
import type { Dataset } from "../../lib/datasets/schema.ts";

const item = (id: string) => ({
  id,
  kind: "qa" as const,
  messages: [{ role: "user" as const, content: `question ${id}` }],
  reference: "answer",
  scorer: { name: "exact" },
  tags: [],
});
const datasets: Dataset[] = [
  { name: "a", path: "a.jsonl", items: [item("a1"), item("a2"), item("a3")] },
  { name: "b", path: "b.jsonl", items: [item("b1")] },
];

Deno.test("expand trials covers models × items × repetitions", () => {
  const trials = expandTrials(["openai:gpt-4o", "google:gemini-2.5-flash"], datasets, 2);
  assert.equal(trials.length, 2 * 4 * 2);
  assert.equal(new Set(trials.map((t) => t.trial_id)).size, trials.length);
});

Deno.test("expand trials interleaves models", () => {
  const trials = expandTrials(["m:1", "m:2"], datasets, 1);
  assert.deepEqual(trials.slice(0, 2).map((t) => t.model), ["m:1", "m:2"]);
});

Deno.test("expand trials limits items per dataset", () => {
  const trials = expandTrials(["m:1"], datasets, 1, 2);
  assert.deepEqual(trials.map((t) => t.item.id), ["a1", "a2", "b1"]);
});

Deno.test("expand trials rejects zero repetitions", () => {
  assert.throws(() => expandTrials(["m:1"], datasets, 0), /repetitions must be a whole number of 1 or more, got 0/);
});

Deno.test("expand trials applies a dataset's own limit", () => {
  const trials = expandTrials(["m:1"], datasets, 1, null, new Map([["a", 1]]));
  assert.deepEqual(trials.map((t) => t.item.id), ["a1", "b1"]);
});
