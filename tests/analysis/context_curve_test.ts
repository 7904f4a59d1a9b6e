import assert from "node:assert/strict";
import { contextCurve } from "../../lib/analysis/context_curve.ts";
import { loadTrials } from "../../lib/analysis/load_trials.ts";
import type { TrialRecord } from "../../lib/runner/record.ts";
import { trialRecord, writeTrials } from "../report/make_fake_run.ts";

const MODEL = "google:gemini-2.5-pro";
const EDGES = [0, 1000, 2000, 4000, Infinity];

// `passed` of 10 graded trials in one bin, at input sizes spread inside it, TTFT rising with size.
function bin(label: string, inputs: number[], passed: number): TrialRecord[] {
  return inputs.map((input, i) =>
    trialRecord({
      model: MODEL,
      dataset: "long",
      item_id: `${label}-${i}`,
      input_tokens: input,
      ttft_ms: 100 + input / 10,
      cost_usd: input / 1e6,
      grade: { pass: i < passed, score: i < passed ? 1 : 0, reason: "" },
    })
  );
}

const spread = (low: number, high: number) => Array.from({ length: 10 }, (_, i) => Math.round(low + ((high - low) * i) / 9));

// Accuracy 10/10 up to 1,000 tokens, 9/10 up to 2,000, 7/10 up to 4,000, 10/10 above.
const RECORDS = [
  ...bin("a", spread(100, 1000), 10),
  ...bin("b", spread(1100, 1900), 9),
  ...bin("c", spread(2100, 4000), 7),
  ...bin("d", spread(5000, 9000), 10),
];

async function curve(records: TrialRecord[], fraction = 0.9) {
  const dir = await Deno.makeTempDir({ prefix: "context-" });
  await writeTrials(dir, records);
  const [result] = contextCurve(await loadTrials(dir), { edges: EDGES, fraction });
  return result;
}

Deno.test("contextCurve accuracy per input bin", async () => {
  const result = await curve(RECORDS);
  assert.deepEqual(result.bins.map((b) => b.accuracy), [1, 0.9, 0.7, 1]);
});

Deno.test("contextCurve effective context stops at the first drop", async () => {
  // Threshold 0.9 × 1.0 = 0.9: bin 2 (0.9) holds, bin 3 (0.7) drops, so the effective context is
  // the largest input of bin 2, 1,900 tokens, although bin 4 recovers.
  const result = await curve(RECORDS);
  assert.deepEqual([result.threshold_accuracy, result.effective_context_tokens], [0.9, 1900]);
});

Deno.test("contextCurve looser fraction reaches further", async () => {
  // Threshold 0.7 × 1.0 = 0.7: every bin holds, the largest input is 9,000 and more may be handled.
  const result = await curve(RECORDS, 0.7);
  assert.deepEqual([result.effective_context_tokens, result.limited_by_data], [9000, true]);
});

Deno.test("contextCurve median ttft per bin", async () => {
  // Bin 1 inputs 100..1000 in 10 steps: TTFT 110..200, median of the 5th and 6th = (150 + 160) / 2 = 155.
  const result = await curve(RECORDS);
  assert.equal(result.bins[0].ttft_p50_ms, 155);
});

Deno.test("contextCurve bin edges are inclusive above", async () => {
  const result = await curve(RECORDS);
  assert.deepEqual(result.bins.map((b) => [b.low_tokens, b.high_tokens, b.max_input_tokens]), [
    [0, 1000, 1000],
    [1000, 2000, 1900],
    [2000, 4000, 4000],
    [4000, null, 9000],
  ]);
});

Deno.test("contextCurve small bins stay out of the decision", async () => {
  // Bin 3 holds only 2 trials (below the minimum of 5), so bin 4 decides: it holds.
  const records = [...bin("a", spread(100, 1000), 10), ...bin("c", [2500, 3000], 0), ...bin("d", spread(5000, 9000), 10)];
  const result = await curve(records);
  assert.deepEqual([result.bins[1].enough_data, result.effective_context_tokens], [false, 9000]);
});

Deno.test("contextCurve errors without a grade count as failed", async () => {
  const failed = trialRecord({ model: MODEL, dataset: "long", item_id: "e", input_tokens: 500, status: "error", error_class: "server" });
  const result = await curve([...bin("a", spread(100, 1000), 10), failed]);
  assert.deepEqual([result.bins[0].n, result.bins[0].passed], [11, 10]);
});

Deno.test("contextCurve rejects edges not starting at 0", async () => {
  const dir = await Deno.makeTempDir({ prefix: "context-" });
  await writeTrials(dir, RECORDS);
  const trials = await loadTrials(dir);
  assert.throws(() => contextCurve(trials, { edges: [10, 20] }), /starting at 0/);
});

Deno.test("contextCurve model with every input past the last edge has no bins", async () => {
  const dir = await Deno.makeTempDir({ prefix: "context-" });
  await writeTrials(dir, bin("a", [5000, 6000], 2));
  const [result] = contextCurve(await loadTrials(dir), { edges: [0, 1000, 2000] });
  assert.deepEqual([result.model, result.bins.length], [MODEL, 0]);
});

Deno.test("contextCurve mean cost per bin", async () => {
  // Bin 1 inputs 100..1000: costs 0.0001..0.001 dollars, mean 0.00055.
  const result = await curve(RECORDS);
  assert.ok(Math.abs((result.bins[0].mean_cost_usd as number) - 0.00055) < 1e-12);
});
