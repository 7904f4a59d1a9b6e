import { CHART_CONFIG, CHART_WIDTH, modelColourScale } from "../../charts/chart_theme.ts";
import type { ChartSpec } from "../../charts/chart_types.ts";
import { trendAxis } from "./trend_axis.ts";
import type { TrendChartInput } from "./trend_point.ts";

/**
 * Builds a latency trend: per model a p50 line and a shaded p50–p95 band over the periods,
 * and a red ring on each period flagged for this latency (`flagged` contains `model|label` keys).
 * Periods without a value leave a gap.
 */
export function latencyBandSpec(
  input: TrendChartInput,
  which: "e2e" | "ttft",
  flagged: ReadonlySet<string>,
): ChartSpec {
  if (!input || !Array.isArray(input.points)) throw new TypeError("latencyBandSpec: input must hold trend points");
  const name = which === "e2e" ? "End-to-end latency" : "Time to first token";
  const values = input.points.map((p) => ({
    model: p.model,
    label: p.label,
    p50: which === "e2e" ? p.e2e_p50_ms : p.ttft_p50_ms,
    p95: which === "e2e" ? p.e2e_p95_ms : p.ttft_p95_ms,
    flagged: flagged.has(`${p.model}|${p.label}`),
  }));
  const x = trendAxis(input);
  const colour = { field: "model", type: "nominal", title: "Model", scale: modelColourScale(input.models) } as const;
  const y = { field: "p50", type: "quantitative", title: `${name} (ms)`, scale: { zero: true } } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: `${name} over time`, subtitle: "Line = p50, band = p50 to p95 of successful requests; red ring = flagged" },
    width: CHART_WIDTH,
    height: 260,
    config: CHART_CONFIG,
    data: { values },
    encoding: { x },
    layer: [
      {
        mark: { type: "area", opacity: 0.18, invalid: "break-paths-filter-domains" },
        encoding: { y, y2: { field: "p95" }, color: colour },
      },
      {
        mark: { type: "line", point: true, invalid: "break-paths-filter-domains" },
        encoding: {
          y,
          color: colour,
          tooltip: [{ field: "model" }, { field: "label", title: "Period" }, { field: "p50", format: ",.0f" }, {
            field: "p95",
            format: ",.0f",
          }],
        },
      },
      {
        transform: [{ filter: "datum.flagged" }],
        mark: { type: "point", size: 220, strokeWidth: 2.5, color: "#D00000", filled: false },
        encoding: { y },
      },
    ],
  } as ChartSpec;
}
