import assert from "node:assert/strict";
import { runBenchmark } from "../../lib/runner/run_benchmark.ts";
import { deriveLatencySummary } from "../../lib/analysis/derive_latency_summary.ts";
import { makeWorkspace, steadyProfile } from "./run_fixture.ts";

Deno.test("rescore answers from an earlier run without latency", async () => {
  const workspace = await makeWorkspace({ "gpt-4o": steadyProfile("openai", 30) }, 4);
  const live = await runBenchmark({
    spec: workspace.spec({ models: ["openai:gpt-4o"] }),
    runsDir: workspace.runsDir,
    datasetsDir: workspace.datasetsDir,
  });
  const logs: string[] = [];
  const rescored = await runBenchmark({
    spec: workspace.spec({ models: ["openai:gpt-4o"], repetitions: 2, rescore_from: live.runDir }),
    runsDir: workspace.runsDir,
    datasetsDir: workspace.datasetsDir,
    onLog: (message) => logs.push(message),
  });
  const cached = rescored.records.filter((record) => record.cached === true);
  const sent = rescored.records.filter((record) => record.cached !== true);
  const [summary] = deriveLatencySummary(rescored.records);

  assert.equal(cached.length, 4, "repetition 1 comes from the earlier run");
  assert.equal(sent.length, 4, "repetition 2 was not in the earlier run and is sent live");
  assert.ok(sent.every((record) => record.repetition === 2));
  for (const record of cached) {
    const original = live.records.find((r) => r.item_id === record.item_id)!;
    assert.equal(record.e2e_ms, original.e2e_ms, "a cached trial shows its live latency, flagged");
    assert.equal(record.ttft_ms, original.ttft_ms);
    assert.deepEqual(record.events, []);
    assert.equal(record.cached_from_run, live.manifest.run_id);
    assert.equal(record.output_text, original.output_text);
    assert.equal(record.cost_usd, original.cost_usd);
    assert.notEqual(record.grade, null);
  }
  assert.equal(summary.cached, 4);
  assert.equal(summary.metrics.e2e_ms.n, 4, "only the live trials enter latency statistics");
  const liveMean = sent.reduce((sum, record) => sum + record.e2e_ms, 0) / sent.length;
  assert.ok(Math.abs(summary.metrics.e2e_ms.mean! - liveMean) < 1e-9, `mean e2e ${summary.metrics.e2e_ms.mean}, live mean ${liveMean}`);
  assert.equal(rescored.manifest.spent_real_usd, 0);
  assert.ok(logs.some((line) => line.includes("rescoring: 4 responses")), logs.join("\n"));
  assert.ok(logs.some((line) => line.startsWith("cost estimate:")), logs.join("\n"));
});
