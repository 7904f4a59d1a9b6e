import { paretoFrontier } from "../analysis/pareto_frontier.ts";
import type { RunSummary } from "../analysis/summary_types.ts";
import { costByTaskKindSpec } from "../charts/cost_by_task_kind_spec.ts";
import { costVsQualitySpec } from "../charts/cost_vs_quality_spec.ts";
import { chartArtifact } from "./chart_artifact.ts";
import type { CriterionLookup } from "./criterion_values.ts";
import { formatMetric as f, MISSING } from "./format_metric.ts";
import type { ChartArtifact, ReportSection } from "./report_model.ts";

/** Build the cost section: cost against quality with its frontier, cost per task kind, and prices. */
export async function costSection(summary: RunSummary, values: CriterionLookup): Promise<ReportSection> {
  const options = { models: summary.models };
  const charts: ChartArtifact[] = [];
  const notes: string[] = [];
  if (summary.byModel.some((m) => m.cost_per_1k_requests_usd !== null && m.pass_rate !== null)) {
    charts.push(await chartArtifact(
      "cost-vs-quality",
      "Cost per 1,000 requests against pass rate",
      "Each priced model's cost per 1,000 requests against its overall pass rate with Wilson 95% whiskers; the dashed line joins the Pareto frontier.",
      costVsQualitySpec(summary.byModel, options),
    ));
  } else notes.push("Cost against pass rate: not drawn, no model has both a cost and a pass rate.");
  const kinds = summary.byModelKind.map((g) => ({
    model: g.model,
    task_kind: g.task_kind ?? "unknown",
    cost_per_1k_requests_usd: g.cost_per_1k_requests_usd,
  }));
  if (kinds.some((k) => k.cost_per_1k_requests_usd !== null)) {
    charts.push(await chartArtifact(
      "cost-by-task-kind",
      "Cost per 1,000 requests by task kind",
      "Grouped bars of cost per 1,000 requests for each task kind and model.",
      costByTaskKindSpec(kinds, options),
    ));
  } else notes.push("Cost by task kind: not drawn, no trial has a known cost.");

  const pareto = new Map(paretoFrontier(summary.byModel).map((p) => [p.model, p]));
  const frontierText = (model: string) => {
    const p = pareto.get(model);
    if (!p || p.on_frontier === null) return `not compared (${p?.missing.join(", ") || "no data"} missing)`;
    return p.on_frontier ? "on the frontier" : `dominated by ${p.dominated_by.join(", ")}`;
  };
  return {
    id: "cost-section",
    title: "Cost",
    intro: [
      "Cost per request = server-reported tokens × the run's price table, averaged over successful trials. " +
      "The interval is the normal 95% interval of the mean.",
    ],
    charts,
    tables: [{
      id: "cost-table",
      caption: "Prices and cost per model",
      columns: ["Model", "Input / output USD per 1M tokens", "Prices as of", "Mean in / out tokens", "USD per 1,000 requests (95% CI)", "Pareto (pass rate, cost, TTFT)"],
      rows: summary.byModel.map((m) => {
        const cost = values("cost_per_1k_requests_usd", {}, m.model);
        return [
          m.model,
          m.price ? `${m.price.input_per_mtok} / ${m.price.output_per_mtok}` : "no price row",
          m.price?.as_of ?? MISSING,
          `${f.count(m.mean_input_tokens)} / ${f.count(m.mean_output_tokens)}`,
          cost === null ? MISSING : `${f.usd(cost.value)} (${f.usd(cost.low)}–${f.usd(cost.high)})`,
          frontierText(m.model),
        ];
      }),
      note: "Pareto: a model is dominated when another is at least as good on pass rate, cost and median TTFT and better on one.",
    }],
    notes,
  };
}
