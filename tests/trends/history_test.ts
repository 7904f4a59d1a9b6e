import assert from "node:assert/strict";
import { join } from "node:path";
import { appendHistory } from "../../lib/trends/history/append_history.ts";
import { comparableSettings, hashSettings } from "../../lib/trends/history/comparable_settings.ts";
import { compareHistoryEntries } from "../../lib/trends/history/compare_history_entries.ts";
import type { HistoryEntry } from "../../lib/trends/history/history_entry.ts";
import { readHistory } from "../../lib/trends/history/read_history.ts";
import { selectComparableRuns } from "../../lib/trends/history/select_comparable_runs.ts";

const SPEC = {
  name: "nightly",
  description: "first words",
  models: ["openai:gpt-4o"],
  repetitions: 1,
  emulator: { seed: 1, profiles: "/tmp/a.json", replay: null },
};

function entry(
  runId: string,
  startedAt: string,
  spec: Record<string, unknown> = SPEC,
  datasets: Record<string, string> = { "json-extraction": "aa11" },
): HistoryEntry {
  const settings = comparableSettings(spec);
  return {
    schema_version: 1,
    run_id: runId,
    spec_name: "nightly",
    started_at: startedAt,
    finished_at: startedAt,
    status: "completed",
    run_dir: `/runs/${runId}`,
    spec_hash: hashSettings(settings),
    settings,
    dataset_hashes: datasets,
    endpoints: { "openai:gpt-4o": "emulated" },
    models: [],
  };
}

Deno.test("comparableSettings drops name, description and profiles", () => {
  assert.deepEqual(comparableSettings(SPEC), { models: ["openai:gpt-4o"], repetitions: 1, emulator: { seed: 1, replay: null } });
});

Deno.test("hashSettings ignores key order", () => {
  assert.equal(hashSettings({ a: 1, b: { c: 2, d: 3 } }), hashSettings({ b: { d: 3, c: 2 }, a: 1 }));
});

Deno.test("compareHistoryEntries finds no difference for a renamed spec", () => {
  const renamed = { ...SPEC, name: "other", description: "new words", emulator: { ...SPEC.emulator, profiles: "/tmp/b.json" } };
  assert.deepEqual(compareHistoryEntries(entry("r1", "2026-03-01"), entry("r2", "2026-03-02", renamed)), []);
});

Deno.test("compareHistoryEntries lists setting and dataset differences", () => {
  const changed = entry("r2", "2026-03-02", { ...SPEC, repetitions: 3 }, { "json-extraction": "bb22", "sql-sqlite": "cc33" });
  assert.deepEqual(compareHistoryEntries(entry("r1", "2026-03-01"), changed), [
    "spec.repetitions: 1 → 3",
    "dataset json-extraction: sha256 aa11 → sha256 bb22",
    "dataset sql-sqlite: only in the later run (sha256 cc33)",
  ]);
});

Deno.test("compareHistoryEntries lists endpoint differences", () => {
  const real = { ...entry("r2", "2026-03-02"), endpoints: { "openai:gpt-4o": "real" } };
  assert.deepEqual(compareHistoryEntries(entry("r1", "2026-03-01"), real), ["endpoint of openai:gpt-4o: emulated → real"]);
});

Deno.test("selectComparableRuns keeps runs like the latest", () => {
  const entries = [
    entry("r1", "2026-03-01", { ...SPEC, repetitions: 2 }),
    entry("r2", "2026-03-02"),
    { ...entry("r3", "2026-03-03"), status: "interrupted" as const },
    entry("r4", "2026-03-04"),
  ];
  const { comparable, excluded } = selectComparableRuns(entries);
  assert.deepEqual(comparable.map((e) => e.run_id), ["r2", "r4"]);
  assert.deepEqual(excluded.map((e) => [e.entry.run_id, e.differences]), [
    ["r1", ["spec.repetitions: 2 → 1"]],
    ["r3", ["run status is interrupted, not completed"]],
  ]);
});

Deno.test("history file round trip in time order", async () => {
  const path = join(await Deno.makeTempDir({ prefix: "history-" }), "nested", "nightly.jsonl");
  await appendHistory(path, entry("r2", "2026-03-02T00:00:00Z"));
  await appendHistory(path, entry("r1", "2026-03-01T00:00:00Z"));
  assert.deepEqual((await readHistory(path)).map((e) => e.run_id), ["r1", "r2"]);
});

Deno.test("readHistory of a missing file is empty", async () => {
  assert.deepEqual(await readHistory("/nonexistent/history.jsonl"), []);
});

Deno.test("readHistory names a broken line", async () => {
  const path = await Deno.makeTempFile({ suffix: ".jsonl" });
  await Deno.writeTextFile(path, JSON.stringify(entry("r1", "2026-03-01")) + "\n{oops\n");
  await assert.rejects(readHistory(path), new RegExp(`history ${path}:2 is not valid JSON`));
});
