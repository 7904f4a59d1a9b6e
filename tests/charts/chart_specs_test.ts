import assert from "node:assert/strict";
import { contextHeatmapSpec } from "../../lib/charts/context_heatmap_spec.ts";
import { costQualityFrontier } from "../../lib/charts/cost_quality_frontier.ts";
import { costVsQualitySpec } from "../../lib/charts/cost_vs_quality_spec.ts";
import { distributionStats } from "../../lib/charts/distribution_stats.ts";
import { e2eByModelDatasetSpec } from "../../lib/charts/e2e_by_model_dataset_spec.ts";
import { errorsByClassSpec } from "../../lib/charts/errors_by_class_spec.ts";
import { outputSpeedDistributionSpec } from "../../lib/charts/output_speed_distribution_spec.ts";
import { passRateByModelDatasetSpec } from "../../lib/charts/pass_rate_by_model_dataset_spec.ts";
import { samplePerModel } from "../../lib/charts/sample_per_model.ts";
import { SINGLE_LEVEL_NOTE, throughputVsConcurrencySpec } from "../../lib/charts/throughput_vs_concurrency_spec.ts";
import { ttftDistributionSpec } from "../../lib/charts/ttft_distribution_spec.ts";
import { ttftVsInputSpec } from "../../lib/charts/ttft_vs_input_spec.ts";
import { e2eVsOutputSpec } from "../../lib/charts/e2e_vs_output_spec.ts";
import { versionDeltasSpec } from "../../lib/charts/version_deltas_spec.ts";
import { compileWarnings, countItems, group, marksOf, trial } from "./_chart_fixture.ts";
import { GROUPS, SAMPLE_SPECS, TRIALS } from "./_sample_specs.ts";

Deno.test("chart builders cover at least ten kinds", () => {
  assert.ok(SAMPLE_SPECS.length >= 10, String(SAMPLE_SPECS.length));
});

for (const { name, spec } of SAMPLE_SPECS) {
  Deno.test(`${name} compiles without warnings`, () => {
    assert.deepEqual(compileWarnings(spec), []);
  });
  Deno.test(`${name} every data mark filters invalid values`, () => {
    // Reference rules drawn at a constant (the zero line) carry no data to filter.
    const marks = marksOf(spec).filter((m) => m.type !== "rule" || m.invalid !== undefined || name !== "versionDeltasSpec");
    assert.deepEqual(marks.filter((m) => m.invalid !== "filter" && m.type !== "text").map((m) => m.type), []);
  });
}

Deno.test("ttftDistributionSpec null ttft is a gap, not a dot", async () => {
  assert.equal(await countItems(ttftDistributionSpec(TRIALS), "symbol"), 4);
});

Deno.test("ttftDistributionSpec draws one median tick per model", async () => {
  assert.equal(await countItems(ttftDistributionSpec(TRIALS), "rect"), 2 + 2);
});

Deno.test("ttftDistributionSpec uses the given quantiles", () => {
  const stats = [{ model: "openai:a", n: 9, p5: 1, p25: 2, p50: 777, p75: 4, p95: 5 }];
  // deno-lint-ignore no-explicit-any
  const layer = (ttftDistributionSpec(TRIALS, { stats }) as any).layer[3];
  assert.equal(layer.data.values[0].p50, 777);
});

Deno.test("outputSpeedDistributionSpec null speed is a gap", async () => {
  const points = [trial("openai:a", 1, { output_tps: null }), trial("openai:a", 1), trial("openai:b", 1)];
  assert.equal(await countItems(outputSpeedDistributionSpec(points), "symbol"), 2);
});

Deno.test("distributionStats interpolates the median linearly", () => {
  const [stats] = distributionStats([trial("m", 1), trial("m", 2), trial("m", 4), trial("m", 10)], "ttft_ms");
  assert.equal(stats.p50, 3);
});

Deno.test("samplePerModel keeps at most max points per model", () => {
  const points = Array.from({ length: 1000 }, (_, i) => trial(i % 2 ? "a" : "b", i));
  assert.equal(samplePerModel(points, 10).filter((p) => p.model === "a").length, 10);
});

Deno.test("e2eVsOutputSpec trial without output tokens is not drawn", async () => {
  const points = [trial("openai:a", 1, { output_tokens: null }), trial("openai:a", 1), trial("openai:b", 1)];
  assert.equal(await countItems(e2eVsOutputSpec(points), "symbol"), 2);
});

Deno.test("ttftVsInputSpec drops points without ttft", async () => {
  assert.equal(await countItems(ttftVsInputSpec(TRIALS), "symbol"), 4);
});

Deno.test("throughputVsConcurrencySpec null throughput is a gap", async () => {
  const spec = throughputVsConcurrencySpec([
    { model: "a", concurrency: 1, throughput_tps: 10, latency_p50_ms: 100 },
    { model: "a", concurrency: 4, throughput_tps: null, latency_p50_ms: 120 },
  ]);
  assert.equal(await countItems(spec, "symbol"), 3);
});

Deno.test("throughputVsConcurrencySpec single level says so", () => {
  const spec = throughputVsConcurrencySpec([{ model: "a", concurrency: 8, throughput_tps: 10, latency_p50_ms: 100 }]);
  assert.ok(JSON.stringify(spec).includes(SINGLE_LEVEL_NOTE));
});

Deno.test("throughputVsConcurrencySpec single level draws no line", async () => {
  const spec = throughputVsConcurrencySpec([{ model: "a", concurrency: 8, throughput_tps: 10, latency_p50_ms: 100 }]);
  assert.equal(await countItems(spec, "line"), 0);
});

Deno.test("throughputVsConcurrencySpec rejects concurrency 0", () => {
  assert.throws(() => throughputVsConcurrencySpec([{ model: "a", concurrency: 0, throughput_tps: 1, latency_p50_ms: 1 }]), /concurrency/);
});

Deno.test("contextHeatmapSpec unmeasured cell is blank, not 0%", async () => {
  const spec = contextHeatmapSpec([
    { model: "a", context_tokens: 8000, depth_pct: 50, passed: 1, n: 2, accuracy: 0.5 },
    { model: "a", context_tokens: 32000, depth_pct: 50, passed: 0, n: 0, accuracy: null },
  ]);
  assert.equal(await countItems(spec, "rect"), 1);
});

Deno.test("contextHeatmapSpec draws one panel per model", async () => {
  const cell = (model: string) => ({ model, context_tokens: 8000, depth_pct: 50, passed: 1, n: 1, accuracy: 1 });
  assert.equal(await countItems(contextHeatmapSpec([cell("a"), cell("b")]), "rect"), 2);
});

Deno.test("costQualityFrontier keeps only undominated models", () => {
  const frontier = costQualityFrontier([
    { model: "cheap-good", cost: 1, quality: 90 },
    { model: "dear-worse", cost: 5, quality: 80 },
    { model: "dear-best", cost: 9, quality: 95 },
    { model: "unpriced", cost: null, quality: 99 },
  ]);
  assert.deepEqual(frontier.map((p) => p.model), ["cheap-good", "dear-best"]);
});

Deno.test("costVsQualitySpec frontier joins undominated points", () => {
  const spec = costVsQualitySpec([
    group("a", null, { cost_per_1k_requests_usd: 1, pass_rate: 0.9 }),
    group("b", null, { cost_per_1k_requests_usd: 5, pass_rate: 0.8 }),
    group("c", null, { cost_per_1k_requests_usd: 9, pass_rate: 0.95 }),
  ]);
  // deno-lint-ignore no-explicit-any
  assert.deepEqual((spec as any).layer[0].data.values.map((v: { model: string }) => v.model), ["a", "c"]);
});

Deno.test("costVsQualitySpec model without a price is not drawn", async () => {
  const groups = [group("openai:a", null), group("openai-compatible:c", null, { cost_per_1k_requests_usd: null })];
  assert.equal(await countItems(costVsQualitySpec(groups), "symbol"), 1);
});

Deno.test("costVsQualitySpec labels only drawn points", async () => {
  const groups = [group("openai:a", null), group("openai-compatible:c", null, { cost_per_1k_requests_usd: null })];
  assert.equal(await countItems(costVsQualitySpec(groups), "text"), 1);
});

Deno.test("errorsByClassSpec stacks one segment per model and class", async () => {
  const spec = errorsByClassSpec([
    { model: "a", error_class: "server", count: 2 },
    { model: "a", error_class: "rate_limited", count: 1 },
    { model: "b", error_class: "server", count: 1 },
  ]);
  assert.equal(await countItems(spec, "rect"), 3);
});

Deno.test("versionDeltasSpec null delta leaves a gap", async () => {
  const spec = versionDeltasSpec([
    { model: "a-1 → a-2", metric: "TTFT p50 (ms)", delta: -4, low: -8, high: 1 },
    { model: "b-1 → b-2", metric: "TTFT p50 (ms)", delta: null, low: null, high: null },
  ]);
  assert.equal(await countItems(spec, "symbol"), 1);
});

Deno.test("versionDeltasSpec draws a zero line per panel", async () => {
  const spec = versionDeltasSpec([
    { model: "a-1 → a-2", metric: "TTFT p50 (ms)", delta: -4, low: -8, high: 1 },
    { model: "a-1 → a-2", metric: "Pass rate (points)", delta: 2, low: -1, high: 5 },
  ]);
  // Per panel: one zero line plus one interval whisker.
  assert.equal(await countItems(spec, "rule"), 4);
});

Deno.test("passRateByModelDatasetSpec null pass rate has no bar", async () => {
  assert.equal(await countItems(passRateByModelDatasetSpec(GROUPS), "rect"), 1);
});

Deno.test("e2eByModelDatasetSpec null latency has no bar", async () => {
  assert.equal(await countItems(e2eByModelDatasetSpec(GROUPS), "rect"), 1);
});
