/** Record counts of one imported log file: read, imported, bad and skipped. */
export interface FileStats {
  file: string;
  /** Records read: lines (JSONL), data rows (CSV) or spans (OpenTelemetry). */
  records: number;
  imported: number;
  bad: number;
  /** Records left out on purpose (not a model call), per reason. Not errors. */
  skipped: Record<string, number>;
}

/** Returns empty stats for `file`. */
export function emptyFileStats(file: string): FileStats {
  return { file, records: 0, imported: 0, bad: 0, skipped: {} };
}
