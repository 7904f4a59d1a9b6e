import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { loadTrials } from "../../lib/analysis/load_trials.ts";
import { EVENTS_COLUMN, loadTrialsFast } from "../../lib/report/load_trials_fast.ts";
import { makeFakeRun, trialRecord, writeTrials } from "./make_fake_run.ts";

async function fakeRun(): Promise<string> {
  return await makeFakeRun(await Deno.makeTempDir({ prefix: "fast-" }));
}

Deno.test("loadTrialsFast with events matches loadTrials on a run", async () => {
  const runDir = await fakeRun();
  const { trials } = await loadTrialsFast(runDir, { withEvents: true });
  assert.equal((await loadTrials(runDir)).frameEqual(trials.drop(EVENTS_COLUMN), true), true);
});

Deno.test("loadTrialsFast without events leaves only event_count unknown", async () => {
  const runDir = await fakeRun();
  const { trials } = await loadTrialsFast(runDir);
  assert.equal((await loadTrials(runDir)).drop("event_count").frameEqual(trials.drop("event_count"), true), true);
});

Deno.test("loadTrialsFast reads the jsonl with polars", async () => {
  assert.equal((await loadTrialsFast(await fakeRun())).source, "jsonl-polars");
});

Deno.test("loadTrialsFast events column holds the events as JSON text", async () => {
  const { trials } = await loadTrialsFast(await fakeRun(), { withEvents: true });
  const events = JSON.parse(String(trials.getColumn(EVENTS_COLUMN).get(0)));
  assert.deepEqual(events.map((e: { kind: string }) => e.kind).slice(0, 2), ["response-headers", "text-delta"]);
});

Deno.test("loadTrialsFast counts events", async () => {
  const { trials } = await loadTrialsFast(await fakeRun(), { withEvents: true });
  assert.equal(trials.getColumn("event_count").get(0), 8);
});

Deno.test("loadTrialsFast marks only the last attempt final", async () => {
  const dir = await Deno.makeTempDir({ prefix: "fast-" });
  const first = trialRecord({ model: "openai:a", dataset: "d", item_id: "i", attempt: 1 });
  const second = trialRecord({ model: "openai:a", dataset: "d", item_id: "i", attempt: 2 });
  await writeTrials(dir, [second, first]);
  const { trials } = await loadTrialsFast(dir);
  assert.deepEqual(trials.getColumn("is_final_attempt").toArray(), [true, false]);
});

Deno.test("loadTrialsFast reuses a newer parquet cache", async () => {
  const runDir = await fakeRun();
  const cacheFile = `${runDir}/cache.parquet`;
  (await loadTrialsFast(runDir)).trials.writeParquet(cacheFile);
  assert.equal((await loadTrialsFast(runDir, { cacheFile })).source, "parquet-cache");
});

Deno.test("loadTrialsFast ignores a cache older than the jsonl", async () => {
  const runDir = await fakeRun();
  const cacheFile = `${runDir}/cache.parquet`;
  (await loadTrialsFast(runDir)).trials.writeParquet(cacheFile);
  const old = new Date(Date.now() - 60_000);
  await Deno.utime(cacheFile, old, old);
  assert.equal((await loadTrialsFast(runDir, { cacheFile })).source, "jsonl-polars");
});

Deno.test("loadTrialsFast broken line is reported with its line number", async () => {
  const dir = await Deno.makeTempDir({ prefix: "fast-" });
  const ok = JSON.stringify(trialRecord({ model: "openai:a", dataset: "d", item_id: "i" }));
  await Deno.writeTextFile(`${dir}/trials.jsonl`, `${ok}\n{"model": "openai:a", "dataset": \n`);
  await assert.rejects(loadTrialsFast(dir), /trials\.jsonl:2/);
});

Deno.test("loadTrialsFast wrong type falls back to the line-by-line error", async () => {
  const dir = await Deno.makeTempDir({ prefix: "fast-" });
  const bad = { ...trialRecord({ model: "openai:a", dataset: "d", item_id: "i" }), ttft_ms: "fast" };
  await Deno.writeTextFile(`${dir}/trials.jsonl`, JSON.stringify(bad) + "\n");
  await assert.rejects(loadTrialsFast(dir), /trials\.jsonl:1: field "ttft_ms"/);
});

Deno.test("loadTrialsFast missing file names trials.jsonl", async () => {
  const dir = await Deno.makeTempDir({ prefix: "fast-" });
  await assert.rejects(loadTrialsFast(dir), /trials\.jsonl: does not exist/);
});

Deno.test("loadTrialsFast keeps the declared column types", async () => {
  const { trials } = await loadTrialsFast(await fakeRun());
  assert.equal(String(trials.getColumn("input_tokens").dtype), String(pl.Int64));
});
