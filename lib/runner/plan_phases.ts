import type { Spec } from "../spec/spec_schema.ts";
import type { TrialPlan } from "./expand_trials.ts";

/** One load phase: the trials it runs and the load settings in force. */
export interface LoadPhase {
  index: number;
  mode: "closed" | "open";
  /** Requests allowed in flight. */
  concurrency: number;
  ratePerS: number | null;
  arrival: "constant" | "poisson" | null;
  plans: TrialPlan[];
}

/**
 * Splits a run into load phases. Without a sweep there is one phase at `spec.concurrency`
 * and trial ids stay as `expandTrials` made them. With `load.sweep` every trial runs once per
 * level, in the listed order, with the level appended to its id (`…/1@c16`) so a resumed
 * run can tell the phases apart.
 */
export function planPhases(plans: readonly TrialPlan[], spec: Spec): LoadPhase[] {
  const { load } = spec;
  const open = load.mode === "open";
  const phase = (index: number, concurrency: number, phasePlans: TrialPlan[]): LoadPhase => ({
    index,
    mode: load.mode,
    concurrency,
    ratePerS: open ? load.rate_per_s : null,
    arrival: open ? load.arrival : null,
    plans: phasePlans,
  });
  if (load.sweep === null) return [phase(0, spec.concurrency, [...plans])];
  return load.sweep.map((level, index) =>
    phase(index, level, plans.map((plan) => ({ ...plan, trial_id: `${plan.trial_id}@c${level}` })))
  );
}
