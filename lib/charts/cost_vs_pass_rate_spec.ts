import { CHART_CONFIG, CHART_WIDTH, modelColourScale } from "./chart_theme.ts";
import type { ChartOptions, ChartSpec, GroupPoint } from "./chart_types.ts";

/**
 * Build the cost-against-quality scatter: one labelled point per model, x = cost per
 * 1,000 requests, y = pass rate. Models without a price or a pass rate are not drawn.
 */
export function costVsPassRateSpec(models: readonly GroupPoint[], options: ChartOptions = {}): ChartSpec {
  if (!Array.isArray(models)) {
    throw new TypeError("costVsPassRateSpec: models must be an array of per-model summary points");
  }
  const order = options.models ?? [...new Set(models.map((m) => m.model))].sort();
  const values = models.map((m) => ({
    model: m.model,
    cost: m.cost_per_1k_requests_usd,
    pass_pct: m.pass_rate === null ? null : m.pass_rate * 100,
    n: m.quality_n,
  }));
  const costs = values.map((v) => v.cost).filter((c): c is number => c !== null && c > 0);
  // A log axis keeps cheap models apart when prices differ by more than 10×.
  const logScale = costs.length > 1 && Math.max(...costs) / Math.min(...costs) > 10;
  const x = {
    field: "cost",
    type: "quantitative",
    title: `Cost per 1,000 requests (USD${logScale ? ", log scale" : ""})`,
    scale: logScale ? { type: "log" } : { zero: true },
  } as const;
  const y = { field: "pass_pct", type: "quantitative", title: "Pass rate (%)", scale: { domain: [0, 100] } } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Cost per 1,000 requests against pass rate",
      subtitle: "Up and to the left is better. Models without a price (e.g. openai-compatible) are not drawn.",
    },
    width: CHART_WIDTH,
    height: 300,
    config: CHART_CONFIG,
    data: { values },
    encoding: { x, y },
    layer: [
      {
        mark: { type: "point", filled: true, size: 90, invalid: "filter" },
        encoding: {
          color: { field: "model", type: "nominal", scale: modelColourScale(order), legend: null },
          tooltip: [
            { field: "model" },
            { field: "cost", title: "USD per 1,000 requests", format: ",.4f" },
            { field: "pass_pct", title: "Pass rate (%)", format: ".1f" },
            { field: "n", title: "n" },
          ],
        },
      },
      {
        mark: { type: "text", align: "left", dx: 8, dy: -6, fontSize: 11, invalid: "filter" },
        encoding: { text: { field: "model" } },
      },
    ],
  } as ChartSpec;
}
