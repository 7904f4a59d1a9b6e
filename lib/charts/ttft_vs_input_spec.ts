import { CHART_CONFIG, CHART_WIDTH, modelColourScale } from "./chart_theme.ts";
import type { ChartOptions, ChartSpec, TrialPoint } from "./chart_types.ts";
import { samplePerModel } from "./sample_per_model.ts";

/**
 * Build the TTFT-against-input-size scatter (up to 400 dots per model, evenly sampled)
 * with a least-squares line per model. Trials without a TTFT or an input count are not drawn.
 */
export function ttftVsInputSpec(points: readonly TrialPoint[], options: ChartOptions = {}): ChartSpec {
  if (!Array.isArray(points)) {
    throw new TypeError("ttftVsInputSpec: points must be an array of trial points");
  }
  const models = options.models ?? [...new Set(points.map((p) => p.model))].sort();
  const values = samplePerModel(points).map((p) => ({ model: p.model, input_tokens: p.input_tokens, ttft_ms: p.ttft_ms }));
  const x = { field: "input_tokens", type: "quantitative", title: "Input tokens (server-reported)" } as const;
  const y = { field: "ttft_ms", type: "quantitative", title: "Time to first token (ms)" } as const;
  const colour = { field: "model", type: "nominal", title: "Model", scale: modelColourScale(models) } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Time to first token against input size",
      subtitle: "One dot per successful trial (up to 400 per model); lines are least-squares fits per model",
    },
    width: CHART_WIDTH,
    height: 300,
    config: CHART_CONFIG,
    data: { values },
    transform: [{ filter: "isValid(datum.input_tokens) && isValid(datum.ttft_ms)" }],
    layer: [
      {
        mark: { type: "circle", size: 36, opacity: 0.6, invalid: "filter" },
        encoding: { x, y, color: colour },
      },
      {
        transform: [{ regression: "ttft_ms", on: "input_tokens", groupby: ["model"] }],
        mark: { type: "line", strokeWidth: 1.5, invalid: "filter" },
        encoding: { x, y, color: colour },
      },
    ],
  } as ChartSpec;
}
