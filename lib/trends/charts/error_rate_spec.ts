import { CHART_CONFIG, CHART_WIDTH, modelColourScale } from "../../charts/chart_theme.ts";
import type { ChartSpec } from "../../charts/chart_types.ts";
import { trendAxis } from "./trend_axis.ts";
import type { TrendChartInput } from "./trend_point.ts";

/** Builds lines of the error rate (%) per period and model. */
export function errorRateSpec(input: TrendChartInput): ChartSpec {
  if (!input || !Array.isArray(input.points)) throw new TypeError("errorRateSpec: input must hold trend points");
  const values = input.points.map((p) => ({
    model: p.model,
    label: p.label,
    rate: p.error_rate === null ? null : p.error_rate * 100,
    errors: p.errors,
    n: p.n,
  }));
  // With no error at all the scale would collapse to [0, 0]; show 0–1% instead.
  const noErrors = values.every((v) => v.rate === null || v.rate === 0);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: "Error rate over time", subtitle: "Failed requests ÷ all requests, per period" },
    width: CHART_WIDTH,
    height: 200,
    config: CHART_CONFIG,
    data: { values },
    mark: { type: "line", point: true, invalid: "break-paths-filter-domains" },
    encoding: {
      x: trendAxis(input),
      y: {
        field: "rate",
        type: "quantitative",
        title: "Error rate (%)",
        scale: noErrors ? { domain: [0, 1] } : { zero: true },
        axis: { format: ".1f" },
      },
      color: { field: "model", type: "nominal", title: "Model", scale: modelColourScale(input.models) },
      tooltip: [{ field: "model" }, { field: "label", title: "Period" }, { field: "rate", format: ".2f" }, { field: "errors" }, {
        field: "n",
      }],
    },
  } as ChartSpec;
}
