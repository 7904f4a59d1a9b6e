import type pl from "nodejs-polars";
import type { RunSummary } from "../analysis/summary_types.ts";
import type { TrialPoint } from "../charts/chart_types.ts";
import { e2eByModelDatasetSpec } from "../charts/e2e_by_model_dataset_spec.ts";
import { e2eVsOutputSpec } from "../charts/e2e_vs_output_spec.ts";
import { ttftDistributionSpec } from "../charts/ttft_distribution_spec.ts";
import { ttftVsInputSpec } from "../charts/ttft_vs_input_spec.ts";
import { chartArtifact } from "./chart_artifact.ts";
import type { CriterionLookup } from "./criterion_values.ts";
import { formatMetric as f, MISSING } from "./format_metric.ts";
import type { ChartArtifact, ReportSection } from "./report_model.ts";
import { distributionQuantiles } from "./trial_points.ts";

/** Build the latency section: TTFT and end-to-end charts and the per-model latency table. */
export async function latencySection(
  summary: RunSummary,
  trials: pl.DataFrame,
  points: readonly TrialPoint[],
  values: CriterionLookup,
): Promise<ReportSection> {
  const options = { models: summary.models };
  const charts: ChartArtifact[] = [];
  const notes: string[] = [];
  const has = (check: (p: TrialPoint) => boolean) => points.some(check);
  if (has((p) => p.ttft_ms !== null)) {
    const stats = distributionQuantiles(trials, "ttft_ms");
    charts.push(await chartArtifact(
      "ttft-distribution",
      "Time to first token by model",
      "TTFT per model: p5–p95 line, p25–p75 box, median tick, and sampled successful trials as dots.",
      ttftDistributionSpec(points, { ...options, stats }),
    ));
  } else notes.push("Time to first token by model: not drawn, no successful trial produced a first token.");
  if (has((p) => p.e2e_ms !== null && p.output_tokens != null)) {
    charts.push(await chartArtifact(
      "e2e-vs-output",
      "End-to-end latency against output length",
      "End-to-end latency against server-reported output tokens per successful trial, with a fitted line per model.",
      e2eVsOutputSpec(points, options),
    ));
  } else notes.push("End-to-end latency against output length: not drawn, no successful trial has both values.");
  if (has((p) => p.ttft_ms !== null && p.input_tokens !== null)) {
    charts.push(await chartArtifact(
      "ttft-vs-input",
      "Time to first token against input size",
      "TTFT against server-reported input tokens per successful trial, with a fitted line per model.",
      ttftVsInputSpec(points, options),
    ));
  } else notes.push("Time to first token against input size: not drawn, no successful trial has both values.");
  if (summary.byModelDataset.some((g) => g.e2e_p50_ms !== null)) {
    charts.push(await chartArtifact(
      "e2e-by-model-dataset",
      "End-to-end latency by model and dataset",
      "Median end-to-end latency per model and dataset, with whiskers to p95.",
      e2eByModelDatasetSpec(summary.byModelDataset, options),
    ));
  }
  const ci = (metric: "ttft_p50_ms" | "e2e_p50_ms", model: string) => {
    const v = values(metric, {}, model);
    return v === null ? MISSING : `${f.ms(v.value)} (${f.ms(v.low)}–${f.ms(v.high)})`;
  };
  return {
    id: "latency-section",
    title: "Latency",
    intro: [
      "Successful trials only, cached responses left out. Intervals are 95% order-statistic intervals of the median.",
    ],
    charts,
    tables: [{
      id: "latency-table",
      caption: "Latency per model",
      columns: ["Model", "n", "TTFT p50, ms (95% CI)", "TTFT p90, ms", "E2E p50, ms (95% CI)", "E2E p95, ms", "TTFT growth per 1k input tokens, ms"],
      numericColumns: [1, 3, 5, 6],
      rows: summary.byModel.map((m) => [
        m.model,
        f.count(m.ttft_n),
        ci("ttft_p50_ms", m.model),
        f.ms(m.ttft_p90_ms),
        ci("e2e_p50_ms", m.model),
        f.ms(m.e2e_p95_ms),
        m.ttft_by_input ? f.ms(m.ttft_by_input.slope_ms_per_1k_tokens) : MISSING,
      ]),
      note: "TTFT growth is the least-squares slope of TTFT against input tokens (3 or more trials of different input sizes).",
    }],
    notes,
  };
}
