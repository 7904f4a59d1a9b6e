import assert from "node:assert/strict";
import { join } from "node:path";
import { FAULT_KINDS } from "../../lib/emulator/fault_kinds.ts";
import { runBenchmark } from "../../lib/runner/run_benchmark.ts";
import type { TrialRecord } from "../../lib/runner/record.ts";
import { deriveLatencySummary } from "../../lib/analysis/derive_latency_summary.ts";
import type { ErrorClass } from "../../lib/providers/types.ts";
import { makeWorkspace, readLines, steadyProfile } from "./run_fixture.ts";

// Every fault kind at the same rate, 13/14 of requests in all, seeded by the emulator.
const rates = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 1 / 14]));
const faults = { rates, retry_after_ms: 50 };

const CLASSES: ErrorClass[] = [
  "rate_limited",
  "overloaded",
  "context_length_exceeded",
  "auth",
  "timeout_first_token",
  "timeout_total",
  "network",
  "server",
  "invalid_response",
  "empty_output",
  "content_filter",
];

Deno.test("fault injection run records every error class", async () => {
  const workspace = await makeWorkspace({
    "fault-gpt": steadyProfile("openai", 20, { faults }),
    "fault-claude": steadyProfile("anthropic", 20, { faults }),
    "fault-gemini": steadyProfile("google", 20, { faults }),
  }, 8);
  const spec = workspace.spec({
    models: ["openai:fault-gpt", "anthropic:fault-claude", "google:fault-gemini"],
    repetitions: 5,
    concurrency: 32,
    max_output_tokens: 16,
    timeouts: { first_token_ms: 500, total_ms: 3000, idle_ms: 400 },
    retries: { max_retries: 1, base_delay_ms: 20, max_delay_ms: 200 },
  });
  const result = await runBenchmark({ spec, runsDir: workspace.runsDir, datasetsDir: workspace.datasetsDir });
  const attempts = await readLines<TrialRecord>(join(result.runDir, "attempts.jsonl"));
  const recorded = new Set<ErrorClass | null>([...result.records, ...attempts].map((record) => record.error_class));

  assert.equal(result.manifest.status, "completed");
  assert.equal(result.records.length, 120);
  for (const errorClass of CLASSES) assert.ok(recorded.has(errorClass), `no ${errorClass} recorded; saw ${[...recorded].join(", ")}`);
  assert.ok(attempts.length > 0, "retried attempts are kept in attempts.jsonl");
  assert.ok(attempts.every((attempt) => attempt.status === "error"), "only failed attempts are retried");

  for (const summary of deriveLatencySummary(result.records)) {
    const model = String(summary.group.model);
    assert.ok(summary.ok > 0, `${model}: no trial succeeded`);
    assert.ok(summary.ok < summary.live, `${model}: no trial failed`);
    const okE2e = result.records.filter((record) => record.model === model && record.status === "ok").map((record) => record.e2e_ms!);
    assert.equal(summary.metrics.e2e_ms.n, okE2e.length, `${model}: only successful trials enter latency statistics`);
  }
});
