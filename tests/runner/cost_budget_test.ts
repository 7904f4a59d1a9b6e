import assert from "node:assert/strict";
import { CostBudget } from "../../lib/runner/cost_budget.ts";
import { estimateRunCost } from "../../lib/runner/estimate_run_cost.ts";
import { dispatchPool } from "../../lib/runner/dispatch_pool.ts";
import type { TrialPlan } from "../../lib/runner/expand_trials.ts";
import type { PriceRow } from "../../lib/runner/manifest.ts";
import type { Endpoint } from "../../lib/providers/types.ts";

const PRICE: PriceRow = {
  provider: "openai",
  model: "gpt-4o",
  input_per_mtok: 2.5,
  cached_input_per_mtok: 1.25,
  cache_write_per_mtok: null,
  output_per_mtok: 10,
  context_window: null,
  max_output: null,
  source: "test row",
  as_of: "2026-01-01",
};

function plan(model: string, prompt: string): TrialPlan {
  return {
    trial_id: `${model}/d/i/1`,
    model,
    dataset: "d",
    item: { id: "i", kind: "qa", messages: [{ role: "user", content: prompt }], reference: "x", scorer: { name: "exact", expected: "x" }, tags: [] },
    repetition: 1,
  } as TrialPlan;
}

Deno.test("budget counts requests in flight", async () => {
  const budget = new CostBudget(1);
  let started = 0;
  // Every request may cost up to $0.30 and really costs $0.10; four slots are open at once.
  const result = await dispatchPool(20, async () => {
    started++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    budget.settle(0.3, 0.1);
  }, { maxInFlight: 4, arrivalsMs: null, clock: () => performance.now(), admit: () => budget.reserve(0.3) });

  assert.ok(budget.spentUsd <= 1, `spent ${budget.spentUsd}`);
  assert.ok(started >= 3, `started ${started}`);
  assert.match(result.stopReason ?? "", /cost budget of \$1 reached/);
});

Deno.test("budget without limit always admits", () => {
  const budget = new CostBudget(null);
  assert.equal(budget.reserve(1e6), null);
  budget.settle(1e6, 2);
  assert.equal(budget.spentUsd, 2);
});

Deno.test("budget rejects a non-positive limit", () => {
  assert.throws(() => new CostBudget(0), /budget_usd/);
});

Deno.test("run cost estimate counts real endpoints only", () => {
  const endpoints = new Map<string, Endpoint>([
    ["openai:gpt-4o", { kind: "real", baseURL: "https://api.openai.com/v1", apiKey: "k" }],
    ["google:gemini-2.5-flash", { kind: "emulated", baseURL: "http://127.0.0.1:1", apiKey: "emulator" }],
    ["anthropic:claude-unpriced", { kind: "real", baseURL: "https://api.anthropic.com", apiKey: "k" }],
  ]);
  const plans = [plan("openai:gpt-4o", "x".repeat(4000)), plan("google:gemini-2.5-flash", "hi"), plan("anthropic:claude-unpriced", "hi")];
  const estimate = estimateRunCost(plans, 100, [PRICE], endpoints);

  assert.equal(estimate.realTrials, 2);
  // 1,000 input tokens at $2.50/M plus 100 output tokens at $10/M.
  assert.ok(Math.abs(estimate.maxUsd - (1000 * 2.5 + 100 * 10) / 1e6) < 1e-12, `estimate ${estimate.maxUsd}`);
  assert.deepEqual(estimate.unpricedModels, ["anthropic:claude-unpriced"]);
});
