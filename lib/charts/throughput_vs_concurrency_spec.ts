import { CHART_CONFIG, modelColourScale } from "./chart_theme.ts";
import type { ChartOptions, ChartSpec, ConcurrencyPoint } from "./chart_types.ts";

/** Text the chart shows when the run measured one concurrency level only. */
export const SINGLE_LEVEL_NOTE = "single concurrency level measured";

/**
 * Build throughput and median latency against concurrency, side by side, one line per
 * model. A single concurrency level gives no curve, so the chart draws the points and
 * the note "single concurrency level measured". Null values leave gaps.
 */
export function throughputVsConcurrencySpec(points: readonly ConcurrencyPoint[], options: ChartOptions = {}): ChartSpec {
  if (!Array.isArray(points)) {
    throw new TypeError("throughputVsConcurrencySpec: points must be an array of { model, concurrency, throughput_tps, latency_p50_ms }");
  }
  for (const p of points) {
    if (!Number.isFinite(p.concurrency) || p.concurrency < 1) {
      throw new RangeError(`throughputVsConcurrencySpec: concurrency of ${p.model} must be a number ≥ 1, got ${p.concurrency}`);
    }
  }
  const models = options.models ?? [...new Set(points.map((p) => p.model))].sort();
  const levels = [...new Set(points.map((p) => p.concurrency))].sort((a, b) => a - b);
  const single = levels.length <= 1;
  const first = levels[0] ?? 1;
  const values = points.map((p) => ({ ...p }));
  const x = {
    field: "concurrency",
    type: "quantitative",
    title: "Concurrency (requests in flight)",
    scale: single ? { domain: [0, first * 2] } : { type: levels.at(-1)! / first >= 8 ? "log" : "linear" },
    axis: { values: levels, format: "d" },
  } as const;
  const colour = { field: "model", type: "nominal", title: "Model", scale: modelColourScale(models) } as const;
  const panel = (field: string, title: string) => ({
    width: 250,
    height: 220,
    layer: [
      ...(single ? [] : [{
        mark: { type: "line", strokeWidth: 2, invalid: "filter" },
        encoding: { x, y: { field, type: "quantitative", title }, color: colour },
      }]),
      {
        mark: { type: "point", filled: true, size: 70, invalid: "filter" },
        encoding: {
          x,
          y: { field, type: "quantitative", title, scale: { zero: true } },
          color: colour,
          tooltip: [{ field: "model" }, { field: "concurrency" }, { field, title, format: ",.1f" }],
        },
      },
      ...(single
        ? [{
          data: { values: [{ note: SINGLE_LEVEL_NOTE }] },
          mark: { type: "text", align: "center", baseline: "top", x: 125, y: 6, fontSize: 12, fontStyle: "italic", color: "#444" },
          encoding: { text: { field: "note" } },
        }]
        : []),
    ],
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Throughput and latency against concurrency",
      subtitle: single
        ? `Only concurrency ${first} ran: ${SINGLE_LEVEL_NOTE}, so no scaling curve can be drawn`
        : "Output tokens per second of successful trials, and their median end-to-end latency, per concurrency level",
    },
    config: CHART_CONFIG,
    data: { values },
    hconcat: [
      panel("throughput_tps", "Throughput (output tokens/s)"),
      panel("latency_p50_ms", "End-to-end latency p50 (ms)"),
    ],
  } as ChartSpec;
}
