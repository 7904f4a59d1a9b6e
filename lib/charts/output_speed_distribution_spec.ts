import type { ChartSpec, TrialPoint } from "./chart_types.ts";
import { type DistributionOptions, distributionSpec } from "./distribution_spec.ts";

/** Build the output speed distribution per model: p5–p95 line, p25–p75 box, median tick, sampled dots. */
export function outputSpeedDistributionSpec(points: readonly TrialPoint[], options: DistributionOptions = {}): ChartSpec {
  return distributionSpec(points, {
    field: "output_tps",
    title: "Output speed by model",
    subtitle: "(output tokens − 1) / (last token − first token) per trial; line p5–p95, box p25–p75, tick median",
    axisTitle: "Output speed (tokens/s)",
  }, options);
}
