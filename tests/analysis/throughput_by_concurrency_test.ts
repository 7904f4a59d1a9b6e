import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { loadTrials } from "../../lib/analysis/load_trials.ts";
import { peakInFlight } from "../../lib/analysis/peak_in_flight.ts";
import { peakInFlightColumns } from "../../lib/analysis/peak_in_flight_columns.ts";
import { splitRunByPhase } from "../../lib/analysis/split_run_by_phase.ts";
import { throughputByConcurrency } from "../../lib/analysis/throughput_by_concurrency.ts";
import type { RunManifest } from "../../lib/runner/manifest.ts";
import { trialRecord, writeTrials } from "../report/make_fake_run.ts";

// 20 requests of 1,000 ms each, sent `width` at a time.
async function run(width: number) {
  const records = Array.from({ length: 20 }, (_, i) => {
    const send = Math.floor(i / width) * 1000;
    return trialRecord({
      model: "openai:gpt-4o",
      dataset: "d",
      item_id: `i${i}`,
      send_ms: send,
      end_ms: send + 1000,
      e2e_ms: 1000,
      ttft_ms: 300,
      output_tokens: 50,
    });
  });
  const dir = await Deno.makeTempDir({ prefix: "throughput-" });
  await writeTrials(dir, records);
  return await loadTrials(dir);
}

Deno.test("throughputByConcurrency limit of 4 over 20 requests", async () => {
  // ⌈20 / 4⌉ × 1,000 ms = 5,000 ms; 20 requests / 5 s = 4.0 per second; peak 4 in flight.
  const [row] = throughputByConcurrency([{ label: "c4", configured_concurrency: 4, trials: await run(4) }]);
  assert.deepEqual([row.window_ms, row.requests_per_s, row.observed_peak_in_flight, row.limit_exceeded], [5000, 4, 4, false]);
});

Deno.test("throughputByConcurrency output tokens per second", async () => {
  // 20 × 50 tokens / 5 s = 200 tokens per second.
  const [row] = throughputByConcurrency([{ label: "c4", configured_concurrency: 4, trials: await run(4) }]);
  assert.equal(row.output_tokens_per_s, 200);
});

Deno.test("throughputByConcurrency unenforced limit is flagged", async () => {
  // Every request sent at once: peak 20, window 1,000 ms, although the limit is 4.
  const [row] = throughputByConcurrency([{ label: "bug", configured_concurrency: 4, trials: await run(20) }]);
  assert.deepEqual([row.observed_peak_in_flight, row.window_ms, row.limit_exceeded], [20, 1000, true]);
});

Deno.test("throughputByConcurrency keeps the recorded peak beside the observed one", async () => {
  const trials = await run(4);
  const [row] = throughputByConcurrency([{ label: "c4", configured_concurrency: 4, trials, recorded_peak_in_flight: 4 }]);
  assert.deepEqual([row.configured_label, row.recorded_peak_in_flight, row.observed_peak_in_flight], ["4", 4, 4]);
});

Deno.test("throughputByConcurrency sorts by limit with unbounded last", async () => {
  const rows = throughputByConcurrency([
    { label: "all", configured_concurrency: null, trials: await run(20) },
    { label: "c4", configured_concurrency: 4, trials: await run(4) },
    { label: "c2", configured_concurrency: 2, trials: await run(2) },
  ]);
  assert.deepEqual(rows.map((r) => `${r.configured_label}:${r.requests_per_s}`), ["2:2", "4:4", "unbounded:20"]);
});

Deno.test("throughputByConcurrency rejects a limit of 0", async () => {
  const trials = await run(4);
  assert.throws(() => throughputByConcurrency([{ label: "zero", configured_concurrency: 0, trials }]), /null for no limit/);
});

Deno.test("peakInFlight touching intervals do not overlap", () => {
  assert.equal(peakInFlight([{ start: 0, end: 10 }, { start: 10, end: 20 }]), 1);
});

Deno.test("peakInFlight counts overlapping intervals", () => {
  assert.equal(peakInFlight([{ start: 0, end: 10 }, { start: 5, end: 15 }, { start: 9, end: 20 }]), 3);
});

Deno.test("splitRunByPhase one entry per sweep level", async () => {
  // Phase 0 runs 2 at a time, phase 1 runs 4 at a time; each phase's trials carry its index.
  const records = [2, 4].flatMap((width, phase) =>
    Array.from({ length: 8 }, (_, i) => {
      const send = 100_000 * phase + Math.floor(i / width) * 1000;
      return trialRecord({ model: "openai:gpt-4o", dataset: "d", item_id: `p${phase}-${i}`, send_ms: send, end_ms: send + 1000, phase });
    })
  );
  const dir = await Deno.makeTempDir({ prefix: "sweep-" });
  await writeTrials(dir, records);
  const phase = (index: number, concurrency: number) => ({
    index,
    mode: "closed" as const,
    concurrency,
    rate_per_s: null,
    arrival: null,
    trials_planned: 8,
    trials_run: 8,
    started_ms: null,
    ended_ms: null,
    peak_in_flight: concurrency,
  });
  const manifest = { run_id: "sweep", spec: {}, peak_in_flight: 4, phases: [phase(0, 2), phase(1, 4)] } as unknown as RunManifest;
  const rows = throughputByConcurrency(splitRunByPhase(manifest, await loadTrials(dir)));
  // 8 requests of 1 s: 2 at a time take 4 s (2 per second), 4 at a time take 2 s (4 per second).
  assert.deepEqual(rows.map((r) => [r.configured_concurrency, r.observed_peak_in_flight, r.requests_per_s]), [[2, 2, 2], [4, 4, 4]]);
});

Deno.test("splitRunByPhase run without phases uses the spec concurrency", async () => {
  const manifest = { run_id: "plain", spec: { concurrency: 4 }, peak_in_flight: 4 } as unknown as RunManifest;
  const [entry] = splitRunByPhase(manifest, await run(4));
  assert.deepEqual([entry.configured_concurrency, entry.recorded_peak_in_flight], [4, 4]);
});

Deno.test("peakInFlightColumns 200,000 requests two at a time", () => {
  const starts = Float64Array.from({ length: 200_000 }, (_, i) => Math.floor(i / 2) * 10);
  const ends = starts.map((s) => s + 10);
  assert.equal(peakInFlightColumns(starts, ends), 2);
});

Deno.test("peakInFlightColumns rejects an end before its start", () => {
  assert.throws(() => peakInFlightColumns([0, 5], [10, 4]), /request 1/);
});

Deno.test("throughputByConcurrency median ttft skips trials without ttft", async () => {
  const trials = await run(4);
  const [row] = throughputByConcurrency([{ label: "c4", configured_concurrency: 4, trials: trials.withColumns(pl.lit(null).cast(pl.Float64).alias("ttft_ms")) }]);
  assert.equal(row.ttft_p50_ms, null);
});
