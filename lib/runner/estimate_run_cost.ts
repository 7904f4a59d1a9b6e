import type { Endpoint } from "../providers/types.ts";
import type { TrialPlan } from "./expand_trials.ts";
import type { PriceRow } from "./manifest.ts";
import { estimateTrialCost } from "./estimate_trial_cost.ts";

/** Pre-run cost estimate of the trials on real endpoints. */
export interface RunCostEstimate {
  /** Trials that will call a real API. */
  realTrials: number;
  /** Sum of every real trial's worst case (prompt plus the full output allowance), USD. */
  maxUsd: number;
  /** Real-endpoint models without a price row, whose cost cannot be estimated or budgeted. */
  unpricedModels: string[];
}

/**
 * Estimates before a run what its trials on real endpoints can cost at most, one attempt
 * each (retries can add to it). Emulated trials cost nothing.
 */
export function estimateRunCost(
  plans: readonly TrialPlan[],
  maxOutputTokens: number,
  priceRows: PriceRow[],
  endpoints: Map<string, Endpoint>,
): RunCostEstimate {
  let realTrials = 0;
  let maxUsd = 0;
  const unpriced = new Set<string>();
  for (const plan of plans) {
    if (endpoints.get(plan.model)?.kind !== "real") continue;
    realTrials++;
    const estimate = estimateTrialCost(plan, maxOutputTokens, priceRows);
    if (estimate === null) unpriced.add(plan.model);
    else maxUsd += estimate;
  }
  return { realTrials, maxUsd, unpricedModels: [...unpriced].sort() };
}
