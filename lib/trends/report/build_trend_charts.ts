import { renderChart } from "../../charts/render_chart.ts";
import type { ChartSpec } from "../../charts/chart_types.ts";
import { costPerPeriodSpec } from "../charts/cost_per_period_spec.ts";
import { errorRateSpec } from "../charts/error_rate_spec.ts";
import { hourOfDaySpec } from "../charts/hour_of_day_spec.ts";
import { latencyBandSpec } from "../charts/latency_band_spec.ts";
import { qualityOverRunsSpec } from "../charts/quality_over_runs_spec.ts";
import { labelPeriods } from "./label_periods.ts";
import type { TrendChart, TrendReport } from "./trend_report.ts";

/**
 * Renders the report's charts to SVG: latency (end-to-end and TTFT) with p50–p95 bands and
 * flagged periods, cost, error rate, quality with intervals, and latency by hour of day.
 * A chart without data is left out and named in `skipped` with the reason.
 */
export async function buildTrendCharts(report: TrendReport): Promise<{ charts: TrendChart[]; skipped: string[] }> {
  const input = labelPeriods(report.metrics, report.periodKind);
  const labelOf = new Map(input.points.map((p) => [p.period, p.label]));
  const flaggedFor = (prefix: string) =>
    new Set(
      report.flags.filter((f) => f.kind === "latency_shift" && f.metric.startsWith(prefix)).map((f) =>
        `${f.model}|${labelOf.get(f.period)}`
      ),
    );

  const planned: { id: string; title: string; spec: ChartSpec | null; reason: string }[] = [
    {
      id: "latency-e2e",
      title: "End-to-end latency over time",
      spec: latencyBandSpec(input, "e2e", flaggedFor("e2e")),
      reason: "",
    },
    {
      id: "latency-ttft",
      title: "Time to first token over time",
      spec: input.points.some((p) => p.ttft_p50_ms !== null) ? latencyBandSpec(input, "ttft", flaggedFor("ttft")) : null,
      reason: "no request recorded a time to first token",
    },
    {
      id: "cost",
      title: "Cost per period",
      spec: input.points.some((p) => p.cost_usd !== null) ? costPerPeriodSpec(input) : null,
      reason: "no model has a price row (or no request reported tokens), so no cost is known",
    },
    { id: "error-rate", title: "Error rate over time", spec: errorRateSpec(input), reason: "" },
    {
      id: "quality",
      title: "Quality over runs",
      spec: input.points.some((p) => p.quality_n > 0) ? qualityOverRunsSpec(input) : null,
      reason: "no graded trials (production logs carry no grades)",
    },
    {
      id: "hour-of-day",
      title: "Latency by hour of day",
      spec: report.hours !== null && report.hours.length > 0 ? hourOfDaySpec(report.hours, input.models) : null,
      reason: "hour-of-day charts are drawn for production logs only",
    },
  ];

  const charts: TrendChart[] = [];
  const skipped: string[] = [];
  for (const chart of planned) {
    if (chart.spec === null) {
      if (chart.id !== "hour-of-day" || report.periodKind === "day") skipped.push(`${chart.title}: ${chart.reason}`);
      continue;
    }
    const { svg } = await renderChart(chart.spec);
    charts.push({ id: chart.id, title: chart.title, svg });
  }
  return { charts, skipped };
}
