import { CHART_CONFIG, CHART_WIDTH, modelColourScale } from "./chart_theme.ts";
import type { ChartOptions, ChartSpec, TrialPoint } from "./chart_types.ts";
import { samplePerModel } from "./sample_per_model.ts";

/**
 * Build the end-to-end latency against output length scatter: one dot per successful
 * trial (up to 400 per model, evenly sampled) and a least-squares line per model, whose
 * slope is the time per output token. Trials without both values are not drawn.
 */
export function e2eVsOutputSpec(points: readonly TrialPoint[], options: ChartOptions = {}): ChartSpec {
  if (!Array.isArray(points)) throw new TypeError("e2eVsOutputSpec: points must be an array of trial points");
  const models = options.models ?? [...new Set(points.map((p) => p.model))].sort();
  const values = samplePerModel(points).map((p) => ({ model: p.model, output_tokens: p.output_tokens ?? null, e2e_ms: p.e2e_ms }));
  const x = { field: "output_tokens", type: "quantitative", title: "Output tokens (server-reported)" } as const;
  const y = { field: "e2e_ms", type: "quantitative", title: "End-to-end latency (ms)" } as const;
  const colour = { field: "model", type: "nominal", title: "Model", scale: modelColourScale(models) } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "End-to-end latency against output length",
      subtitle: "One dot per successful trial (up to 400 per model); lines are least-squares fits per model",
    },
    width: CHART_WIDTH,
    height: 300,
    config: CHART_CONFIG,
    data: { values },
    transform: [{ filter: "isValid(datum.output_tokens) && isValid(datum.e2e_ms)" }],
    layer: [
      { mark: { type: "circle", size: 26, opacity: 0.5, invalid: "filter" }, encoding: { x, y, color: colour } },
      {
        transform: [{ regression: "e2e_ms", on: "output_tokens", groupby: ["model"] }],
        mark: { type: "line", strokeWidth: 2, invalid: "filter" },
        encoding: { x, y, color: colour },
      },
    ],
  } as ChartSpec;
}
