import { CHART_CONFIG, CHART_WIDTH, ROW_STEP } from "./chart_theme.ts";
import type { ChartOptions, ChartSpec, ErrorCount } from "./chart_types.ts";

/** Colours per error class, distinct from the model colours (Tableau 10 order). */
const CLASS_COLOURS = ["#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC"];

/**
 * Build stacked bars of failed trials per model, one segment per error class. Every
 * model of `options.models` keeps its row, so a model without errors shows an empty row.
 */
export function errorsByClassSpec(counts: readonly ErrorCount[], options: ChartOptions = {}): ChartSpec {
  if (!Array.isArray(counts)) throw new TypeError("errorsByClassSpec: counts must be an array of { model, error_class, count }");
  const models = options.models ?? [...new Set(counts.map((c) => c.model))].sort();
  const classes = [...new Set(counts.map((c) => c.error_class))].sort();
  const title = "Trials that ended in an error (count)";
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: "Errors by class and model", subtitle: "Final attempts only; retried attempts that later succeeded are in the errors table" },
    width: CHART_WIDTH,
    height: { step: ROW_STEP },
    config: CHART_CONFIG,
    data: { values: counts.map((c) => ({ ...c })) },
    layer: [
      {
        mark: { type: "bar", invalid: "filter" },
        encoding: {
          y: { field: "model", type: "nominal", title: "Model", scale: { domain: [...models] }, sort: [...models] },
          x: { field: "count", type: "quantitative", title, stack: "zero", axis: { tickMinStep: 1, format: "d" } },
          color: {
            field: "error_class",
            type: "nominal",
            title: "Error class",
            sort: classes,
            scale: { domain: classes, range: classes.map((_, i) => CLASS_COLOURS[i % CLASS_COLOURS.length]) },
          },
          order: { field: "error_class", type: "nominal", sort: "ascending" },
          tooltip: [{ field: "model" }, { field: "error_class", title: "Error class" }, { field: "count", title: "Trials" }],
        },
      },
    ],
  } as ChartSpec;
}
