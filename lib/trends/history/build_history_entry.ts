import { loadTrials } from "../../analysis/load_trials.ts";
import type { RunManifest } from "../../runner/manifest.ts";
import { periodMetrics } from "../period_metrics.ts";
import { withRunPeriod } from "../with_periods.ts";
import { comparableSettings, hashSettings } from "./comparable_settings.ts";
import { HISTORY_SCHEMA_VERSION, type HistoryEntry } from "./history_entry.ts";

/**
 * Builds the history line of a finished run from its folder and manifest: the comparability
 * facts (settings hash, dataset hashes, endpoints) and per-model metrics of its trials.
 */
export async function buildHistoryEntry(runDir: string, manifest: RunManifest): Promise<HistoryEntry> {
  if (typeof runDir !== "string" || runDir === "") throw new TypeError("buildHistoryEntry: runDir must be the run's folder");
  if (manifest === null || typeof manifest !== "object" || typeof manifest.run_id !== "string") {
    throw new TypeError("buildHistoryEntry: manifest must be the run's run.json");
  }
  const trials = withRunPeriod(await loadTrials(runDir), manifest.run_id, manifest.started_at);
  const settings = comparableSettings(manifest.spec);
  return {
    schema_version: HISTORY_SCHEMA_VERSION,
    run_id: manifest.run_id,
    spec_name: String(manifest.spec.name ?? ""),
    started_at: manifest.started_at,
    finished_at: manifest.finished_at,
    status: manifest.status,
    run_dir: runDir,
    spec_hash: hashSettings(settings),
    settings,
    dataset_hashes: Object.fromEntries(manifest.datasets.map((dataset) => [dataset.name, dataset.sha256])),
    endpoints: { ...manifest.endpoints },
    models: periodMetrics(trials),
  };
}
