import { CHART_CONFIG, CHART_WIDTH, modelColourScale } from "./chart_theme.ts";
import type { ChartOptions, ChartSpec, GroupPoint } from "./chart_types.ts";
import { costQualityFrontier } from "./cost_quality_frontier.ts";

/**
 * Build the cost-against-quality scatter: one labelled point per model with its Wilson 95%
 * interval as a vertical whisker, and a dashed line through the Pareto frontier (models no
 * other model beats on both cost and pass rate). Models without a price or a pass rate
 * are not drawn.
 */
export function costVsQualitySpec(models: readonly GroupPoint[], options: ChartOptions = {}): ChartSpec {
  if (!Array.isArray(models)) throw new TypeError("costVsQualitySpec: models must be an array of per-model summary points");
  const order = options.models ?? [...new Set(models.map((m) => m.model))].sort();
  const pct = (v: number | null) => (v === null ? null : v * 100);
  const values = models.map((m) => ({
    model: m.model,
    cost: m.cost_per_1k_requests_usd,
    quality: pct(m.pass_rate),
    low: pct(m.pass_ci_low),
    high: pct(m.pass_ci_high),
    n: m.quality_n,
  }));

  const frontier = costQualityFrontier(values).map((v, i) => ({ ...v, order: i }));
  const costs = values.map((v) => v.cost).filter((c): c is number => c !== null && c > 0);
  // A log axis keeps cheap models apart when prices differ by more than 10×.
  const logScale = costs.length > 1 && Math.max(...costs) / Math.min(...costs) > 10;
  const x = {
    field: "cost",
    type: "quantitative",
    title: `Cost per 1,000 requests (USD${logScale ? ", log scale" : ""})`,
    scale: logScale ? { type: "log" } : { zero: true },
  } as const;

  const title = "Pass rate (%)";
  const y = { field: "quality", type: "quantitative", title, scale: { domain: [0, 100] } } as const;
  const colour = { field: "model", type: "nominal", scale: modelColourScale(order), legend: null } as const;

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Cost per 1,000 requests against pass rate",
      subtitle: "Up and to the left is better. Dashed line: Pareto frontier. Whisker: Wilson 95% interval. Unpriced models are not drawn.",
    },
    width: CHART_WIDTH,
    height: 320,
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: frontier },
        mark: { type: "line", strokeDash: [6, 4], color: "#333", strokeWidth: 1.5, invalid: "filter" },
        encoding: { x, y, order: { field: "order", type: "quantitative" } },
      },
      {
        data: { values },
        mark: { type: "rule", strokeWidth: 1.5, invalid: "filter" },
        encoding: { x, y: { field: "low", type: "quantitative", title }, y2: { field: "high" }, color: colour },
      },
      {
        data: { values },
        mark: { type: "point", filled: true, size: 90, invalid: "filter" },
        encoding: {
          x,
          y,
          color: colour,
          tooltip: [
            { field: "model" },
            { field: "cost", title: "USD per 1,000 requests", format: ",.4f" },
            { field: "quality", title, format: ".1f" },
            { field: "n", title: "n" },
          ],
        },
      },
      {
        data: { values },
        mark: { type: "text", align: "left", dx: 8, dy: -8, fontSize: 11, invalid: "filter" },
        encoding: { x, y, text: { field: "model" } },
      },
    ],
  } as ChartSpec;
}
