import { CHART_CONFIG, CHART_WIDTH, modelColourScale } from "../../charts/chart_theme.ts";
import type { ChartSpec } from "../../charts/chart_types.ts";
import type { PeriodMetric } from "../period_metric.ts";

/** Builds lines of p50 end-to-end latency by UTC hour of day, per model, over the whole import. */
export function hourOfDaySpec(hours: readonly PeriodMetric[], models: readonly string[]): ChartSpec {
  if (!Array.isArray(hours)) throw new TypeError("hourOfDaySpec: hours must be hour-of-day period metrics");
  const values = hours.map((p) => ({ model: p.model, hour: Number(p.period), p50: p.e2e_p50_ms, p95: p.e2e_p95_ms, n: p.n }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: "Latency by hour of day", subtitle: "p50 end-to-end latency per UTC hour, all days together" },
    width: CHART_WIDTH,
    height: 200,
    config: CHART_CONFIG,
    data: { values },
    mark: { type: "line", point: true, invalid: "break-paths-filter-domains" },
    encoding: {
      x: { field: "hour", type: "quantitative", title: "Hour of day (UTC)", scale: { domain: [0, 23] }, axis: { tickCount: 12 } },
      y: { field: "p50", type: "quantitative", title: "p50 latency (ms)", scale: { zero: true } },
      color: { field: "model", type: "nominal", title: "Model", scale: modelColourScale(models) },
      tooltip: [{ field: "model" }, { field: "hour" }, { field: "p50", format: ",.0f" }, { field: "p95", format: ",.0f" }, {
        field: "n",
      }],
    },
  } as ChartSpec;
}
