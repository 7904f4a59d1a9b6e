import type { RunSummary } from "../analysis/summary_types.ts";
import { formatMetric as f, MISSING } from "./format_metric.ts";
import { type Candidate, rankCandidates } from "./rank_candidates.ts";
import { recommendationPick } from "./recommendation_pick.ts";
import type { Recommendation, Table } from "./report_model.ts";

function costText(usdPer1k: number | null): string {
  return usdPer1k === null ? "cost not known" : `$${f.usd(usdPer1k)} per 1,000 requests`;
}


/**
 * Build the use-case breakdown: one row per scenario, then one row per dataset naming
 * the model with the best pass rate on it (overlapping Wilson intervals tie).
 */
export function useCaseTable(recommendations: readonly Recommendation[], summary: RunSummary): Table {
  const scenarioRows = recommendations.map((r) => [
    `${r.scenario.title} (${r.scenario.workload})`,
    recommendationPick(r),
    r.reason,
    r.runnerUp ?? MISSING,
  ]);
  const datasetRows = summary.datasets.map((dataset) => {
    const candidates: Candidate[] = summary.byModelDataset
      .filter((g) => g.dataset === dataset.name && g.pass_rate !== null)
      .map((g) => ({
        model: g.model,
        value: g.pass_rate!,
        ciLow: g.pass_ci_low,
        ciHigh: g.pass_ci_high,
        detail: `pass rate ${f.pct(g.pass_rate)} (${g.passed}/${g.quality_n}, Wilson 95% ${f.pct(g.pass_ci_low)}–` +
          `${f.pct(g.pass_ci_high)}), end-to-end p50 ${f.ms(g.e2e_p50_ms)} ms, ${costText(g.cost_per_1k_requests_usd)}`,
      }));
    const label = `Dataset ${dataset.name} (${dataset.task_kinds.join(", ") || "no kind"})`;
    if (candidates.length === 0) {
      return [label, "not measured in this run", "No graded or failed trial on this dataset.", MISSING];
    }
    const { leaders, rest } = rankCandidates(candidates, "higher", { kind: "wilson-overlap" });
    if (leaders[0].value === 0) return [label, "none qualifies", "No model passed any item of this dataset.", MISSING];
    const best = leaders.length > 1 ? `no clear winner between ${joinNames(leaders.map((c) => c.model))}` : leaders[0].model;
    const reason = leaders.map((c) => `${c.model}: ${c.detail}`).join("; ");
    return [label, best, reason, rest[0]?.model ?? MISSING];
  });
  return {
    id: "use-cases",
    caption: "Use-case breakdown",
    columns: ["Use case", "Best model", "Why (numbers from this run)", "Runner-up"],
    rows: [...scenarioRows, ...datasetRows],
  };
}

/** Joins names as "a, b and c". */
function joinNames(names: readonly string[]): string {
  return names.length <= 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
