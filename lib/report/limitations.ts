import type { RunSummary } from "../analysis/summary_types.ts";
import type { RunManifest } from "../runner/manifest.ts";
import { describeBusyHarness, harnessWasBusy } from "../runner/harness_load_monitor.ts";

/** Facts about a run that limit the meaning of its numbers. */
export interface LimitationFacts {
  manifest: RunManifest;
  summary: RunSummary;
  emulatedModels: string[];
  /** Successful trials whose server sent no usage. */
  missingUsage: number;
  /** Items with image input that ran; null when the dataset files could not be read. */
  imageItems: number | null;
  /** Needle items (context and depth tags) that ran; null when the dataset files could not be read. */
  needleItems: number | null;
}

/** Minimum successful trials per model for tail percentiles to be more than a rough guide. */
const STABLE_TAIL_N = 30;

/** List the limitations of a run's numbers, in plain sentences. */
export function limitations(facts: LimitationFacts): string[] {
  const { manifest, summary } = facts;
  const out: string[] = [];

  if (facts.emulatedModels.length > 0) {
    out.push(
      `${facts.emulatedModels.join(", ")} ran on the local emulator: latency, speed, usage and pass rates follow its ` +
        "model profiles, not the providers' servers.",
    );
  }
  const load = manifest.harness_load;
  if (load !== undefined && harnessWasBusy(load)) {
    out.push(
      `The benchmark process was busy while it measured: ${describeBusyHarness(load)}. Latencies of the trials in flight ` +
        "then include up to that much of the client's own queueing. Too many concurrent streams for one process, or very " +
        "large prompts built while others stream, cause it; deno task calibrate shows this machine's limits.",
    );
  }
  if (manifest.status !== "completed") {
    out.push(
      `The run is ${manifest.status}${manifest.stop_reason ? ` (${manifest.stop_reason})` : ""}: ` +
        `${summary.totals.n} of ${manifest.trials_planned} planned trials were recorded.`,
    );
  }

  const thin = summary.byModel.filter((m) => m.ok < STABLE_TAIL_N).map((m) => `${m.model} (${m.ok})`);
  if (thin.length > 0) {
    out.push(
      `Fewer than ${STABLE_TAIL_N} successful trials for ${thin.join(", ")}: p90 and p95 interpolate between the ` +
        "few largest values and can move a lot between runs.",
    );
  }
  if (facts.missingUsage > 0) {
    out.push(
      `${facts.missingUsage} successful trials have no server-reported usage, so their token counts, output speed ` +
        "and cost are missing (shown as —), not estimated.",
    );
  }

  const unpriced = summary.byModel.filter((m) => m.price === null).map((m) => m.model);
  if (unpriced.length > 0) {
    const them = unpriced.length === 1 ? "it" : "them";
    out.push(`No price row for ${unpriced.join(", ")}, so no cost or context window is shown for ${them}.`);
  }

  out.push(
    "Costs use the price table's base prices and, where a row has one, its long-context tier; batch and priority " +
      "pricing and cache storage fees are not applied. Failed requests are left out of cost.",
  );

  if (facts.imageItems === null) {
    out.push("The dataset files could not be read, so whether image items ran is unknown.");
  } else if (facts.imageItems === 0) {
    out.push("No item with image input ran: image handling was not measured.");
  }
  if (facts.needleItems === 0) {
    out.push("No needle item ran: retrieval accuracy by context length and depth was not measured.");
  }
  const levels = manifest.phases?.length ?? 1;
  if (levels <= 1) {
    out.push("One concurrency level ran: how throughput and latency scale with load was not measured.");
  }

  out.push(
    "Latency includes the network path from this machine to each endpoint and the client's own overhead; " +
      "it was measured from one machine at one time of day.",
  );
  out.push("Pass rates are only as good as each dataset's scorer and items; small datasets give wide intervals.");
  return out;
}
