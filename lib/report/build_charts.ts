import pl from "nodejs-polars";
import type { RunSummary } from "../analysis/summary_types.ts";
import type { ChartSpec, TrialPoint } from "../charts/chart_types.ts";
import { costVsPassRateSpec } from "../charts/cost_vs_pass_rate_spec.ts";
import { e2eByModelDatasetSpec } from "../charts/e2e_by_model_dataset_spec.ts";
import { outputSpeedByModelSpec } from "../charts/output_speed_by_model_spec.ts";
import { passRateByModelDatasetSpec } from "../charts/pass_rate_by_model_dataset_spec.ts";
import { renderChart } from "../charts/render_chart.ts";
import { ttftByModelSpec } from "../charts/ttft_by_model_spec.ts";
import { ttftVsInputSpec } from "../charts/ttft_vs_input_spec.ts";
import type { ChartArtifact } from "./report_model.ts";

interface ChartPlan {
  id: string;
  title: string;
  description: string;
  /** Reason the chart would be empty, or null when it has data. */
  emptyReason: string | null;
  spec: () => ChartSpec;
}

/**
 * Build and render the report's charts from a run's summary and trials frame.
 * A chart with nothing to draw is skipped and its reason returned instead.
 */
export async function buildCharts(
  summary: RunSummary,
  trials: pl.DataFrame,
): Promise<{ charts: ChartArtifact[]; skipped: string[] }> {
  const points = trials
    .filter(pl.col("status").eq(pl.lit("ok")))
    .select("model", "dataset", "ttft_ms", "e2e_ms", "output_tps", "input_tokens")
    .toRecords() as unknown as TrialPoint[];
  const options = { models: summary.models };
  const has = (check: (p: TrialPoint) => boolean) => points.some(check);
  const plans: ChartPlan[] = [
    {
      id: "ttft-by-model",
      title: "Time to first token by model",
      description: "Strip plot of TTFT per successful trial for each model, with the median marked.",
      emptyReason: has((p) => p.ttft_ms !== null) ? null : "no successful trial produced a first token",
      spec: () => ttftByModelSpec(points, options),
    },
    {
      id: "output-speed-by-model",
      title: "Output speed by model",
      description: "Strip plot of output tokens per second per successful trial for each model, with the median marked.",
      emptyReason: has((p) => p.output_tps !== null) ? null : "no successful trial has an output speed",
      spec: () => outputSpeedByModelSpec(points, options),
    },
    {
      id: "cost-vs-pass-rate",
      title: "Cost per 1,000 requests against pass rate",
      description: "Scatter of each priced model's cost per 1,000 requests against its overall pass rate.",
      emptyReason: summary.byModel.some((m) => m.cost_per_1k_requests_usd !== null && m.pass_rate !== null)
        ? null
        : "no model has both a cost and a pass rate",
      spec: () => costVsPassRateSpec(summary.byModel, options),
    },
    {
      id: "e2e-by-model-dataset",
      title: "End-to-end latency by model and dataset",
      description: "Bars of median end-to-end latency per model and dataset, with whiskers to p95.",
      emptyReason: summary.byModelDataset.some((g) => g.e2e_p50_ms !== null) ? null : "no successful trial",
      spec: () => e2eByModelDatasetSpec(summary.byModelDataset, options),
    },
    {
      id: "pass-rate-by-model-dataset",
      title: "Pass rate by model and dataset",
      description: "Bars of pass rate per model and dataset, with Wilson 95% intervals as whiskers.",
      emptyReason: summary.byModelDataset.some((g) => g.pass_rate !== null) ? null : "no trial was graded",
      spec: () => passRateByModelDatasetSpec(summary.byModelDataset, options),
    },
    {
      id: "ttft-vs-input",
      title: "Time to first token against input size",
      description: "Scatter of TTFT against server-reported input tokens per successful trial, with a fitted line per model.",
      emptyReason: has((p) => p.ttft_ms !== null && p.input_tokens !== null)
        ? null
        : "no successful trial has both a TTFT and an input token count",
      spec: () => ttftVsInputSpec(points, options),
    },
  ];

  const charts: ChartArtifact[] = [];
  const skipped: string[] = [];
  for (const plan of plans) {
    if (plan.emptyReason !== null) {
      skipped.push(`${plan.title}: not drawn, ${plan.emptyReason}.`);
      continue;
    }
    const { svg, png } = await renderChart(plan.spec());
    charts.push({ id: plan.id, title: plan.title, description: plan.description, svg, png, pngFile: `${plan.id}.png` });
  }
  return { charts, skipped };
}
