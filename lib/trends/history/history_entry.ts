import type { PeriodMetric } from "../period_metric.ts";

/** Version of the history line layout. */
export const HISTORY_SCHEMA_VERSION = 1;

/**
 * One line of `reports/history/<spec-name>.jsonl`: a finished run of the spec, with what
 * decides whether two runs can be compared and a per-model summary of the run.
 */
export interface HistoryEntry {
  schema_version: number;
  run_id: string;
  spec_name: string;
  /** When the run started and finished, ISO 8601. */
  started_at: string;
  finished_at: string | null;
  status: "running" | "completed" | "interrupted";
  run_dir: string;
  /** sha256 of the spec settings that must match for runs to be comparable (see `comparableSettings`). */
  spec_hash: string;
  /** Those settings, so the differences between two runs can be listed. */
  settings: Record<string, unknown>;
  /** sha256 of each dataset file, by dataset name. */
  dataset_hashes: Record<string, string>;
  /** Endpoint kind per model ref, as the run recorded it. */
  endpoints: Record<string, string>;
  /** Per-model metrics of the run; `period` is the run id. */
  models: PeriodMetric[];
}
