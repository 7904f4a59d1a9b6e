import type { ChartSpec, TrialPoint } from "./chart_types.ts";
import { type DistributionOptions, distributionSpec } from "./distribution_spec.ts";

/** Build the TTFT distribution per model: p5–p95 line, p25–p75 box, median tick, sampled trials as dots. */
export function ttftDistributionSpec(points: readonly TrialPoint[], options: DistributionOptions = {}): ChartSpec {
  return distributionSpec(points, {
    field: "ttft_ms",
    title: "Time to first token by model",
    subtitle: "Line p5–p95, box p25–p75, black tick median; dots are successful trials (up to 400 per model)",
    axisTitle: "Time to first token (ms)",
  }, options);
}
