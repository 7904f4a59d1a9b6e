import assert from "node:assert/strict";
import { compareRuns } from "../../lib/analysis/compare_runs.ts";
import type { RunComparison } from "../../lib/analysis/comparison_types.ts";
import { loadRun } from "../../lib/analysis/load_run.ts";
import { writeRun } from "./make_run_pair.ts";

const SLOWER = "openai:gpt-4o-mini";
const parent = await Deno.makeTempDir({ prefix: "compare-" });
const before = await loadRun(await writeRun(parent, { runId: "before", seed: 1 }));
const after = await loadRun(await writeRun(parent, { runId: "after", seed: 2, ttftScale: { [SLOWER]: 2 } }));
const same = await loadRun(await writeRun(parent, { runId: "same", seed: 3 }));
const DOUBLED = compareRuns(before, after);

function flagged(comparison: RunComparison): string[] {
  return comparison.changes
    .filter((c) => c.verdict === "regression" || c.verdict === "improvement")
    .map((c) => `${c.model} ${c.dataset ?? "all"} ${c.metric} ${c.verdict}`)
    .sort();
}

Deno.test("compareRuns flags the doubled ttft and nothing unchanged", () => {
  // TTFT 400 → 800 ms. Speed, pass rate, error rate, cost and the other two models come from
  // the same distribution. End-to-end latency contains TTFT, so it may be flagged too; its
  // spread (100 to 300 output tokens per item) decides whether the interval clears zero.
  const consequence = (flag: string) => flag.startsWith(`${SLOWER} `) && flag.includes(" e2e_p50_ms ");
  const expected = ["all", "json-extraction", "sql-sqlite"].map((scope) => `${SLOWER} ${scope} ttft_p50_ms regression`);
  assert.deepEqual(flagged(DOUBLED).filter((flag) => !consequence(flag)), expected);
});

Deno.test("compareRuns end-to-end rises with the doubled ttft", () => {
  // About +400 ms on a median of about 2,600 ms.
  const change = DOUBLED.changes.find((c) => c.model === SLOWER && c.dataset === null && c.metric === "e2e_p50_ms")!;
  assert.ok(change.change! > 200, `got ${change.change}`);
  assert.ok(change.change! < 600, `got ${change.change}`);
});

Deno.test("compareRuns ttft change is about +100 percent", () => {
  const change = DOUBLED.changes.find((c) => c.model === SLOWER && c.dataset === null && c.metric === "ttft_p50_ms")!;
  assert.ok(change.relative_change! > 0.8, `got ${change.relative_change}`);
  assert.ok(change.relative_change! < 1.2, `got ${change.relative_change}`);
});

Deno.test("compareRuns ttft interval excludes zero", () => {
  const change = DOUBLED.changes.find((c) => c.model === SLOWER && c.dataset === null && c.metric === "ttft_p50_ms")!;
  assert.ok(change.ci_low! > 0, JSON.stringify(change));
});

Deno.test("compareRuns runs from one distribution show no flags", () => {
  assert.deepEqual(flagged(compareRuns(before, same)), []);
});

Deno.test("compareRuns halved ttft is an improvement", async () => {
  const faster = await loadRun(await writeRun(parent, { runId: "faster", seed: 4, ttftScale: { [SLOWER]: 0.5 } }));
  const change = compareRuns(before, faster).changes.find((c) =>
    c.model === SLOWER && c.dataset === null && c.metric === "ttft_p50_ms"
  );
  assert.equal(change?.verdict, "improvement");
});

Deno.test("compareRuns counts verdicts", () => {
  // 3 models × 3 scopes × 6 metrics = 54 changes.
  const total = Object.values(DOUBLED.counts).reduce((sum, count) => sum + count, 0);
  assert.deepEqual([DOUBLED.changes.length, total, DOUBLED.counts.regression], [54, 54, flagged(DOUBLED).length]);
});

Deno.test("compareRuns rates use trials as n", () => {
  const change = DOUBLED.changes.find((c) => c.model === SLOWER && c.dataset === null && c.metric === "error_rate")!;
  // 2 datasets × 60 items × 2 repetitions = 240 trials.
  assert.deepEqual([change.n_a, change.n_b, change.interval_method], [240, 240, "Newcombe hybrid score"]);
});

Deno.test("compareRuns lists models only one run has", async () => {
  const fewer = await loadRun(await writeRun(parent, { runId: "fewer", seed: 5, without: ["google:gemini-2.5-flash"] }));
  const comparison = compareRuns(before, fewer);
  assert.deepEqual([comparison.models.only_a, comparison.models.only_b], [["google:gemini-2.5-flash"], []]);
});

Deno.test("compareRuns warns about a changed dataset hash", async () => {
  const edited = await loadRun(await writeRun(parent, { runId: "edited", seed: 6, datasetHash: "b".repeat(64) }));
  const warnings = compareRuns(before, edited).warnings;
  assert.ok(warnings.some((w) => w.startsWith("Dataset json-extraction changed between the runs")), warnings.join("\n"));
});

Deno.test("compareRuns warns about a different spec setting", async () => {
  const busier = await loadRun(await writeRun(parent, { runId: "busier", seed: 7, spec: { concurrency: 32 } }));
  assert.ok(compareRuns(before, busier).warnings.includes("Spec setting concurrency differs: 8 in A, 32 in B."));
});

Deno.test("compareRuns alike runs have no warnings", () => {
  assert.deepEqual(DOUBLED.warnings, []);
});

Deno.test("compareRuns too few values is insufficient data", () => {
  const comparison = compareRuns(before, after, { minSamples: 1000 });
  const change = comparison.changes.find((c) => c.metric === "ttft_p50_ms")!;
  assert.equal(change.verdict, "insufficient data");
});

Deno.test("compareRuns large threshold leaves the change unflagged", () => {
  // The TTFT change is about +100%; a 150% threshold keeps it from being flagged.
  assert.deepEqual(flagged(compareRuns(before, after, { relativeThreshold: 1.5 })), []);
});

Deno.test("compareRuns rejects a negative threshold", () => {
  assert.throws(() => compareRuns(before, after, { relativeThreshold: -1 }), /relativeThreshold/);
});

Deno.test("compareRuns warns when the peak exceeded the limit", async () => {
  const dir = await writeRun(parent, { runId: "unbounded", seed: 8 });
  const manifest = JSON.parse(await Deno.readTextFile(`${dir}/run.json`));
  await Deno.writeTextFile(`${dir}/run.json`, JSON.stringify({ ...manifest, peak_in_flight: 240 }));
  const warnings = compareRuns(before, await loadRun(dir)).warnings;
  assert.ok(warnings.includes("Run B had 240 requests in flight at its peak, above its concurrency limit of 8."), warnings.join("\n"));
});
