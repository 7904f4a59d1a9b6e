/** Rule for when two values are too close to name a winner ("no clear winner"). */
export type NoiseRule = { kind: "relative"; within: number } | { kind: "wilson-overlap" };

/** A model's value for one scenario, with the sentence that shows its numbers. */
export interface Candidate {
  model: string;
  value: number;
  /** Wilson 95% interval, for pass-rate values. */
  ciLow?: number | null;
  ciHigh?: number | null;
  /** The numbers behind the value, e.g. "TTFT p50 412 ms (p90 655 ms, n = 30)". */
  detail: string;
}

/**
 * Rank candidates best first and split off the leaders: the best candidate and every
 * other candidate within noise of it. Equal values are ordered by model name.
 */
export function rankCandidates(
  candidates: readonly Candidate[],
  better: "lower" | "higher",
  noise: NoiseRule,
): { leaders: Candidate[]; rest: Candidate[] } {
  if (!Array.isArray(candidates)) {
    throw new TypeError("rankCandidates: candidates must be an array");
  }
  const sign = better === "lower" ? 1 : -1;
  const sorted = [...candidates].sort((a, b) => sign * (a.value - b.value) || a.model.localeCompare(b.model));
  if (sorted.length === 0) return { leaders: [], rest: [] };
  const best = sorted[0];
  const leaders = [best, ...sorted.slice(1).filter((c) => withinNoise(best, c, better, noise))];
  return { leaders, rest: sorted.filter((c) => !leaders.includes(c)) };
}

function withinNoise(best: Candidate, other: Candidate, better: "lower" | "higher", noise: NoiseRule): boolean {
  if (noise.kind === "wilson-overlap") {
    if (best.ciLow == null || best.ciHigh == null || other.ciLow == null || other.ciHigh == null) {
      return other.value === best.value;
    }
    return better === "higher" ? other.ciHigh >= best.ciLow : other.ciLow <= best.ciHigh;
  }
  return better === "lower"
    ? other.value <= best.value * (1 + noise.within)
    : other.value >= best.value * (1 - noise.within);
}
