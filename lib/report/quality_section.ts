import pl from "nodejs-polars";
import type { GroupSummary, RunSummary } from "../analysis/summary_types.ts";
import { passRateByModelDatasetSpec } from "../charts/pass_rate_by_model_dataset_spec.ts";
import { chartArtifact } from "./chart_artifact.ts";
import { formatMetric as f, MISSING } from "./format_metric.ts";
import type { ReportSection, Table } from "./report_model.ts";

/** Failed or wrong trials shown per suite, so a reader can see what went wrong. */
const SAMPLE_FAILURES = 6;
/** Characters of model output or error text shown per sample. */
const EXCERPT_CHARS = 160;

/**
 * Build the quality section: pass rate per suite and model with Wilson 95% intervals
 * (chart and table), then sample failures of each suite with the model's output as text.
 */
export async function qualitySection(summary: RunSummary, trials: pl.DataFrame): Promise<ReportSection> {
  const charts = summary.byModelDataset.some((g) => g.pass_rate !== null)
    ? [await chartArtifact(
      "pass-rate-by-suite",
      "Pass rate by model and suite",
      "Pass rate per model and dataset (suite) with Wilson 95% intervals as whiskers; errors count as not passed.",
      passRateByModelDatasetSpec(summary.byModelDataset, { models: summary.models }),
    )]
    : [];
  const cell = (g: GroupSummary | undefined) =>
    !g || g.pass_rate === null
      ? MISSING
      : `${f.pct(g.pass_rate)} (${g.passed}/${g.quality_n}; ${f.pct(g.pass_ci_low)}–${f.pct(g.pass_ci_high)})`;
  const perSuite: Table = {
    id: "quality-table",
    caption: "Pass rate per suite and model (Wilson 95% interval)",
    columns: ["Suite (task kinds)", ...summary.models],
    rows: [
      ...summary.datasets.map((d) => [
        `${d.name} (${d.task_kinds.join(", ") || "no kind"})`,
        ...summary.models.map((m) => cell(summary.byModelDataset.find((g) => g.model === m && g.dataset === d.name))),
      ]),
      ["All suites", ...summary.models.map((m) => cell(summary.byModel.find((g) => g.model === m)))],
    ],
    note: "Cell: pass rate (passed/graded; Wilson 95% interval). Final attempts only; an error counts as not passed.",
  };
  const failures = summary.datasets.map((d) => failuresTable(trials, d.name)).filter((t): t is Table => t !== null);
  return {
    id: "quality-section",
    title: "Quality per suite",
    intro: ["Each suite's scorer grades every output; see the methodology for the definition of a pass."],
    charts,
    tables: [perSuite, ...failures],
    notes: charts.length === 0 ? ["Pass rate by suite: not drawn, no trial was graded."] : [],
  };
}

function failuresTable(trials: pl.DataFrame, dataset: string): Table | null {
  const columns = [
    "model", "dataset", "item_id", "repetition", "is_final_attempt", "status", "grade_pass", "grade_reason",
    "grade_no_response", "error_class", "error_http_status", "error_message", "output_text",
  ];
  const failed = trials
    .select(...columns)
    .filter(
      pl.col("dataset").eq(pl.lit(dataset))
        .and(pl.col("is_final_attempt"))
        // An error graded as passed is the outcome its item expects, not a failure.
        .and(
          pl.col("status").eq(pl.lit("error")).and(pl.col("grade_pass").fillNull(false).not())
            .or(pl.col("grade_pass").eq(pl.lit(false))),
        ),
    );
  if (failed.height === 0) return null;
  const rows = failed.sort(["model", "item_id", "repetition"]).head(SAMPLE_FAILURES).toRecords().map((r) => [
    String(r.model),
    `${r.item_id} (rep ${r.repetition ?? MISSING})`,
    outcomeOf(r),
    excerpt(typeof r.output_text === "string" && r.output_text !== "" ? r.output_text : "(no output)"),
  ]);
  return {
    id: `failures-${dataset.replace(/[^A-Za-z0-9_-]+/g, "-")}`,
    caption: `Sample failures: ${dataset}`,
    columns: ["Model", "Item", "Outcome", "Output (excerpt)"],
    excerptColumns: [2, 3],
    rows,
    note: failed.height > SAMPLE_FAILURES
      ? `Showing ${SAMPLE_FAILURES} of ${failed.height} failed or wrong trials; all are in the data files.`
      : undefined,
  };
}

function outcomeOf(r: Record<string, unknown>): string {
  if (r.status === "error") {
    const http = r.error_http_status === null ? "" : ` HTTP ${r.error_http_status}`;
    return excerpt(`error ${r.error_class ?? "unknown"}${http}: ${r.error_message ?? "no message"}`);
  }
  const noResponse = r.grade_no_response === true ? " (no response)" : "";
  return excerpt(`wrong${noResponse}: ${r.grade_reason ?? "no reason given"}`);
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}
