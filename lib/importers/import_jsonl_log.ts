import type { BadRowLog } from "./bad_row_log.ts";
import { emptyFileStats, type FileStats } from "./file_stats.ts";
import { normaliseRequestRow } from "./normalise_request_row.ts";
import { readLines } from "./read_lines.ts";
import { RowError } from "./row_error.ts";
import type { TrialCollector } from "./trial_collector.ts";

/**
 * Imports a JSONL request log: one JSON object per line with the fields of
 * `REQUEST_LOG_FIELDS`. Blank lines are skipped. A line that is not JSON, not an object, or
 * breaks a rule of `normaliseRequestRow` goes to `badRows` with its line number, and the
 * import continues. Streams the file.
 */
export async function importJsonlLog(path: string, collector: TrialCollector, badRows: BadRowLog): Promise<FileStats> {
  const stats = emptyFileStats(path);
  for await (const { line, text } of readLines(path)) {
    if (text.trim() === "") continue;
    stats.records++;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      stats.bad++;
      badRows.add(path, line, "line is not valid JSON", "line is not valid JSON");
      continue;
    }
    try {
      collector.add(normaliseRequestRow(record as Record<string, unknown>), `${path}:${line}`);
      stats.imported++;
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      stats.bad++;
      badRows.add(path, line, error.reason, error.rule);
    }
  }
  return stats;
}
