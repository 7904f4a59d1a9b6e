import type { ChartOptions, ChartSpec, TrialPoint } from "./chart_types.ts";
import { stripPlotSpec } from "./strip_plot_spec.ts";

/** Build the output-speed-by-model strip plot: one dot per successful trial, a tick at the median. */
export function outputSpeedByModelSpec(points: readonly TrialPoint[], options: ChartOptions = {}): ChartSpec {
  return stripPlotSpec(points, {
    field: "output_tps",
    title: "Output speed by model",
    subtitle: "(output tokens − 1) / (last token − first token) per successful trial; black tick = median",
    axisTitle: "Output speed (tokens/s)",
  }, options);
}
