import assert from "node:assert/strict";
import { join } from "node:path";
import { TrialStore } from "../../lib/runner/trial_store.ts";
import type { TrialRecord } from "../../lib/runner/record.ts";

const record = (id: string) => ({ trial_id: id }) as unknown as TrialRecord;

Deno.test("trial store drops a torn last line", async () => {
  const dir = await Deno.makeTempDir();
  const path = join(dir, "trials.jsonl");
  await Deno.writeTextFile(path, '{"trial_id":"a"}\n{"trial_id":"b"}\n{"trial_id":"c","ttf');

  const store = await TrialStore.open(path);
  assert.deepEqual(store.existing.map((r) => r.trial_id), ["a", "b"]);
  await store.append(record("c"));
  store.close();

  const lines = (await Deno.readTextFile(path)).trim().split("\n");
  assert.deepEqual(lines.map((line) => JSON.parse(line).trial_id), ["a", "b", "c"]);
});

Deno.test("trial store creates a missing file", async () => {
  const path = join(await Deno.makeTempDir(), "trials.jsonl");
  const store = await TrialStore.open(path);
  assert.equal(store.existing.length, 0);
  await store.append(record("x"));
  store.close();
  assert.equal((await Deno.readTextFile(path)).trim(), '{"trial_id":"x"}');
});
