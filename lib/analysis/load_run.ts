import type pl from "nodejs-polars";
import { readRunManifest } from "../report/read_run_manifest.ts";
import type { RunManifest } from "../runner/manifest.ts";
import { loadTrials } from "./load_trials.ts";

/** A recorded run: its manifest and its trials frame. */
export interface LoadedRun {
  runDir: string;
  manifest: RunManifest;
  trials: pl.DataFrame;
}

/**
 * Read a run folder's `run.json` and `trials.jsonl`. Throws the errors of
 * `readRunManifest` and `loadTrials`, which name the file and the fix.
 */
export async function loadRun(runDir: string): Promise<LoadedRun> {
  if (typeof runDir !== "string" || runDir === "") {
    throw new TypeError("loadRun: runDir must be a run folder such as reports/runs/<run-id>");
  }
  const manifest = await readRunManifest(runDir);
  const trials = await loadTrials(runDir);
  return { runDir, manifest, trials };
}
