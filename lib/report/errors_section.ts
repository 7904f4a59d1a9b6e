import type { ErrorSummary, RunSummary } from "../analysis/summary_types.ts";
import { errorsByClassSpec } from "../charts/errors_by_class_spec.ts";
import { chartArtifact } from "./chart_artifact.ts";
import { errorsTable } from "./errors_table.ts";
import { formatMetric as f } from "./format_metric.ts";
import type { ReportSection } from "./report_model.ts";

/** Build the errors section: failed trials by class and model, with retried attempts in the table. */
export async function errorsSection(summary: RunSummary, retried: readonly ErrorSummary[]): Promise<ReportSection> {
  const charts = summary.errors.length > 0
    ? [await chartArtifact(
      "errors-by-class",
      "Errors by class and model",
      "Stacked bars of trials that ended in an error, per model and error class.",
      errorsByClassSpec(summary.errors, { models: summary.models }),
    )]
    : [];
  const table = errorsTable(summary.errors, retried);
  const rates = summary.byModel.map((m) => `${m.model} ${f.pct(m.error_rate)} (${m.errors}/${m.n})`).join("; ");
  return {
    id: "errors-section",
    title: "Errors",
    intro: [`Error rate after the runner's retries: ${rates || "no trials"}.`],
    charts,
    tables: table ? [table] : [],
    notes: table ? [] : ["No trial failed and no attempt was retried."],
  };
}
