import assert from "node:assert/strict";
import { comparePaired } from "../../lib/analysis/compare_paired.ts";
import { loadTrials } from "../../lib/analysis/load_trials.ts";
import { pairTrials, type TrialPair } from "../../lib/analysis/pair_trials.ts";
import { trialRecord, writeTrials } from "../report/make_fake_run.ts";

function pair(item: number, aPass: boolean, bPass: boolean): TrialPair {
  return {
    dataset: "d",
    item_id: `i${item}`,
    repetition: 0,
    a_pass: aPass,
    b_pass: bPass,
    a_score: aPass ? 1 : 0,
    b_score: bPass ? 1 : 0,
  };
}

// 10 items: both pass 2, only A 1, only B 6, neither 1.
const PAIRS = [
  pair(0, true, true),
  pair(1, true, true),
  pair(2, true, false),
  ...[3, 4, 5, 6, 7, 8].map((i) => pair(i, false, true)),
  pair(9, false, false),
];
const RESULT = comparePaired(PAIRS, { seed: 1 });

Deno.test("comparePaired pass rates of both models", () => {
  // A passes 2 + 1 = 3 of 10, B passes 2 + 6 = 8 of 10.
  assert.deepEqual([RESULT.a_pass_rate, RESULT.b_pass_rate], [0.3, 0.8]);
});

Deno.test("comparePaired counts concordant pairs", () => {
  assert.deepEqual([RESULT.both_passed, RESULT.neither_passed], [2, 1]);
});

Deno.test("comparePaired mcnemar on one against six", () => {
  // Exact 2 × 8/128 = 0.125, mid-p 9/128 = 0.0703: neither is below 0.05.
  assert.deepEqual([RESULT.mcnemar.a_only, RESULT.mcnemar.b_only, RESULT.significant], [1, 6, false]);
});

Deno.test("comparePaired pass rate difference is b minus a", () => {
  // (6 − 1) / 10 = 0.5.
  assert.equal(RESULT.pass_rate_difference, 0.5);
});

Deno.test("comparePaired paired bootstrap of the score difference", () => {
  // Differences: six +1, one −1, three 0 → mean 5/10 = 0.5.
  const difference = RESULT.score_difference!;
  assert.equal(difference.estimate, 0.5);
  assert.ok(difference.low < 0.5, JSON.stringify(difference));
  assert.ok(difference.high > 0.5, JSON.stringify(difference));
});

Deno.test("comparePaired score mde from the sd of differences", () => {
  // Variance = (6 × 0.5² + 1 × 1.5² + 3 × 0.5²) / 9 = (1.5 + 2.25 + 0.75) / 9 = 0.5, sd = 0.70711;
  // MDE = 2.80158 × 0.70711 / √10 = 0.62645.
  assert.ok(Math.abs((RESULT.mde_score as number) - 0.62645) < 1e-4, `got ${RESULT.mde_score}`);
});

Deno.test("comparePaired pass-rate mde uses the disagreement rate", () => {
  // ψ = 7/10; at n = 10 the smallest detectable difference lies between 0 and ψ.
  const mde = RESULT.mde_pass_rate as number;
  assert.ok(mde > 0, `got ${mde}`);
  assert.ok(mde <= 0.7, `got ${mde}`);
});

Deno.test("comparePaired no pairs", () => {
  const empty = comparePaired([]);
  assert.deepEqual([empty.n, empty.a_pass_rate, empty.score_difference, empty.significant], [0, null, null, false]);
});

Deno.test("pairTrials matches items and counts errors as failed", async () => {
  const a = "openai:gpt-4o";
  const b = "google:gemini-2.5-pro";
  const graded = (model: string, item: string, pass: boolean) =>
    trialRecord({ model, dataset: "d", item_id: item, grade: { pass, score: pass ? 1 : 0, reason: "" } });
  const dir = await Deno.makeTempDir({ prefix: "pairs-" });
  await writeTrials(dir, [
    graded(a, "x", true),
    graded(b, "x", false),
    graded(a, "y", true),
    trialRecord({ model: b, dataset: "d", item_id: "y", status: "error", error_class: "server" }),
    graded(a, "only-a", true),
  ]);
  const pairs = pairTrials(await loadTrials(dir), a, b);
  assert.deepEqual(pairs.map((p) => `${p.item_id}:${p.a_pass}:${p.b_pass}:${p.b_score}`), ["x:true:false:0", "y:true:false:0"]);
});

Deno.test("pairTrials uses the final attempt of a retried trial", async () => {
  const a = "openai:gpt-4o";
  const b = "google:gemini-2.5-pro";
  const dir = await Deno.makeTempDir({ prefix: "pairs-" });
  await writeTrials(dir, [
    trialRecord({ model: a, dataset: "d", item_id: "x", attempt: 1, status: "error", error_class: "rate_limited" }),
    trialRecord({ model: a, dataset: "d", item_id: "x", attempt: 2, grade: { pass: true, score: 1, reason: "" } }),
    trialRecord({ model: b, dataset: "d", item_id: "x", grade: { pass: true, score: 1, reason: "" } }),
  ]);
  const pairs = pairTrials(await loadTrials(dir), a, b);
  assert.deepEqual(pairs.map((p) => [p.a_pass, p.b_pass]), [[true, true]]);
});
