import assert from "node:assert/strict";
import { checkThresholds } from "../../lib/trends/check_thresholds.ts";
import { loadThresholds } from "../../lib/trends/load_thresholds.ts";
import { metric } from "./_metric.ts";

const DAYS = [
  metric("openai:gpt-4o", 1, { e2e_p95_ms: 1800 }),
  metric("openai:gpt-4o", 2, { e2e_p95_ms: 4200, error_rate: 0.08 }),
  metric("anthropic:claude-sonnet-4-5", 1, { e2e_p95_ms: 5000 }),
];

Deno.test("checkThresholds names metric, model, day, value and threshold", () => {
  const [breach] = checkThresholds(
    DAYS,
    { max_p95_ms: 4000, models: { "anthropic:claude-sonnet-4-5": { max_p95_ms: 6000 } } },
    "day",
  );
  assert.equal(breach.message, "e2e_p95_ms of openai:gpt-4o on 2026-03-02 is 4,200 ms, above the maximum 4,000 ms (max_p95_ms)");
});

Deno.test("checkThresholds applies per-model limits", () => {
  const breaches = checkThresholds(
    DAYS,
    { max_p95_ms: 4000, models: { "anthropic:claude-sonnet-4-5": { max_p95_ms: 6000 } } },
    "day",
  );
  assert.deepEqual(breaches.map((b) => b.model), ["openai:gpt-4o"]);
});

Deno.test("checkThresholds checks error rate", () => {
  const breaches = checkThresholds(DAYS, { max_error_rate: 0.05 }, "day");
  assert.deepEqual(breaches.map((b) => [b.period, b.metric]), [["2026-03-02", "error_rate"]]);
});

Deno.test("checkThresholds names runs", () => {
  const runs = [metric("m", 1, { period: "nightly-20260301-0000-ab12", quality_n: 10, passed: 5, pass_rate: 0.5 })];
  const [breach] = checkThresholds(runs, { min_pass_rate: 0.8 }, "run");
  assert.equal(
    breach.message,
    "pass_rate of m in run nightly-20260301-0000-ab12 is 50.00%, below the minimum 80.00% (min_pass_rate)",
  );
});

Deno.test("checkThresholds skips metrics without data", () => {
  assert.equal(checkThresholds(DAYS, { min_pass_rate: 0.9 }, "day").length, 0);
});

Deno.test("checkThresholds limits to the last periods", () => {
  const breaches = checkThresholds(DAYS, { max_p95_ms: 1000 }, "day", 1);
  assert.deepEqual(breaches.map((b) => `${b.model} ${b.period}`), [
    "openai:gpt-4o 2026-03-02",
    "anthropic:claude-sonnet-4-5 2026-03-01",
  ]);
});

Deno.test("loadThresholds rejects an unknown field", async () => {
  const path = await Deno.makeTempFile({ suffix: ".json" });
  await Deno.writeTextFile(path, JSON.stringify({ max_p99_ms: 100 }));
  await assert.rejects(loadThresholds(path), /field "max_p99_ms" is invalid/);
});

Deno.test("loadThresholds rejects a rate above 1", async () => {
  const path = await Deno.makeTempFile({ suffix: ".json" });
  await Deno.writeTextFile(path, JSON.stringify({ max_error_rate: 5 }));
  await assert.rejects(loadThresholds(path), /field "max_error_rate" is invalid/);
});
