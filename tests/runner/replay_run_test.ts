import assert from "node:assert/strict";
import { join } from "node:path";
import { runBenchmark } from "../../lib/runner/run_benchmark.ts";
import type { TrialRecord } from "../../lib/runner/record.ts";
import type { RecordedStream } from "../../lib/runner/recorded_stream.ts";
import { makeWorkspace, readLines, steadyProfile } from "./run_fixture.ts";

const faults = { rates: { server_500: 0.15, midstream_error: 0.1, drop: 0.1, empty_output: 0.05 }, retry_after_ms: 10 };

Deno.test("replayed run reproduces outputs, errors and timing", async () => {
  const workspace = await makeWorkspace({
    "jittery-gpt": steadyProfile("openai", 80, { jitter: 0.4, output_tokens_per_s: 300, faults }),
    "jittery-claude": steadyProfile("anthropic", 60, { jitter: 0.4, output_tokens_per_s: 300, faults }),
    "jittery-gemini": steadyProfile("google", 40, { jitter: 0.4, output_tokens_per_s: 300, faults }),
  }, 8);
  const fields = {
    models: ["openai:jittery-gpt", "anthropic:jittery-claude", "google:jittery-gemini"],
    concurrency: 8,
    max_output_tokens: 24,
    retries: { max_retries: 1, base_delay_ms: 10, max_delay_ms: 50 },
  };
  const recorded = await runBenchmark({
    spec: workspace.spec({ ...fields, record_streams: true }),
    runsDir: workspace.runsDir,
    datasetsDir: workspace.datasetsDir,
  });
  const streams = await readLines<RecordedStream>(join(recorded.runDir, "streams.jsonl"));
  const retried = await readLines<TrialRecord>(join(recorded.runDir, "attempts.jsonl"));

  const replayed = await runBenchmark({
    spec: workspace.spec({ ...fields, emulator: { replay: recorded.runDir } }),
    runsDir: workspace.runsDir,
    datasetsDir: workspace.datasetsDir,
  });
  const byId = new Map(replayed.records.map((record) => [record.trial_id, record]));

  assert.equal(streams.length, recorded.records.length + retried.length, "one recorded stream per attempt");
  assert.equal(replayed.manifest.emulator?.replay, recorded.runDir);
  assert.ok(recorded.records.some((record) => record.status === "error"), "the recorded run has failures to replay");
  const ttftDiffs: number[] = [];
  for (const original of recorded.records) {
    const copy = byId.get(original.trial_id)!;
    assert.equal(copy.status, original.status, original.trial_id);
    assert.equal(copy.error_class, original.error_class, original.trial_id);
    assert.equal(copy.attempt, original.attempt, original.trial_id);
    assert.equal(copy.output_text, original.output_text, original.trial_id);
    assert.equal(copy.output_tokens, original.output_tokens, original.trial_id);
    if (original.status === "ok") ttftDiffs.push(Math.abs(copy.ttft_ms! - original.ttft_ms!));
  }
  const meanDiff = ttftDiffs.reduce((sum, diff) => sum + diff, 0) / ttftDiffs.length;
  assert.ok(meanDiff < 10, `replayed TTFT differs by ${meanDiff.toFixed(2)} ms on average`);
  assert.ok(Math.max(...ttftDiffs) < 40, `replayed TTFT differs by up to ${Math.max(...ttftDiffs).toFixed(2)} ms`);
});
