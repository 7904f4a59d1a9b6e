import assert from "node:assert/strict";
import { deriveRequestMetrics } from "../../lib/analysis/derive_request_metrics.ts";
import { deriveChunkGaps } from "../../lib/analysis/derive_chunk_gaps.ts";
import { deriveLatencySummary } from "../../lib/analysis/derive_latency_summary.ts";
import type { RawTrial } from "../../lib/analysis/derive_raw_frames.ts";
import type { RecordedEvent } from "../../lib/runner/record.ts";

/** Builds a successful trial record sent at 0 with the given content events (ms, chars) and end time. */
function trial(id: string, content: [number, number][], endMs: number, extra: Partial<RawTrial> = {}): RawTrial {
  const events: RecordedEvent[] = [
    { kind: "response-headers", t_ms: 20, chars: 0 },
    { kind: "text-delta", t_ms: 25, chars: 0 },
    ...content.map(([t_ms, chars]): RecordedEvent => ({ kind: "text-delta", t_ms, chars })),
    { kind: "usage", t_ms: endMs, chars: 0 },
    { kind: "end", t_ms: endMs, chars: 0 },
  ];
  return { trial_id: id, model: "m1", status: "ok", scheduled_ms: 0, send_ms: 0, end_ms: endMs, events, ...extra };
}

const close = (actual: unknown, expected: number, what: string) =>
  assert.ok(Math.abs(Number(actual) - expected) < 1e-6, `${what} is ${actual}, expected ${expected}`);

// Four chunks carrying 1, 3, 4 and 2 tokens; the server reports 10 output tokens in all.
const COALESCED = trial("coalesced", [[300, 3], [420, 16], [540, 20], [600, 5]], 602, { output_tokens: 10 });

Deno.test("chunk gaps are per chunk, not per token", () => {
  const gaps = deriveChunkGaps([COALESCED]).getColumn("gap_ms").toArray();

  assert.deepEqual(gaps, [120, 120, 60]);
  close(gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length, 100, "mean chunk gap");
});

Deno.test("tpot divides decode time by output tokens minus one", () => {
  const [row] = deriveRequestMetrics([COALESCED]).toRecords();

  close(row.tpot_ms, (600 - 300) / (10 - 1), "tpot_ms");
  assert.equal(row.decode_tokens, 10);
  assert.equal(row.content_chunks, 4);
  close(row.tokens_per_chunk, 2.5, "tokens_per_chunk");
});

Deno.test("tpot is null for a single output token", () => {
  const [row] = deriveRequestMetrics([trial("one", [[300, 5]], 310, { output_tokens: 1 })]).toRecords();

  assert.equal(row.tpot_ms, null);
  assert.equal(row.output_tps, null);
});

Deno.test("output speed excludes time to first token", () => {
  const long = trial("long-prompt", [[2000, 4], [4000, 4]], 4010, { output_tokens: 201, input_tokens: 30_000 });
  const [row] = deriveRequestMetrics([long]).toRecords();

  close(row.output_tps, (201 - 1) / ((4000 - 2000) / 1000), "output_tps (decode rate)");
  assert.ok(Math.abs(Number(row.e2e_output_tps) - 201 / 4.01) < 0.01, `e2e_output_tps ${row.e2e_output_tps}`);
});

Deno.test("hidden reasoning tokens leave the decode rate", () => {
  const hidden = trial("hidden", [[1000, 10], [1100, 10]], 1110, { output_tokens: 61, reasoning_tokens: 50 });
  const [row] = deriveRequestMetrics([hidden]).toRecords();

  assert.equal(row.decode_tokens, 11);
  close(row.tpot_ms, 100 / 10, "tpot_ms");
});

Deno.test("ttft of zero survives derivation", () => {
  const instant = trial("instant", [[0, 1], [9, 1]], 20, { output_tokens: 2 });
  const [row] = deriveRequestMetrics([instant]).toRecords();
  const [summary] = deriveLatencySummary([instant]);

  assert.equal(row.ttft_ms, 0);
  assert.equal(summary.metrics.ttft_ms.n, 1);
  assert.equal(summary.metrics.ttft_ms.min, 0);
});

Deno.test("failed requests stay out of latency statistics", () => {
  const records: RawTrial[] = [1800, 2000, 2200, 2400].map((e2e, i) => trial(`ok-${i}`, [[e2e / 2, 4]], e2e));
  records.push({ trial_id: "server-500", model: "m1", status: "error", error_class: "server", send_ms: 0, end_ms: 40, events: [] });
  records.push({ trial_id: "timeout", model: "m1", status: "error", error_class: "timeout_first_token", send_ms: 0, end_ms: 30_000, events: [] });
  const [summary] = deriveLatencySummary(records);

  close(summary.success_rate, 4 / 6, "success rate");
  assert.deepEqual(summary.errors, { server: 1, timeout_first_token: 1 });
  assert.equal(summary.metrics.e2e_ms.n, 4);
  close(summary.metrics.e2e_ms.mean, 2100, "mean e2e");
  close(summary.metrics.e2e_ms.min, 1800, "min e2e");
  close(summary.metrics.e2e_ms.p50, 2100, "p50 e2e");
});

Deno.test("cached trials stay out of latency statistics", () => {
  const live = [2400, 2600, 2200].map((e2e, i) => trial(`live-${i}`, [[e2e / 2, 4]], e2e));
  const cached: RawTrial[] = [
    { trial_id: "cached-1", model: "m1", status: "ok", cached: true, send_ms: 5, end_ms: 5, e2e_ms: 2500, events: [] },
    { trial_id: "cached-2", model: "m1", status: "ok", cached: true, send_ms: 6, end_ms: 6, ttft_ms: null, events: [] },
  ];
  const [summary] = deriveLatencySummary([...live, ...cached]);
  const rows = deriveRequestMetrics([...live, ...cached]).toRecords();

  close(summary.metrics.e2e_ms.mean, 2400, "mean e2e over live trials");
  assert.equal(summary.cached, 2);
  assert.equal(summary.live, 3);
  assert.equal(rows[3].e2e_ms, null);
  assert.equal(rows[3].original_e2e_ms, 2500);
  assert.equal(rows[4].original_e2e_ms, null);
});

Deno.test("p99 needs a hundred values", () => {
  const few = Array.from({ length: 20 }, (_, i) => trial(`t${i}`, [[100 + i, 3]], 200 + i));
  const many = Array.from({ length: 100 }, (_, i) => trial(`t${i}`, [[100 + i, 3]], 200 + i));

  assert.equal(deriveLatencySummary(few)[0].metrics.e2e_ms.p99, null);
  assert.notEqual(deriveLatencySummary(many)[0].metrics.e2e_ms.p99, null);
});

Deno.test("queue delay counts from scheduled to first send", () => {
  const retried = trial("late", [[900, 3]], 1000, { scheduled_ms: -250, first_send_ms: -200, send_ms: 0 });
  const [row] = deriveRequestMetrics([retried]).toRecords();

  assert.equal(row.queue_delay_ms, 50);
  assert.equal(row.e2e_from_scheduled_ms, 1250);
  assert.equal(row.user_e2e_ms, 1200);
  assert.equal(row.e2e_ms, 1000);
});
