import { CHART_CONFIG, CHART_WIDTH, modelColourScale } from "../../charts/chart_theme.ts";
import type { ChartSpec } from "../../charts/chart_types.ts";
import { trendAxis } from "./trend_axis.ts";
import type { TrendChartInput } from "./trend_point.ts";

/** Builds stacked bars of the USD cost per period, one colour per model. Periods without a known cost have no bar. */
export function costPerPeriodSpec(input: TrendChartInput): ChartSpec {
  if (!input || !Array.isArray(input.points)) throw new TypeError("costPerPeriodSpec: input must hold trend points");
  const values = input.points.filter((p) => p.cost_usd !== null).map((p) => ({
    model: p.model,
    label: p.label,
    cost: p.cost_usd,
    requests: p.cost_n,
  }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: "Cost per period", subtitle: "USD of successful requests priced from the price table" },
    width: CHART_WIDTH,
    height: 220,
    config: CHART_CONFIG,
    data: { values },
    mark: { type: "bar" },
    encoding: {
      x: trendAxis(input),
      y: { field: "cost", type: "quantitative", title: "Cost (USD)", stack: "zero" },
      color: { field: "model", type: "nominal", title: "Model", scale: modelColourScale(input.models) },
      tooltip: [{ field: "model" }, { field: "label", title: "Period" }, { field: "cost", format: "$,.2f" }, {
        field: "requests",
      }],
    },
  } as ChartSpec;
}
