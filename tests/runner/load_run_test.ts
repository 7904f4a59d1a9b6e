import assert from "node:assert/strict";
import { runBenchmark } from "../../lib/runner/run_benchmark.ts";
import { deriveThroughput } from "../../lib/analysis/derive_throughput.ts";
import { deriveRequestMetrics } from "../../lib/analysis/derive_request_metrics.ts";
import { makeWorkspace, steadyProfile } from "./run_fixture.ts";

// Every request takes about 200 ms: first token at 200 ms, then a few fast tokens.
const workspace = await makeWorkspace({ steady: steadyProfile("openai-compatible", 200) });

Deno.test("closed loop holds concurrency 4", async () => {
  const spec = workspace.spec({ models: ["openai-compatible:steady"], repetitions: 4, concurrency: 4 });
  const result = await runBenchmark({ spec, runsDir: workspace.runsDir, datasetsDir: workspace.datasetsDir });
  const [phase] = result.manifest.phases!;
  const wallMs = phase.ended_ms! - phase.started_ms!;
  const [throughput] = deriveThroughput(result.records);

  assert.equal(result.records.length, 20);
  assert.equal(result.manifest.peak_in_flight, 4);
  assert.equal(phase.peak_in_flight, 4);
  assert.equal(phase.concurrency, 4);
  assert.ok(result.manifest.harness_load!.cpu_load > 0);
  assert.ok(result.manifest.harness_load!.loop_lag_p99_ms !== null);
  assert.deepEqual(result.manifest.transports, { "openai-compatible:steady": "socket" });
  // ceil(20 / 4) waves of about 200 ms each; an unbounded run would take about 200 ms.
  assert.ok(wallMs > 950, `wall time ${wallMs} ms`);
  assert.ok(wallMs < 1800, `wall time ${wallMs} ms`);
  assert.ok(throughput.requests_per_s! > 11, `throughput ${throughput.requests_per_s} req/s`);
  assert.ok(throughput.requests_per_s! < 21, `throughput ${throughput.requests_per_s} req/s`);
  assert.ok(result.records.every((record) => record.concurrency === 4 && record.load_mode === "closed"));
});

Deno.test("sweep records the level on every trial", async () => {
  const spec = workspace.spec({ models: ["openai-compatible:steady"], items_per_dataset: 2, repetitions: 2, load: { sweep: [1, 4] } });
  const result = await runBenchmark({ spec, runsDir: workspace.runsDir, datasetsDir: workspace.datasetsDir });
  const phases = result.manifest.phases!;

  assert.equal(result.manifest.trials_planned, 8);
  assert.equal(result.records.length, 8);
  assert.deepEqual(phases.map((phase) => phase.concurrency), [1, 4]);
  assert.deepEqual(phases.map((phase) => phase.peak_in_flight), [1, 4]);
  assert.equal(result.records.filter((record) => record.concurrency === 1 && record.phase === 0).length, 4);
  assert.equal(result.records.filter((record) => record.concurrency === 4 && record.phase === 1).length, 4);
  assert.equal(new Set(result.records.map((record) => record.trial_id)).size, 8);
  assert.ok(result.records.every((record) => /@c[14]$/.test(record.trial_id)));
});

Deno.test("open loop shows a saturated client as queue delay", async () => {
  // 20 arrivals per second but only 2 requests of 200 ms in flight: at most 10 per second get out.
  const spec = workspace.spec({
    models: ["openai-compatible:steady"],
    repetitions: 2,
    concurrency: 2,
    load: { mode: "open", rate_per_s: 20 },
  });
  const result = await runBenchmark({ spec, runsDir: workspace.runsDir, datasetsDir: workspace.datasetsDir });
  const rows = deriveRequestMetrics(result.records).sort("scheduled_ms").toRecords();
  const scheduled = rows.map((row) => Number(row.scheduled_ms));

  assert.equal(rows.length, 10);
  assert.equal(result.manifest.phases![0].mode, "open");
  assert.ok(Math.abs(scheduled[9] - scheduled[0] - 450) < 1e-6, `arrivals span ${scheduled[9] - scheduled[0]} ms`);
  assert.ok(Number(rows[0].queue_delay_ms) < 20, `first queue delay ${rows[0].queue_delay_ms}`);
  assert.ok(Number(rows[9].queue_delay_ms) > 400, `last queue delay ${rows[9].queue_delay_ms}`);
  assert.ok(Number(rows[9].e2e_from_scheduled_ms) > Number(rows[9].e2e_ms) + 400);
});
