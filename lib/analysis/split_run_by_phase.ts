import pl from "nodejs-polars";
import type { RunManifest } from "../runner/manifest.ts";
import type { ConcurrencyRun } from "./throughput_by_concurrency.ts";

/**
 * Split a run into one {@link ConcurrencyRun} per load phase, for `throughputByConcurrency`.
 * A run with a concurrency sweep has one phase per level in `run.json` (`phases`), and its
 * trials carry the phase index. A run without phases becomes a single entry with the spec's
 * concurrency and the recorded peak in flight.
 */
export function splitRunByPhase(manifest: RunManifest, trials: pl.DataFrame): ConcurrencyRun[] {
  if (!manifest || typeof manifest !== "object") throw new TypeError("splitRunByPhase: manifest must be the run's run.json");
  if (!trials || typeof trials.filter !== "function") {
    throw new TypeError("splitRunByPhase: trials must be the polars frame loadTrials returns");
  }
  const phases = manifest.phases ?? [];
  if (phases.length === 0) {
    const concurrency = manifest.spec?.concurrency;
    return [{
      label: manifest.run_id,
      configured_concurrency: typeof concurrency === "number" && concurrency >= 1 ? concurrency : null,
      trials,
      recorded_peak_in_flight: manifest.peak_in_flight ?? null,
    }];
  }
  return phases.map((phase) => ({
    label: `${manifest.run_id} phase ${phase.index}`,
    configured_concurrency: phase.concurrency,
    // Trials written before phases existed have no phase index; they belong to phase 0.
    trials: trials.filter(pl.col("phase").fillNull(pl.lit(0)).eq(pl.lit(phase.index))),
    recorded_peak_in_flight: phase.peak_in_flight,
  }));
}
