import assert from "node:assert/strict";
import { TrialFrameBuilder } from "../../lib/analysis/trial_frame_builder.ts";
import { TrialsFileError } from "../../lib/analysis/trials_file_error.ts";

function record(item: string, attempt = 1, extra: Record<string, unknown> = {}) {
  return { model: "openai:gpt-4o", dataset: "d", item_id: item, attempt, status: "ok", ttft_ms: attempt * 100, ...extra };
}

function build(records: Record<string, unknown>[], chunkRows: number) {
  const builder = new TrialFrameBuilder("trials.jsonl", chunkRows);
  records.forEach((r, i) => builder.add(r, i + 1));
  return builder.finish();
}

const RECORDS = [record("a"), record("b"), record("a", 2), record("c"), record("b", 2, { status: "error" })];

Deno.test("TrialFrameBuilder chunks give the same frame as one chunk", () => {
  assert.equal(build(RECORDS, 2).frameEqual(build(RECORDS, 1000), true), true);
});

Deno.test("TrialFrameBuilder marks final attempts across chunks", () => {
  assert.deepEqual(build(RECORDS, 2).getColumn("is_final_attempt").toArray(), [false, false, true, true, true]);
});

Deno.test("TrialFrameBuilder equal attempts: the later record is final", () => {
  assert.deepEqual(build([record("a"), record("a")], 1).getColumn("is_final_attempt").toArray(), [false, true]);
});

Deno.test("TrialFrameBuilder rejected record leaves no row", () => {
  const builder = new TrialFrameBuilder("trials.jsonl", 10);
  builder.add(record("a"), 1);
  assert.throws(() => builder.add(record("b", 1, { ttft_ms: "slow" }), 2), TrialsFileError);
  builder.add(record("c"), 3);
  assert.deepEqual(builder.finish().getColumn("item_id").toArray(), ["a", "c"]);
});

Deno.test("TrialFrameBuilder null column in one chunk keeps values of another", () => {
  const frame = build([record("a", 1, { cost_usd: null }), record("b", 1, { cost_usd: 0.5 })], 1);
  assert.deepEqual(frame.getColumn("cost_usd").toArray(), [null, 0.5]);
});

Deno.test("TrialFrameBuilder counts events", () => {
  const frame = build([record("a", 1, { events: [{ kind: "end" }, { kind: "end" }] })], 10);
  assert.equal(frame.getColumn("event_count").get(0), 2);
});

Deno.test("TrialFrameBuilder rejects a chunk size of 0", () => {
  assert.throws(() => new TrialFrameBuilder("trials.jsonl", 0), /chunkRows/);
});
