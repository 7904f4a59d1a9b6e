import assert from "node:assert/strict";
import { latencyStats } from "../../lib/analysis/latency_stats.ts";
import { loadTrials } from "../../lib/analysis/load_trials.ts";
import { summariseRun } from "../../lib/analysis/summarise_run.ts";
import type { TrialRecord } from "../../lib/runner/record.ts";
import { trialRecord, writeTrials } from "../report/make_fake_run.ts";

const MODEL = "openai:gpt-4o";
type CachedRecord = TrialRecord & { cached?: boolean };

const ok = (item: string, e2e: number, extra: Partial<TrialRecord> = {}) =>
  trialRecord({ model: MODEL, dataset: "d", item_id: item, e2e_ms: e2e, ...extra });

// Four successes, a fast HTTP 500 and a client-side timeout.
const FAILURES: TrialRecord[] = [
  ok("1", 1800),
  ok("2", 2000),
  ok("3", 2200),
  ok("4", 2400),
  ok("5", 40, { status: "error", error_class: "server", error_http_status: 500 }),
  ok("6", 30000, { status: "error", error_class: "timeout_total" }),
];

// Three live responses and two served from a cache in a few ms.
const CACHED: CachedRecord[] = [
  ok("p1", 2400),
  ok("p2", 2600),
  ok("p3", 2200),
  { ...ok("p4", 3), cached: true },
  { ...ok("p5", 4), cached: true },
];

async function frame(records: CachedRecord[]) {
  const dir = await Deno.makeTempDir({ prefix: "latency-" });
  await writeTrials(dir, records as TrialRecord[]);
  return await loadTrials(dir);
}

Deno.test("latencyStats success rate counts the timeout as failed", async () => {
  // 4 successes of 6 trials = 66.7%.
  assert.equal(latencyStats(await frame(FAILURES)).success_rate, 4 / 6);
});

Deno.test("latencyStats mean over successes only", async () => {
  // (1800 + 2000 + 2200 + 2400) / 4 = 2100, not (… + 40) / 5 = 1688.
  assert.equal(latencyStats(await frame(FAILURES)).mean, 2100);
});

Deno.test("latencyStats min ignores the fast HTTP 500", async () => {
  assert.equal(latencyStats(await frame(FAILURES)).min, 1800);
});

Deno.test("latencyStats linear p50 over successes", async () => {
  assert.equal(latencyStats(await frame(FAILURES)).p50, 2100);
});

Deno.test("latencyStats counts errors by class", async () => {
  assert.deepEqual(latencyStats(await frame(FAILURES)).errors_by_class, { server: 1, timeout_total: 1 });
});

Deno.test("latencyStats p99 stands in as labelled max", async () => {
  const stats = latencyStats(await frame(FAILURES));
  assert.deepEqual([stats.p99, stats.p99_label, stats.max], [null, "max, n = 4 < 100", 2400]);
});

Deno.test("latencyStats leaves cached responses out", async () => {
  // (2400 + 2600 + 2200) / 3 = 2400, not (… + 3 + 4) / 5 = 1441.4.
  assert.equal(latencyStats(await frame(CACHED)).mean, 2400);
});

Deno.test("latencyStats keeps cached rows in the counts", async () => {
  const stats = latencyStats(await frame(CACHED));
  assert.deepEqual([stats.trials, stats.succeeded, stats.cached, stats.n], [5, 5, 2, 3]);
});

Deno.test("latencyStats bootstrap interval around p50", async () => {
  const stats = latencyStats(await frame(FAILURES), "e2e_ms", { bootstrap: { seed: 3 } });
  const ci = stats.p50_ci!;
  assert.ok(ci.low >= 1800, JSON.stringify(ci));
  assert.ok(ci.low <= 2100, JSON.stringify(ci));
  assert.ok(ci.high >= 2100, JSON.stringify(ci));
  assert.ok(ci.high <= 2400, JSON.stringify(ci));
});

Deno.test("latencyStats filters by model", async () => {
  const other = trialRecord({ model: "google:gemini-2.5-pro", dataset: "d", item_id: "x", e2e_ms: 9000 });
  const stats = latencyStats(await frame([...FAILURES, other]), "e2e_ms", { model: MODEL });
  assert.equal(stats.max, 2400);
});

Deno.test("summariseRun leaves cached responses out of latency", async () => {
  const model = summariseRun(await frame(CACHED), []).byModel[0];
  assert.deepEqual([model.e2e_p50_ms, model.e2e_min_ms, model.cached], [2400, 2200, 2]);
});

Deno.test("loadTrials cached defaults to false", async () => {
  const trials = await frame(FAILURES);
  assert.deepEqual(trials.getColumn("cached").toArray(), [false, false, false, false, false, false]);
});
