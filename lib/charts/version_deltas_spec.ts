import { CHART_CONFIG } from "./chart_theme.ts";
import type { ChartSpec, VersionDelta } from "./chart_types.ts";

/**
 * Build version-to-version deltas: one panel per metric (its unit in the name), one row
 * per version pair, a point at the change and a whisker over its 95% interval, around a
 * zero line. An interval that crosses zero means no change was detected. A delta without
 * a value leaves a gap.
 */
export function versionDeltasSpec(deltas: readonly VersionDelta[]): ChartSpec {
  if (!Array.isArray(deltas)) throw new TypeError("versionDeltasSpec: deltas must be an array of { model, metric, delta, low, high }");
  const metrics = [...new Set(deltas.map((d) => d.metric))];
  const pairs = [...new Set(deltas.map((d) => d.model))];
  const values = deltas.map((d) => ({ ...d }));
  const x = { type: "quantitative", title: "Change (new − old), unit as in the panel title" } as const;
  const y = { field: "model", type: "nominal", title: null, sort: pairs } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Version-to-version changes with 95% intervals",
      subtitle: "Point = change from the older to the newer version; whisker = 95% interval; an interval across 0 is no detected change",
    },
    config: CHART_CONFIG,
    data: { values },
    facet: { row: { field: "metric", type: "nominal", title: null, sort: metrics, header: { labelOrient: "top", labelAnchor: "start", labelAngle: 0, labelFontSize: 12, labelFontWeight: "bold", labelLimit: 500 } } },
    resolve: { scale: { x: "independent" } },
    spec: {
      width: 420,
      height: { step: 26 },
      layer: [
        { mark: { type: "rule", color: "#888", strokeDash: [4, 3] }, encoding: { x: { datum: 0, ...x } } },
        {
          mark: { type: "rule", strokeWidth: 2, color: "#0072B2", invalid: "filter" },
          encoding: { y, x: { ...x, field: "low" }, x2: { field: "high" } },
        },
        {
          mark: { type: "point", filled: true, size: 70, color: "#0072B2", invalid: "filter" },
          encoding: {
            y,
            x: { ...x, field: "delta" },
            tooltip: [
              { field: "model", title: "Version pair" },
              { field: "metric" },
              { field: "delta", format: ",.2f" },
              { field: "low", format: ",.2f" },
              { field: "high", format: ",.2f" },
            ],
          },
        },
      ],
    },
  } as ChartSpec;
}
