import assert from "node:assert/strict";
import type { GroupSummary, ModelSummary, RunSummary } from "../../lib/analysis/summary_types.ts";
import { recommend } from "../../lib/report/recommend.ts";
import type { Recommendation } from "../../lib/report/report_model.ts";
import { SCENARIOS } from "../../lib/report/scenarios.ts";

function group(model: string, fields: Partial<GroupSummary> = {}): GroupSummary {
  return {
    model,
    dataset: null,
    task_kind: null,
    n: 20,
    ok: 20,
    errors: 0,
    error_rate: 0,
    ttft_n: 20,
    ttft_p50_ms: 500,
    ttft_p90_ms: 700,
    e2e_n: 20,
    e2e_p50_ms: 1500,
    e2e_p95_ms: 2500,
    e2e_min_ms: 900,
    e2e_max_ms: 3000,
    output_tps_n: 20,
    output_tps_median: 100,
    mean_input_tokens: 1000,
    mean_output_tokens: 200,
    max_input_tokens: 3000,
    cost_n: 20,
    cost_per_request_usd: 0.001,
    cost_per_1k_requests_usd: 1,
    graded: 20,
    passed: 18,
    errored_ungraded: 0,
    quality_n: 20,
    pass_rate: 0.9,
    pass_rate_graded: 0.9,
    pass_ci_low: 0.7,
    pass_ci_high: 0.97,
    no_response: 0,
    ...fields,
  };
}

function model(name: string, fields: Partial<ModelSummary> = {}): ModelSummary {
  return {
    ...group(name),
    provider: name.split(":")[0],
    endpoint_kinds: ["emulated"],
    model_versions: [],
    price: null,
    context_window: 128000,
    max_output: 16384,
    ttft_by_input: null,
    ...fields,
  };
}

function summary(models: ModelSummary[], byModelKind: GroupSummary[] = []): RunSummary {
  return {
    models: models.map((m) => m.model),
    datasets: [],
    totals: { n: 0, ok: 0, errors: 0 },
    byModel: models,
    byModelDataset: [],
    byModelKind,
    errors: [],
  };
}

function pick(id: string, s: RunSummary, imageGroups: GroupSummary[] | null = null, capable: string[] = []): Recommendation {
  return recommend({ summary: s, imageGroups, imageCapableModels: capable }).find((r) => r.scenario.id === id)!;
}

Deno.test("recommend low latency names the clear winner", () => {
  const r = pick("low-latency", summary([model("openai:a", { ttft_p50_ms: 300 }), model("openai:b", { ttft_p50_ms: 600 })]));
  assert.deepEqual([r.verdict, r.models], ["winner", ["openai:a"]]);
});

Deno.test("recommend low latency reason carries the numbers", () => {
  const r = pick("low-latency", summary([model("openai:a", { ttft_p50_ms: 300 }), model("openai:b", { ttft_p50_ms: 600 })]));
  assert.match(r.reason, /TTFT p50 300 ms.*openai:b, TTFT p50 600 ms/);
});

Deno.test("recommend medians within 10% give no clear winner", () => {
  const r = pick("low-latency", summary([model("openai:a", { ttft_p50_ms: 500 }), model("openai:b", { ttft_p50_ms: 540 })]));
  assert.match(r.reason, /^No clear winner between openai:a and openai:b/);
});

Deno.test("recommend quality floor skips a fast model that fails", () => {
  const s = summary([model("openai:a", { ttft_p50_ms: 100, pass_rate: 0.4 }), model("openai:b", { ttft_p50_ms: 600 })]);
  assert.deepEqual(pick("low-latency", s).models, ["openai:b"]);
});

Deno.test("recommend no model above the floor says so", () => {
  const s = summary([model("openai:a", { pass_rate: 0.4 }), model("openai:b", { pass_rate: 0.5 })]);
  assert.equal(pick("cost-conscious", s).verdict, "no-eligible-model");
});

Deno.test("recommend overlapping Wilson intervals give no clear winner for code", () => {
  const kinds = [
    group("openai:a", { task_kind: "code", pass_rate: 0.9, pass_ci_low: 0.6, pass_ci_high: 0.98 }),
    group("openai:b", { task_kind: "code", pass_rate: 0.8, pass_ci_low: 0.5, pass_ci_high: 0.93 }),
  ];
  const r = pick("code", summary([model("openai:a"), model("openai:b")], kinds));
  assert.equal(r.verdict, "no-clear-winner");
});

Deno.test("recommend separated Wilson intervals name the code winner", () => {
  const kinds = [
    group("openai:a", { task_kind: "code", pass_rate: 0.95, pass_ci_low: 0.85, pass_ci_high: 0.99 }),
    group("openai:b", { task_kind: "code", pass_rate: 0.4, pass_ci_low: 0.25, pass_ci_high: 0.55 }),
  ];
  assert.deepEqual(pick("code", summary([model("openai:a"), model("openai:b")], kinds)).models, ["openai:a"]);
});

Deno.test("recommend structured output uses json-extraction items only", () => {
  const kinds = [group("openai:a", { task_kind: "code" })];
  assert.equal(pick("structured-output", summary([model("openai:a")], kinds)).verdict, "not-measured");
});

Deno.test("recommend massive documents picks the largest context window", () => {
  const s = summary([model("openai:a", { context_window: 128000 }), model("google:b", { context_window: 1048576 })]);
  assert.deepEqual(pick("massive-documents", s).models, ["google:b"]);
});

Deno.test("recommend nearly equal context windows give no clear winner", () => {
  const s = summary([model("openai:a", { context_window: 1047576 }), model("google:b", { context_window: 1048576 })]);
  assert.equal(pick("massive-documents", s).verdict, "no-clear-winner");
});

Deno.test("recommend bulk jobs ranks throughput per dollar", () => {
  const s = summary([
    model("openai:fast-costly", { output_tps_median: 200, cost_per_1k_requests_usd: 10 }),
    model("openai:slow-cheap", { output_tps_median: 80, cost_per_1k_requests_usd: 0.5 }),
  ]);
  assert.deepEqual(pick("bulk-jobs", s).models, ["openai:slow-cheap"]);
});

Deno.test("recommend images not measured without image items", () => {
  const r = pick("images", summary([model("openai:a")]), null, ["openai:a"]);
  assert.match(r.reason, /^No item with image input ran\. .*openai:a/);
});

Deno.test("recommend images ignores models without image support", () => {
  const images = [group("openai:a", { pass_rate: 1, pass_ci_low: 0.8, pass_ci_high: 1 }), group("openai:b", { pass_rate: 0.2 })];
  assert.deepEqual(pick("images", summary([model("openai:a"), model("openai:b")]), images, ["openai:b"]).models, ["openai:b"]);
});

Deno.test("recommend no passes at all names no model", () => {
  const kinds = [group("openai:a", { task_kind: "code", pass_rate: 0, passed: 0, pass_ci_low: 0, pass_ci_high: 0.2 })];
  assert.equal(pick("code", summary([model("openai:a")], kinds)).verdict, "no-eligible-model");
});

Deno.test("recommend metric without data is not measured", () => {
  const s = summary([model("openai:a", { ttft_p50_ms: null }), model("openai:b", { ttft_p50_ms: null })]);
  assert.equal(pick("low-latency", s).verdict, "not-measured");
});

Deno.test("recommend covers every scenario", () => {
  const ids = recommend({ summary: summary([model("openai:a")]), imageGroups: null, imageCapableModels: [] })
    .map((r) => r.scenario.id);
  assert.deepEqual(ids, SCENARIOS.map((s) => s.id));
});

Deno.test("recommend massive documents reports TTFT growth with input size", () => {
  const fit = { n: 12, min_input_tokens: 500, max_input_tokens: 9000, slope_ms_per_1k_tokens: 40, intercept_ms: 300 };
  const s = summary([model("google:b", { context_window: 1048576, max_input_tokens: 9000, ttft_by_input: fit })]);
  assert.match(pick("massive-documents", s).reason, /TTFT rose 40 ms per 1,000 input tokens/);
});

Deno.test("recommend massive documents says a narrow input range cannot show growth", () => {
  const fit = { n: 12, min_input_tokens: 100, max_input_tokens: 378, slope_ms_per_1k_tokens: -808, intercept_ms: 300 };
  const s = summary([model("google:b", { context_window: 1048576, max_input_tokens: 378, ttft_by_input: fit })]);
  assert.match(pick("massive-documents", s).reason, /spanned only 100–378 tokens, too narrow/);
});
