import { CHART_CONFIG } from "./chart_theme.ts";
import type { ChartOptions, ChartSpec, ContextCell } from "./chart_types.ts";

/**
 * Build the needle-in-a-haystack heatmap: one panel per model, context length across,
 * needle depth down, cell colour and label = accuracy. A cell without graded trials
 * is left blank (a gap), never coloured as 0%.
 */
export function contextHeatmapSpec(cells: readonly ContextCell[], options: ChartOptions = {}): ChartSpec {
  if (!Array.isArray(cells)) throw new TypeError("contextHeatmapSpec: cells must be an array of context cells");
  const models = options.models?.filter((m) => cells.some((c) => c.model === m)) ??
    [...new Set(cells.map((c) => c.model))].sort();
  const lengths = [...new Set(cells.map((c) => c.context_tokens))].sort((a, b) => a - b);
  const depths = [...new Set(cells.map((c) => c.depth_pct))].sort((a, b) => a - b);
  const values = cells.map((c) => ({
    ...c,
    context_label: tokensLabel(c.context_tokens),
    depth_label: `${c.depth_pct}%`,
    accuracy_pct: c.accuracy === null ? null : c.accuracy * 100,
  }));
  const cellWidth = Math.max(34, Math.min(60, Math.floor(480 / Math.max(1, lengths.length))));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Needle retrieval accuracy by context length and depth",
      subtitle: "Cell colour and label = share of graded trials that found the needle (%); depth = needle position in % of the context; blank = not measured",
    },
    config: { ...CHART_CONFIG, view: { stroke: "#ccc" } },
    data: { values },
    facet: { field: "model", type: "nominal", title: null, sort: models, header: { labelFontSize: 12, labelLimit: 400 } },
    columns: 2,
    spec: {
      width: cellWidth * Math.max(1, lengths.length),
      height: 26 * Math.max(1, depths.length),
      encoding: {
        x: {
          field: "context_label",
          type: "ordinal",
          title: "Context length (tokens)",
          sort: lengths.map(tokensLabel),
          axis: { labelAngle: 0 },
        },
        y: { field: "depth_label", type: "ordinal", title: "Needle depth", sort: depths.map((d) => `${d}%`) },
      },
      layer: [
        {
          mark: { type: "rect", stroke: "white", invalid: "filter" },
          encoding: {
            color: {
              field: "accuracy_pct",
              type: "quantitative",
              title: "Accuracy (%)",
              scale: { domain: [0, 100], scheme: "viridis" },
            },
            tooltip: [
              { field: "model" },
              { field: "context_tokens", title: "Context (tokens)", format: "," },
              { field: "depth_pct", title: "Depth (%)" },
              { field: "accuracy_pct", title: "Accuracy (%)", format: ".0f" },
              { field: "n", title: "n" },
            ],
          },
        },
        {
          mark: { type: "text", fontSize: 10, invalid: "filter" },
          encoding: {
            text: { field: "accuracy_pct", type: "quantitative", format: ".0f" },
            color: { condition: { test: "datum.accuracy_pct < 55", value: "white" }, value: "black" },
          },
        },
      ],
    },
  } as ChartSpec;
}

function tokensLabel(tokens: number): string {
  if (tokens >= 1_000_000 && tokens % 1_000_000 === 0) return `${tokens / 1_000_000}M`;
  if (tokens >= 1000) return `${Math.round(tokens / 1000)}k`;
  return String(tokens);
}
