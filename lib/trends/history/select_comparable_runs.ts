import { compareHistoryEntries } from "./compare_history_entries.ts";
import type { HistoryEntry } from "./history_entry.ts";

/** Runs that can be compared with the latest run, and the others with what differs. */
export interface ComparableRuns {
  comparable: HistoryEntry[];
  excluded: { entry: HistoryEntry; differences: string[] }[];
}

/**
 * Splits a history into the runs comparable with its latest completed run (same spec settings,
 * dataset hashes and endpoint kinds) and the rest, each with the list of differences.
 * Interrupted runs are excluded because they measured only part of the spec.
 */
export function selectComparableRuns(entries: readonly HistoryEntry[]): ComparableRuns {
  if (!Array.isArray(entries)) throw new TypeError("selectComparableRuns: entries must be an array of history entries");
  const completed = entries.filter((entry) => entry.status === "completed");
  const latest = completed.at(-1);
  const result: ComparableRuns = { comparable: [], excluded: [] };
  for (const entry of entries) {
    if (entry.status !== "completed") {
      result.excluded.push({ entry, differences: [`run status is ${entry.status}, not completed`] });
      continue;
    }
    const differences = compareHistoryEntries(entry, latest!);
    if (differences.length === 0) result.comparable.push(entry);
    else result.excluded.push({ entry, differences });
  }
  return result;
}
