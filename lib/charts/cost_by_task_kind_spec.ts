import { CHART_CONFIG, CHART_WIDTH, modelColourScale, ROW_STEP } from "./chart_theme.ts";
import type { ChartOptions, ChartSpec, KindCostPoint } from "./chart_types.ts";

/**
 * Build grouped bars of cost per 1,000 requests: one group per task kind, one bar per model.
 * A model without a known cost on a kind (no price row, no usage) has no bar there.
 */
export function costByTaskKindSpec(points: readonly KindCostPoint[], options: ChartOptions = {}): ChartSpec {
  if (!Array.isArray(points)) throw new TypeError("costByTaskKindSpec: points must be an array of { model, task_kind, cost }");
  const models = options.models ?? [...new Set(points.map((p) => p.model))].sort();
  const kinds = [...new Set(points.map((p) => p.task_kind))].sort();
  const values = points.map((p) => ({ ...p, cost: p.cost_per_1k_requests_usd }));
  const title = "Cost per 1,000 requests (USD)";
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Cost per 1,000 requests by task kind",
      subtitle: "Mean cost of a successful request × 1,000, from server-reported usage and the run's price table",
    },
    width: CHART_WIDTH,
    height: { step: Math.max(8, Math.floor((ROW_STEP * 1.8) / Math.max(1, models.length))) },
    config: CHART_CONFIG,
    data: { values },
    layer: [
      {
        mark: { type: "bar", invalid: "filter" },
        encoding: {
          y: { field: "task_kind", type: "nominal", title: "Task kind", sort: kinds },
          yOffset: { field: "model", type: "nominal", sort: [...models] },
          x: { field: "cost", type: "quantitative", title, scale: { zero: true } },
          color: { field: "model", type: "nominal", title: "Model", scale: modelColourScale(models) },
          tooltip: [{ field: "model" }, { field: "task_kind", title: "Task kind" }, { field: "cost", title, format: ",.4f" }],
        },
      },
    ],
  } as ChartSpec;
}
