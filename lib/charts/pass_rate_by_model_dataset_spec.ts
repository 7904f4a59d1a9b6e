import { CHART_CONFIG, CHART_WIDTH, ROW_STEP } from "./chart_theme.ts";
import type { ChartOptions, ChartSpec, GroupPoint } from "./chart_types.ts";

/**
 * Build grouped bars of pass rate per model and dataset with Wilson 95% intervals as
 * whiskers. A group that produced no grade has no bar.
 */
export function passRateByModelDatasetSpec(groups: readonly GroupPoint[], options: ChartOptions = {}): ChartSpec {
  if (!Array.isArray(groups)) {
    throw new TypeError("passRateByModelDatasetSpec: groups must be an array of model × dataset summary points");
  }
  const models = options.models ?? [...new Set(groups.map((g) => g.model))].sort();
  const pct = (v: number | null) => (v === null ? null : v * 100);
  const values = groups.map((g) => ({
    model: g.model,
    dataset: g.dataset,
    pass_pct: pct(g.pass_rate),
    low: pct(g.pass_ci_low),
    high: pct(g.pass_ci_high),
    n: g.quality_n,
  }));
  const datasets = [...new Set(values.map((v) => v.dataset))];
  const title = "Pass rate (%)";
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Pass rate by model and suite",
      subtitle: "Errors count as not passed; whisker = Wilson 95% interval",
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
          color: { field: "dataset", type: "nominal", title: "Suite (dataset)", sort: datasets },
          x: { field: "pass_pct", type: "quantitative", title, scale: { domain: [0, 100] } },
          tooltip: [
            { field: "model" },
            { field: "dataset" },
            { field: "pass_pct", title: "Pass rate (%)", format: ".1f" },
            { field: "n", title: "n" },
          ],
        },
      },
      {
        mark: { type: "rule", color: "#333", invalid: "filter" },
        encoding: { x: { field: "low", type: "quantitative", title }, x2: { field: "high" } },
      },
    ],
  } as ChartSpec;
}
