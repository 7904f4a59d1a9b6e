import assert from "node:assert/strict";
import * as vega from "vega";
import { compile } from "vega-lite";
import type { ChartSpec, GroupPoint, TrialPoint } from "../../lib/charts/chart_types.ts";
import { costVsPassRateSpec } from "../../lib/charts/cost_vs_pass_rate_spec.ts";
import { e2eByModelDatasetSpec } from "../../lib/charts/e2e_by_model_dataset_spec.ts";
import { outputSpeedByModelSpec } from "../../lib/charts/output_speed_by_model_spec.ts";
import { passRateByModelDatasetSpec } from "../../lib/charts/pass_rate_by_model_dataset_spec.ts";
import { ttftByModelSpec } from "../../lib/charts/ttft_by_model_spec.ts";
import { ttftVsInputSpec } from "../../lib/charts/ttft_vs_input_spec.ts";

function trial(model: string, ttft: number | null, extra: Partial<TrialPoint> = {}): TrialPoint {
  return { model, dataset: "d", ttft_ms: ttft, e2e_ms: 1000, output_tps: 50, input_tokens: 100, ...extra };
}

function group(model: string, dataset: string | null, extra: Partial<GroupPoint> = {}): GroupPoint {
  return {
    model,
    dataset,
    e2e_p50_ms: 1000,
    e2e_p95_ms: 1500,
    pass_rate: 0.8,
    pass_ci_low: 0.6,
    pass_ci_high: 0.9,
    quality_n: 10,
    cost_per_1k_requests_usd: 1.5,
    ...extra,
  };
}

/** Count scenegraph items of a mark type after Vega has laid the chart out. */
async function countItems(spec: ChartSpec, marktype: string): Promise<number> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  await view.runAsync();
  let count = 0;
  // deno-lint-ignore no-explicit-any
  const walk = (node: any) => {
    if (!node) return;
    if (node.marktype === marktype && node.role === "mark") count += node.items.length;
    for (const item of node.items ?? []) for (const child of item.items ?? []) walk(child);
  };
  // deno-lint-ignore no-explicit-any
  walk((view.scenegraph() as any).root);
  view.finalize();
  return count;
}

// deno-lint-ignore no-explicit-any
function marksOf(spec: any): { type: string; invalid?: unknown }[] {
  const layers = spec.layer ?? [spec];
  return layers.map((layer: { mark: string | { type: string; invalid?: unknown } }) =>
    typeof layer.mark === "string" ? { type: layer.mark } : layer.mark
  );
}

const TRIALS = [trial("openai:a", 100), trial("openai:a", null), trial("openai:b", 300), trial("openai:b", 400)];
const GROUPS = [group("openai:a", "d1"), group("openai:b", "d1", { pass_rate: null, e2e_p50_ms: null })];
const ALL_SPECS: [string, ChartSpec][] = [
  ["ttftByModelSpec", ttftByModelSpec(TRIALS)],
  ["outputSpeedByModelSpec", outputSpeedByModelSpec(TRIALS)],
  ["costVsPassRateSpec", costVsPassRateSpec(GROUPS)],
  ["e2eByModelDatasetSpec", e2eByModelDatasetSpec(GROUPS)],
  ["passRateByModelDatasetSpec", passRateByModelDatasetSpec(GROUPS)],
  ["ttftVsInputSpec", ttftVsInputSpec(TRIALS)],
];

Deno.test("ttftByModelSpec null ttft is a gap, not a point", async () => {
  assert.equal(await countItems(ttftByModelSpec(TRIALS), "symbol"), 3);
});

Deno.test("ttftByModelSpec keeps the null row in its data", () => {
  // deno-lint-ignore no-explicit-any
  const values = (ttftByModelSpec(TRIALS) as any).data.values;
  assert.equal(values.filter((v: { value: unknown }) => v.value === null).length, 1);
});

Deno.test("ttftByModelSpec median tick per model", async () => {
  assert.equal(await countItems(ttftByModelSpec(TRIALS), "rect"), 2);
});

Deno.test("outputSpeedByModelSpec null speed is a gap", async () => {
  const points = [trial("openai:a", 1, { output_tps: null }), trial("openai:a", 1), trial("openai:b", 1)];
  assert.equal(await countItems(outputSpeedByModelSpec(points), "symbol"), 2);
});

Deno.test("costVsPassRateSpec model without a price is not drawn", async () => {
  const groups = [group("openai:a", null), group("openai-compatible:c", null, { cost_per_1k_requests_usd: null })];
  assert.equal(await countItems(costVsPassRateSpec(groups), "symbol"), 1);
});

Deno.test("costVsPassRateSpec labels only drawn points", async () => {
  const groups = [group("openai:a", null), group("openai-compatible:c", null, { cost_per_1k_requests_usd: null })];
  assert.equal(await countItems(costVsPassRateSpec(groups), "text"), 1);
});

Deno.test("passRateByModelDatasetSpec null pass rate has no bar", async () => {
  assert.equal(await countItems(passRateByModelDatasetSpec(GROUPS), "rect"), 1);
});

Deno.test("e2eByModelDatasetSpec null latency has no bar", async () => {
  assert.equal(await countItems(e2eByModelDatasetSpec(GROUPS), "rect"), 1);
});

Deno.test("ttftVsInputSpec drops points without ttft", async () => {
  assert.equal(await countItems(ttftVsInputSpec(TRIALS), "symbol"), 3);
});

for (const [name, spec] of ALL_SPECS) {
  Deno.test(`${name} every mark filters invalid values`, () => {
    assert.deepEqual(marksOf(spec).filter((m) => m.invalid !== "filter").map((m) => m.type), []);
  });
}

for (const [name, spec] of ALL_SPECS) {
  Deno.test(`${name} compiles without warnings`, () => {
    const warnings: string[] = [];
    const logger = {
      level: () => logger,
      error: (...args: unknown[]) => (warnings.push(args.join(" ")), logger),
      warn: (...args: unknown[]) => (warnings.push(args.join(" ")), logger),
      info: () => logger,
      debug: () => logger,
    };
    // deno-lint-ignore no-explicit-any
    compile(spec, { logger: logger as any });
    assert.deepEqual(warnings, []);
  });
}
