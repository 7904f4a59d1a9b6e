import { CHART_CONFIG, CHART_WIDTH, modelColourScale, ROW_STEP } from "./chart_theme.ts";
import type { ChartOptions, ChartSpec, DistributionStats, TrialPoint } from "./chart_types.ts";
import { distributionStats } from "./distribution_stats.ts";
import { samplePerModel } from "./sample_per_model.ts";

/** What a distribution chart shows: which trial field, with which titles. */
export interface DistributionFields {
  field: "ttft_ms" | "output_tps" | "e2e_ms";
  title: string;
  subtitle: string;
  /** Axis title with its unit, e.g. "Time to first token (ms)". */
  axisTitle: string;
}

/** Options of {@link distributionSpec}: the shared options plus quantiles computed over every trial. */
export interface DistributionOptions extends ChartOptions {
  /** Quantiles per model; computed from `points` when left out. */
  stats?: readonly DistributionStats[];
}

/**
 * Build a per-model distribution chart: a line from p5 to p95, a box from p25 to p75,
 * a black tick at the median, and up to 400 dots per model (evenly sampled trials).
 * Rows with a null value are filtered out by the marks, so they leave a gap, not a 0.
 */
export function distributionSpec(
  points: readonly TrialPoint[],
  fields: DistributionFields,
  options: DistributionOptions = {},
): ChartSpec {
  if (!Array.isArray(points)) throw new TypeError("distributionSpec: points must be an array of trial points");
  const models = options.models ?? [...new Set(points.map((p) => p.model))].sort();
  const stats = options.stats ?? distributionStats(points, fields.field);
  // A fixed jitter per dot keeps the chart the same on every render.
  const dots = samplePerModel(points).map((p, i) => ({ model: p.model, value: p[fields.field], jitter: (i * 0.618034) % 1 }));
  const y = { field: "model", type: "nominal", title: "Model", scale: { domain: [...models] }, sort: [...models] } as const;
  const x = { type: "quantitative", title: fields.axisTitle, scale: { zero: true } } as const;
  const colour = { field: "model", type: "nominal", scale: modelColourScale(models), legend: null } as const;
  const statValues = stats.map((s) => ({ ...s }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: fields.title, subtitle: fields.subtitle },
    width: CHART_WIDTH,
    height: { step: ROW_STEP },
    config: CHART_CONFIG,
    encoding: { y },
    layer: [
      {
        data: { values: statValues },
        mark: { type: "rule", color: "#555", invalid: "filter" },
        encoding: { x: { ...x, field: "p5" }, x2: { field: "p95" } },
      },
      {
        data: { values: statValues },
        mark: { type: "bar", size: ROW_STEP - 14, opacity: 0.25, invalid: "filter" },
        encoding: {
          x: { ...x, field: "p25" },
          x2: { field: "p75" },
          color: colour,
          tooltip: [
            { field: "model" },
            { field: "n", title: "n" },
            { field: "p5", format: ",.1f" },
            { field: "p25", format: ",.1f" },
            { field: "p50", title: "median", format: ",.1f" },
            { field: "p75", format: ",.1f" },
            { field: "p95", format: ",.1f" },
          ],
        },
      },
      {
        data: { values: dots },
        mark: { type: "circle", size: 22, opacity: 0.5, invalid: "filter" },
        encoding: {
          x: { ...x, field: "value" },
          yOffset: { field: "jitter", type: "quantitative", scale: { domain: [0, 1], range: [7, ROW_STEP - 7] } },
          color: colour,
        },
      },
      {
        data: { values: statValues },
        mark: { type: "tick", color: "black", thickness: 2.5, size: ROW_STEP - 8, invalid: "filter" },
        encoding: { x: { ...x, field: "p50" } },
      },
    ],
  } as ChartSpec;
}
