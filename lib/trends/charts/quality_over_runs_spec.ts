import { CHART_CONFIG, CHART_WIDTH, modelColourScale } from "../../charts/chart_theme.ts";
import type { ChartSpec } from "../../charts/chart_types.ts";
import { trendAxis } from "./trend_axis.ts";
import type { TrendChartInput } from "./trend_point.ts";

/** Builds pass rate points per period and model with Wilson 95% intervals as whiskers, models side by side. */
export function qualityOverRunsSpec(input: TrendChartInput): ChartSpec {
  if (!input || !Array.isArray(input.points)) throw new TypeError("qualityOverRunsSpec: input must hold trend points");
  const pct = (v: number | null) => (v === null ? null : v * 100);
  const values = input.points.filter((p) => p.quality_n > 0).map((p) => ({
    model: p.model,
    label: p.label,
    pass: pct(p.pass_rate),
    low: pct(p.pass_ci_low),
    high: pct(p.pass_ci_high),
    n: p.quality_n,
  }));
  const y = { field: "pass", type: "quantitative" as const, title: "Pass rate (%)", scale: { domain: [0, 100] } };
  const colour = { field: "model", type: "nominal", title: "Model", scale: modelColourScale(input.models) } as const;
  const offset = { field: "model", type: "nominal", sort: [...input.models] } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: "Quality over runs", subtitle: "Pass rate with Wilson 95% interval; errors count as not passed" },
    width: CHART_WIDTH,
    height: 220,
    config: CHART_CONFIG,
    data: { values },
    encoding: { x: trendAxis(input), xOffset: offset, color: colour },
    layer: [
      { mark: { type: "rule", strokeWidth: 2 }, encoding: { y: { ...y, field: "low" }, y2: { field: "high" } } },
      {
        mark: { type: "point", filled: true, size: 60 },
        encoding: {
          y,
          tooltip: [{ field: "model" }, { field: "label", title: "Run" }, { field: "pass", format: ".1f" }, {
            field: "low",
            format: ".1f",
          }, {
            field: "high",
            format: ".1f",
          }, { field: "n" }],
        },
      },
    ],
  } as ChartSpec;
}
