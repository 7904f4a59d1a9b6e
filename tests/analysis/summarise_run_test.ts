import assert from "node:assert/strict";
import { buildTrialsFrame } from "../../lib/analysis/build_trials_frame.ts";
import { loadTrials } from "../../lib/analysis/load_trials.ts";
import { summariseRun } from "../../lib/analysis/summarise_run.ts";
import type { RunSummary } from "../../lib/analysis/summary_types.ts";
import { loadPriceTable } from "../../lib/pricing/load_price_table.ts";
import { trialRecord, writeTrials } from "../report/make_fake_run.ts";
import type { TrialRecord } from "../../lib/runner/record.ts";

const MODEL = "openai:gpt-4o";

function ok(item: string, e2e: number, extra: Partial<TrialRecord> = {}): TrialRecord {
  return trialRecord({
    model: MODEL,
    dataset: "json-extraction",
    item_id: item,
    task_kind: "json-extraction",
    e2e_ms: e2e,
    ttft_ms: e2e / 4,
    output_tps: 100,
    input_tokens: 1000,
    output_tokens: 200,
    cost_usd: 0.0045,
    grade: { pass: true, score: 1, reason: "matches" },
    ...extra,
  });
}

// Four successes, a fast HTTP 500 and a timeout.
const HAND_MADE: TrialRecord[] = [
  ok("a", 1800),
  ok("b", 2000, { grade: { pass: false, score: 0, reason: "wrong field" } }),
  ok("c", 2200),
  ok("d", 2400, { input_tokens: 3000 }),
  trialRecord({
    model: MODEL,
    dataset: "json-extraction",
    item_id: "e",
    task_kind: "json-extraction",
    status: "error",
    e2e_ms: 40,
    error_class: "server",
    error_http_status: 500,
  }),
  trialRecord({
    model: MODEL,
    dataset: "json-extraction",
    item_id: "f",
    task_kind: "json-extraction",
    status: "error",
    e2e_ms: 30000,
    ttft_ms: 800,
    error_class: "timeout_total",
  }),
];

async function summarise(records: TrialRecord[]): Promise<RunSummary> {
  const dir = await Deno.makeTempDir({ prefix: "summarise-" });
  await writeTrials(dir, records);
  const prices = await loadPriceTable(new URL("../../datasets/prices.csv", import.meta.url).pathname);
  return summariseRun(await loadTrials(dir), prices);
}

Deno.test("summariseRun counts every trial in n", async () => {
  assert.equal((await summarise(HAND_MADE)).byModel[0].n, 6);
});

Deno.test("summariseRun success rate is 4 of 6", async () => {
  const model = (await summarise(HAND_MADE)).byModel[0];
  assert.equal(model.ok / model.n, 4 / 6);
});

Deno.test("summariseRun e2e p50 excludes errors", async () => {
  assert.equal((await summarise(HAND_MADE)).byModel[0].e2e_p50_ms, 2100);
});

Deno.test("summariseRun e2e min ignores the fast HTTP 500", async () => {
  assert.equal((await summarise(HAND_MADE)).byModel[0].e2e_min_ms, 1800);
});

Deno.test("summariseRun e2e p95 interpolates linearly", async () => {
  // 0.95 × 3 = 2.85 → 2200 + 0.85 × 200.
  assert.equal((await summarise(HAND_MADE)).byModel[0].e2e_p95_ms, 2370);
});

Deno.test("summariseRun ttft ignores the timed-out trial", async () => {
  assert.equal((await summarise(HAND_MADE)).byModel[0].ttft_n, 4);
});

Deno.test("summariseRun error rate", async () => {
  assert.equal((await summarise(HAND_MADE)).byModel[0].error_rate, 2 / 6);
});

Deno.test("summariseRun pass rate counts errors as not passed", async () => {
  assert.equal((await summarise(HAND_MADE)).byModel[0].pass_rate, 3 / 6);
});

Deno.test("summariseRun graded pass rate leaves errors out", async () => {
  assert.equal((await summarise(HAND_MADE)).byModel[0].pass_rate_graded, 3 / 4);
});

Deno.test("summariseRun cost per 1,000 requests", async () => {
  const cost = (await summarise(HAND_MADE)).byModel[0].cost_per_1k_requests_usd as number;
  assert.ok(Math.abs(cost - 4.5) < 1e-9, `got ${cost}`);
});

Deno.test("summariseRun largest input measured", async () => {
  assert.equal((await summarise(HAND_MADE)).byModel[0].max_input_tokens, 3000);
});

Deno.test("summariseRun context window from the price table", async () => {
  assert.equal((await summarise(HAND_MADE)).byModel[0].context_window, 128000);
});

Deno.test("summariseRun metric without data is null, not 0", async () => {
  const summary = await summarise(HAND_MADE.map((r) => ({ ...r, output_tps: null, cost_usd: null })));
  assert.deepEqual([summary.byModel[0].output_tps_median, summary.byModel[0].cost_per_1k_requests_usd], [null, null]);
});

Deno.test("summariseRun all-failed model has null latency", async () => {
  const summary = await summarise(HAND_MADE.slice(4));
  assert.equal(summary.byModel[0].e2e_p50_ms, null);
});

Deno.test("summariseRun groups by model and dataset", async () => {
  const other = ok("z", 500, { dataset: "sql-sqlite", task_kind: "sql" });
  const summary = await summarise([...HAND_MADE, other]);
  assert.deepEqual(summary.byModelDataset.map((g) => `${g.dataset}:${g.n}`), ["json-extraction:6", "sql-sqlite:1"]);
});

Deno.test("summariseRun groups by task kind", async () => {
  const summary = await summarise(HAND_MADE);
  assert.deepEqual(summary.byModelKind.map((g) => g.task_kind), ["json-extraction"]);
});

Deno.test("summariseRun counts no-response grades", async () => {
  const noResponse = ok("g", 900, { grade: { pass: false, score: 0, reason: "empty", no_response: true } });
  assert.equal((await summarise([...HAND_MADE, noResponse])).byModel[0].no_response, 1);
});

Deno.test("summariseRun retried trial counts once for quality", async () => {
  const retried = [
    trialRecord({ model: MODEL, dataset: "d", item_id: "x", attempt: 1, status: "error", error_class: "rate_limited" }),
    ok("x", 1000, { dataset: "d", attempt: 2 }),
  ];
  assert.equal((await summarise(retried)).byModel[0].quality_n, 1);
});

Deno.test("summariseRun counts errors per class", async () => {
  const summary = await summarise(HAND_MADE);
  assert.deepEqual(summary.errors.map((e) => `${e.error_class}:${e.count}`), ["server:1", "timeout_total:1"]);
});

Deno.test("summariseRun openai-compatible model has no context window", async () => {
  const summary = await summarise(HAND_MADE.map((r) => ({ ...r, model: "openai-compatible:llama" })));
  assert.equal(summary.byModel[0].context_window, null);
});

Deno.test("summariseRun ttft p90 skips a live trial without ttft", async () => {
  // Sorted TTFTs 1, 4, 7: position 0.9 × 2 = 1.8, so 4 + (7 − 4) × 0.8 = 6.4 exactly.
  const records = [
    ok("a", 400, { ttft_ms: 7 }),
    ok("b", 800, { ttft_ms: 4 }),
    ok("c", 600, { ttft_ms: null }),
    ok("d", 500, { ttft_ms: 1 }),
  ];
  assert.equal((await summarise(records)).byModel[0].ttft_p90_ms, 6.4);
});

// 300,000 successful trials of one model, TTFT = 100 ms + 0.05 ms per input token, built in memory.
const LARGE_N = 300_000;
let largeSummary: RunSummary | null = null;
async function summariseLarge(): Promise<RunSummary> {
  if (largeSummary !== null) return largeSummary;
  const records = Array.from({ length: LARGE_N }, (_, i) => {
    const input = 500 + (i % 20_000);
    return {
      line: i + 1,
      record: { model: MODEL, dataset: "d", item_id: `i${i}`, status: "ok", input_tokens: input, ttft_ms: 100 + input * 0.05, e2e_ms: 1000 },
    };
  });
  const prices = await loadPriceTable(new URL("../../datasets/prices.csv", import.meta.url).pathname);
  largeSummary = summariseRun(buildTrialsFrame(records, "memory"), prices);
  return largeSummary;
}

Deno.test("summariseRun fits 300,000 trials of one model", async () => {
  const fit = (await summariseLarge()).byModel[0].ttft_by_input;
  assert.deepEqual([fit?.n, fit?.min_input_tokens, fit?.max_input_tokens], [LARGE_N, 500, 20_499]);
});

Deno.test("summariseRun slope of 300,000 trials", async () => {
  const slope = (await summariseLarge()).byModel[0].ttft_by_input?.slope_ms_per_1k_tokens as number;
  assert.ok(Math.abs(slope - 50) < 1e-6, `got ${slope}`);
});

Deno.test("summariseRun keeps expected errors out of the error rate", async () => {
  const expected = trialRecord({
    model: MODEL,
    dataset: "edge-cases",
    item_id: "over-window",
    task_kind: "edge-case",
    status: "error",
    error_class: "context_length_exceeded",
    error_http_status: 400,
    grade: { pass: true, score: 1, reason: "expected context_length_exceeded error" },
  });
  const unexpected = trialRecord({
    model: MODEL,
    dataset: "edge-cases",
    item_id: "server-fault",
    task_kind: "edge-case",
    status: "error",
    error_class: "server",
    error_http_status: 500,
    grade: null,
  });
  const records = [ok("a", 1000), ok("b", 1200), expected, unexpected].map((record, i) => ({ line: i + 1, record }));
  const trials = buildTrialsFrame(records, "memory");
  const summary = summariseRun(trials, await loadPriceTable(new URL("../../datasets/prices.csv", import.meta.url).pathname));
  const model = summary.byModel.find((m) => m.model === MODEL)!;

  assert.equal(model.errors, 1);
  assert.equal(model.expected_errors, 1);
  assert.equal(model.error_rate, 1 / 4);
  assert.equal(model.passed, 3);
  const overWindow = summary.errors.find((e) => e.error_class === "context_length_exceeded")!;
  assert.equal(overWindow.expected, 1);
});

Deno.test("summariseRun totals leave expected errors out", async () => {
  const expected = trialRecord({
    model: MODEL,
    dataset: "edge-cases",
    item_id: "over-window",
    task_kind: "edge-case",
    status: "error",
    error_class: "context_length_exceeded",
    grade: { pass: true, score: 1, reason: "expected context_length_exceeded error" },
  });
  const records = [ok("a", 1000), expected].map((record, i) => ({ line: i + 1, record }));
  const summary = summariseRun(buildTrialsFrame(records, "memory"), await loadPriceTable(new URL("../../datasets/prices.csv", import.meta.url).pathname));
  assert.equal(summary.totals.n, 2);
  assert.equal(summary.totals.ok, 1);
  assert.equal(summary.totals.errors, 0);
});
