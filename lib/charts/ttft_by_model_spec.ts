import type { ChartOptions, ChartSpec, TrialPoint } from "./chart_types.ts";
import { stripPlotSpec } from "./strip_plot_spec.ts";

/** Build the TTFT-by-model strip plot: one dot per successful trial, a tick at the median. */
export function ttftByModelSpec(points: readonly TrialPoint[], options: ChartOptions = {}): ChartSpec {
  return stripPlotSpec(points, {
    field: "ttft_ms",
    title: "Time to first token by model",
    subtitle: "One dot per successful trial; black tick = median. Trials without a first token are left out.",
    axisTitle: "Time to first token (ms)",
  }, options);
}
