import type { Recommendation } from "./report_model.ts";

/** Say what a recommendation picks: the winner, "no clear winner between A and B", or why none. */
export function recommendationPick(r: Recommendation): string {
  switch (r.verdict) {
    case "winner":
      return r.models[0];
    case "no-clear-winner":
      return `no clear winner between ${r.models.slice(0, -1).join(", ")} and ${r.models.at(-1)}`;
    case "not-measured":
      return "not measured in this run";
    case "no-eligible-model":
      return "no model qualifies";
  }
}
