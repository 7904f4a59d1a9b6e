import assert from "node:assert/strict";
import { loadTrials } from "../../lib/analysis/load_trials.ts";
import { summariseRun } from "../../lib/analysis/summarise_run.ts";
import { summariseStatistics } from "../../lib/analysis/summarise_statistics.ts";
import { loadPriceTable } from "../../lib/pricing/load_price_table.ts";
import { makeFakeRun } from "../report/make_fake_run.ts";

const dir = await makeFakeRun(await Deno.makeTempDir({ prefix: "statistics-" }), { repetitions: 3 });
const trials = await loadTrials(dir);
const prices = await loadPriceTable(new URL("../../datasets/prices.csv", import.meta.url).pathname);
const summary = summariseRun(trials, prices);
const statistics = summariseStatistics(trials, summary, { bootstrap: { resamples: 500 } });

Deno.test("summariseStatistics latency for every model", () => {
  assert.deepEqual(statistics.latency.map((l) => l.model), summary.models);
});

Deno.test("summariseStatistics ttft p50 agrees with summariseRun", () => {
  for (const latency of statistics.latency) {
    const model = summary.byModel.find((m) => m.model === latency.model)!;
    assert.ok(Math.abs((latency.ttft.p50 ?? NaN) - (model.ttft_p50_ms ?? NaN)) < 1e-9, latency.model);
  }
});

Deno.test("summariseStatistics pairs every two models once", () => {
  // 4 models → 4 × 3 / 2 = 6 pairs.
  assert.equal(statistics.pairs.length, 6);
});

Deno.test("summariseStatistics pareto point per model", () => {
  assert.deepEqual(statistics.pareto.map((p) => p.model), summary.byModel.map((m) => m.model));
});

Deno.test("summariseStatistics model without price is off the pareto comparison", () => {
  // The openai-compatible model has no price row, so no cost.
  const point = statistics.pareto.find((p) => p.model.startsWith("openai-compatible:"));
  assert.equal(point?.on_frontier, null);
});

Deno.test("summariseStatistics context curve per model with input counts", () => {
  // The openai-compatible fake model reports no usage, so it has no input counts to bin.
  assert.equal(statistics.context.length, 3);
});
