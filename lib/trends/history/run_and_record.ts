import { join } from "node:path";
import { runBenchmark, type RunOptions } from "../../runner/run_benchmark.ts";
import { appendHistory } from "./append_history.ts";
import { buildHistoryEntry } from "./build_history_entry.ts";
import { compareHistoryEntries } from "./compare_history_entries.ts";
import type { HistoryEntry } from "./history_entry.ts";
import { readHistory } from "./read_history.ts";

const REPO_ROOT = new URL("../../../", import.meta.url).pathname;

/** Options of {@link runAndRecord}: the runner's options plus where the history lives. */
export interface RecordOptions extends RunOptions {
  /** Default: `reports/history` in the repository. */
  historyDir?: string;
}

/** The recorded run and how it relates to the run before it. */
export interface RecordedRun {
  entry: HistoryEntry;
  historyPath: string;
  /** The latest completed run recorded before this one, or null for the first. */
  previous: HistoryEntry | null;
  /** Differences from `previous` (settings, datasets, endpoints); empty when the two runs are comparable. */
  differences: string[];
}

/**
 * Runs a spec once with `runBenchmark`, appends the run to `<historyDir>/<spec name>.jsonl`
 * and compares it with the latest completed run already there.
 */
export async function runAndRecord(options: RecordOptions): Promise<RecordedRun> {
  if (options === null || typeof options !== "object" || options.spec === undefined) {
    throw new TypeError("runAndRecord: options.spec is required (a validated spec from loadSpec)");
  }
  const historyPath = join(options.historyDir ?? join(REPO_ROOT, "reports", "history"), `${options.spec.name}.jsonl`);
  const before = await readHistory(historyPath);
  const { runDir, manifest } = await runBenchmark(options);
  const entry = await buildHistoryEntry(runDir, manifest);
  await appendHistory(historyPath, entry);
  const previous = before.filter((e) => e.status === "completed").at(-1) ?? null;
  return { entry, historyPath, previous, differences: previous === null ? [] : compareHistoryEntries(previous, entry) };
}
