import { CHART_CONFIG, CHART_WIDTH, modelColourScale, ROW_STEP } from "./chart_theme.ts";
import type { ChartOptions, ChartSpec, TrialPoint } from "./chart_types.ts";

/** What a strip plot shows: which trial field, with which titles. */
export interface StripPlotFields {
  field: "ttft_ms" | "output_tps" | "e2e_ms";
  title: string;
  subtitle: string;
  axisTitle: string;
}

/**
 * Build a strip plot: one row per model, one dot per trial, and a black tick at the median.
 * Rows with a null value are filtered out by the marks, so they leave a gap, not a 0.
 */
export function stripPlotSpec(points: readonly TrialPoint[], fields: StripPlotFields, options: ChartOptions = {}): ChartSpec {
  if (!Array.isArray(points)) {
    throw new TypeError("stripPlotSpec: points must be an array of trial points");
  }
  const models = options.models ?? [...new Set(points.map((p) => p.model))].sort();
  // A fixed jitter per row keeps the chart the same on every render.
  const values = points.map((p, i) => ({ model: p.model, value: p[fields.field], jitter: (i * 0.618034) % 1 }));
  const y = { field: "model", type: "nominal", title: "Model", scale: { domain: [...models] }, sort: [...models] } as const;
  const x = { field: "value", type: "quantitative", title: fields.axisTitle, scale: { zero: true } } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: fields.title, subtitle: fields.subtitle },
    width: CHART_WIDTH,
    height: { step: ROW_STEP },
    config: CHART_CONFIG,
    data: { values },
    encoding: { y },
    layer: [
      {
        mark: { type: "circle", size: 36, opacity: 0.55, invalid: "filter" },
        encoding: {
          x,
          yOffset: { field: "jitter", type: "quantitative", scale: { domain: [0, 1], range: [6, ROW_STEP - 6] } },
          color: { field: "model", type: "nominal", scale: modelColourScale(models), legend: null },
          tooltip: [{ field: "model" }, { field: "value", title: fields.axisTitle, format: ",.1f" }],
        },
      },
      {
        mark: { type: "tick", color: "black", thickness: 2, invalid: "filter" },
        encoding: { x: { ...x, aggregate: "median" } },
      },
    ],
  } as ChartSpec;
}
