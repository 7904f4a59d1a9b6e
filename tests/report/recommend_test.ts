import assert from "node:assert/strict";
import type { ModelSummary, RunSummary } from "../../lib/analysis/summary_types.ts";
import type { CriterionLookup, CriterionValue } from "../../lib/report/criterion_values.ts";
import { recommend } from "../../lib/report/recommend.ts";
import type { Recommendation } from "../../lib/report/report_model.ts";
import { type ScenarioDefinition, SEED_SCENARIOS } from "../../lib/report/scenarios.ts";

/** Make a criterion value with a symmetric interval of ± `half`. */
function v(value: number, half = 0): CriterionValue {
  return { value, low: value - half, high: value + half, n: 20, text: `value ${value}` };
}

type Table = Record<string, Partial<Record<string, CriterionValue>>>;

/** Make a lookup over a hand-written table: metric (plus ":kind" or ":images") → model → value. */
function lookup(table: Table): CriterionLookup {
  return (metric, scope, model) => {
    let key: string = metric;
    if (scope.images_only) key = `${metric}:images`;
    else if (scope.task_kind) key = `${metric}:${scope.task_kind}`;
    return table[key]?.[model] ?? null;
  };
}

function summary(models: string[]): RunSummary {
  return {
    models,
    datasets: [],
    totals: { n: 0, ok: 0, errors: 0 },
    byModel: models.map((model) => ({ model }) as ModelSummary),
    byModelDataset: [],
    byModelKind: [],
    errors: [],
  };
}

const LATENCY: ScenarioDefinition = {
  id: "latency",
  title: "Latency",
  workload: "chat",
  criteria: [{ metric: "ttft_p50_ms", weight: 1 }],
  constraints: [{ metric: "pass_rate", min: 0.7 }],
  source: "test",
};

function run(table: Table, scenario: ScenarioDefinition = LATENCY, capable: string[] = []): Recommendation {
  const models = [...new Set(Object.values(table).flatMap((row) => Object.keys(row ?? {})))].sort();
  return recommend({ summary: summary(models), values: lookup(table), imageCapableModels: capable }, [scenario])[0];
}

const PASSING = { "openai:a": v(0.9, 0.05), "openai:b": v(0.9, 0.05) };

Deno.test("recommend separated scores name the winner", () => {
  const r = run({ ttft_p50_ms: { "openai:a": v(300, 10), "openai:b": v(900, 10) }, pass_rate: PASSING });
  assert.deepEqual([r.verdict, r.models], ["winner", ["openai:a"]]);
});

Deno.test("recommend overlapping score bands give no clear winner", () => {
  const r = run({ ttft_p50_ms: { "openai:a": v(300, 60), "openai:b": v(330, 60) }, pass_rate: PASSING });
  assert.deepEqual([r.verdict, r.models], ["no-clear-winner", ["openai:a", "openai:b"]]);
});

Deno.test("recommend no clear winner names both models in the reason", () => {
  const r = run({ ttft_p50_ms: { "openai:a": v(300, 60), "openai:b": v(330, 60) }, pass_rate: PASSING });
  assert.match(r.reason, /^No clear winner between openai:a and openai:b/);
});

Deno.test("recommend hard constraint drops a fast model that fails quality", () => {
  const r = run({
    ttft_p50_ms: { "openai:a": v(100, 5), "openai:b": v(900, 5) },
    pass_rate: { "openai:a": v(0.4, 0.1), "openai:b": v(0.9, 0.05) },
  });
  assert.deepEqual([r.models, r.excluded.length], [["openai:b"], 1]);
});

Deno.test("recommend constraint broken by all says no model qualifies", () => {
  const r = run({ ttft_p50_ms: { "openai:a": v(100) }, pass_rate: { "openai:a": v(0.2) } });
  assert.equal(r.verdict, "no-eligible-model");
});

Deno.test("recommend criterion nobody measured is not measured", () => {
  const r = run({ pass_rate: PASSING });
  assert.equal(r.verdict, "not-measured");
});

Deno.test("recommend evidence links each criterion to its chart", () => {
  const r = run({ ttft_p50_ms: { "openai:a": v(300, 10), "openai:b": v(900, 10) }, pass_rate: PASSING });
  assert.deepEqual(r.evidence.map((e) => e.anchor), ["chart-ttft-distribution"]);
});

Deno.test("recommend evidence carries the winner's numbers", () => {
  const r = run({ ttft_p50_ms: { "openai:a": v(300, 10), "openai:b": v(900, 10) }, pass_rate: PASSING });
  assert.match(r.evidence[0].text, /openai:a: value 300/);
});

Deno.test("recommend weights trade one criterion against another", () => {
  const scenario: ScenarioDefinition = {
    ...LATENCY,
    criteria: [{ metric: "cost_per_1k_requests_usd", weight: 9 }, { metric: "ttft_p50_ms", weight: 1 }],
    constraints: [],
  };
  const r = run({
    ttft_p50_ms: { "openai:a": v(100, 1), "openai:b": v(400, 1) },
    cost_per_1k_requests_usd: { "openai:a": v(10, 0.1), "openai:b": v(1, 0.1) },
  }, scenario);
  assert.deepEqual(r.models, ["openai:b"]);
});

Deno.test("recommend image scenario needs image input in the price table", () => {
  const images = SEED_SCENARIOS.find((s) => s.id === "images-and-media")!;
  const r = run({
    "pass_rate:images": { "openai:a": v(0.9, 0.05), "openai:b": v(0.5, 0.05) },
    ttft_p50_ms: { "openai:a": v(300, 10), "openai:b": v(300, 10) },
  }, images, ["openai:b"]);
  assert.deepEqual(r.models, ["openai:b"]);
});

Deno.test("recommend image scenario without image items is not measured", () => {
  const images = SEED_SCENARIOS.find((s) => s.id === "images-and-media")!;
  const r = run({ ttft_p50_ms: { "openai:a": v(300) } }, images, ["openai:a"]);
  assert.equal(r.verdict, "not-measured");
});

Deno.test("recommend code-first ranks by pass rate on code items", () => {
  const code = SEED_SCENARIOS.find((s) => s.id === "code-first")!;
  const r = run({
    "pass_rate:code": { "openai:a": v(0.95, 0.03), "openai:b": v(0.3, 0.05) },
    e2e_p50_ms: { "openai:a": v(2000, 10), "openai:b": v(1000, 10) },
  }, code);
  assert.deepEqual(r.models, ["openai:a"]);
});

Deno.test("recommend massive documents drops windows under 500k tokens", () => {
  const docs = SEED_SCENARIOS.find((s) => s.id === "massive-documents")!;
  const r = run({
    context_window: { "openai:a": v(1_000_000), "openai:b": v(200_000) },
    "pass_rate:long-context": { "openai:a": v(0.9, 0.03), "openai:b": v(0.9, 0.03) },
    ttft_p50_ms: { "openai:a": v(300), "openai:b": v(300) },
  }, docs);
  assert.deepEqual(r.models, ["openai:a"]);
});

Deno.test("recommend massive documents weighs long-context accuracy", () => {
  const docs = SEED_SCENARIOS.find((s) => s.id === "massive-documents")!;
  const r = run({
    context_window: { "openai:a": v(2_000_000), "openai:b": v(1_000_000) },
    "pass_rate:long-context": { "openai:a": v(0.3, 0.03), "openai:b": v(0.95, 0.03) },
    ttft_p50_ms: { "openai:a": v(300), "openai:b": v(300) },
  }, docs);
  assert.deepEqual(r.models, ["openai:b"]);
});

Deno.test("recommend seed set has the six scenarios", () => {
  assert.deepEqual(SEED_SCENARIOS.map((s) => s.id), [
    "low-latency",
    "massive-documents",
    "code-first",
    "images-and-media",
    "cost-conscious-scaling",
    "bulk-high-volume",
  ]);
});

Deno.test("recommend rejects a missing lookup", () => {
  // deno-lint-ignore no-explicit-any
  assert.throws(() => recommend({ summary: summary([]) } as any, []), /values/);
});
