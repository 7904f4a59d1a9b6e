import { CHART_CONFIG, CHART_WIDTH, ROW_STEP } from "./chart_theme.ts";
import type { ChartOptions, ChartSpec, GroupPoint } from "./chart_types.ts";

/**
 * Build grouped bars of end-to-end latency per model and dataset: the bar is the median,
 * the whisker runs from the median to p95. A group without successful trials has no bar.
 */
export function e2eByModelDatasetSpec(groups: readonly GroupPoint[], options: ChartOptions = {}): ChartSpec {
  if (!Array.isArray(groups)) {
    throw new TypeError("e2eByModelDatasetSpec: groups must be an array of model × dataset summary points");
  }
  const models = options.models ?? [...new Set(groups.map((g) => g.model))].sort();
  const values = groups.map((g) => ({ model: g.model, dataset: g.dataset, p50: g.e2e_p50_ms, p95: g.e2e_p95_ms }));
  const datasets = [...new Set(values.map((v) => v.dataset))];
  const title = "End-to-end latency (ms)";
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "End-to-end latency by model and dataset",
      subtitle: "Bar = median of successful trials, whisker = median to p95",
    },
    width: CHART_WIDTH,
    height: { step: Math.max(10, Math.floor((ROW_STEP * 1.6) / Math.max(1, datasets.length))) },
    config: CHART_CONFIG,
    data: { values },
    encoding: {
      y: { field: "model", type: "nominal", title: "Model", scale: { domain: [...models] }, sort: [...models] },
      yOffset: { field: "dataset", type: "nominal", sort: datasets },
    },
    layer: [
      {
        mark: { type: "bar", invalid: "filter" },
        encoding: {
          color: { field: "dataset", type: "nominal", title: "Dataset", sort: datasets },
          x: { field: "p50", type: "quantitative", title, scale: { zero: true } },
          tooltip: [
            { field: "model" },
            { field: "dataset" },
            { field: "p50", title: "p50 (ms)", format: ",.0f" },
            { field: "p95", title: "p95 (ms)", format: ",.0f" },
          ],
        },
      },
      {
        mark: { type: "rule", color: "#333", invalid: "filter" },
        encoding: { x: { field: "p50", type: "quantitative", title }, x2: { field: "p95" } },
      },
    ],
  } as ChartSpec;
}
