import assert from "node:assert/strict";
import { loadScenarios, parseScenarios, ScenarioFileError } from "../../lib/report/load_scenarios.ts";

const SUPPORT = {
  id: "support-bot",
  title: "Support bot",
  workload: "customer chat",
  criteria: [{ metric: "ttft_p50_ms", weight: 2 }, { metric: "pass_rate", task_kind: "qa", weight: 1 }],
  constraints: [{ metric: "context_window", min: 500000 }, { capability: "image_input" }],
};

Deno.test("parseScenarios accepts an array", () => {
  assert.equal(parseScenarios([SUPPORT], "x.json")[0].id, "support-bot");
});

Deno.test("parseScenarios accepts a scenarios object", () => {
  assert.equal(parseScenarios({ scenarios: [SUPPORT] }, "x.json").length, 1);
});

Deno.test("parseScenarios records the source", () => {
  assert.equal(parseScenarios([SUPPORT], "mine.json")[0].source, "mine.json");
});

Deno.test("parseScenarios unknown metric names the field", () => {
  const bad = { ...SUPPORT, criteria: [{ metric: "vibes", weight: 1 }] };
  assert.throws(() => parseScenarios([bad], "x.json"), /x\.json: field "0\.criteria\.0\.metric"/);
});

Deno.test("parseScenarios constraint without bounds is rejected", () => {
  const bad = { ...SUPPORT, constraints: [{ metric: "pass_rate" }] };
  assert.throws(() => parseScenarios([bad], "x.json"), ScenarioFileError);
});

Deno.test("parseScenarios duplicate id is rejected", () => {
  assert.throws(() => parseScenarios([SUPPORT, SUPPORT], "x.json"), /appears twice/);
});

Deno.test("loadScenarios missing file names the fix", async () => {
  await assert.rejects(loadScenarios("/nonexistent/s.json"), /does not exist\. Fix: pass a JSON file/);
});
