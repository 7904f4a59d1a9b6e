import pl from "nodejs-polars";
import { contextCurve } from "../analysis/context_curve.ts";
import type { RunSummary } from "../analysis/summary_types.ts";
import type { ContextCell } from "../charts/chart_types.ts";
import { contextHeatmapSpec } from "../charts/context_heatmap_spec.ts";
import { chartArtifact } from "./chart_artifact.ts";
import { formatMetric as f, MISSING } from "./format_metric.ts";
import { type ItemFacts, itemKey } from "./read_item_facts.ts";
import type { ReportSection, Table } from "./report_model.ts";

/** Sentence the report prints when no needle item ran. */
export const NEEDLE_NOT_MEASURED =
  "Needle retrieval by context length and depth: not measured in this run (no item tagged context:<tokens> and depth:<percent> ran).";

/**
 * Build the context handling section: the needle heatmap when needle items ran (else a
 * sentence saying it was not measured), and accuracy per input-length bin with each
 * model's effective context.
 */
export async function contextSection(summary: RunSummary, trials: pl.DataFrame, facts: ItemFacts | null): Promise<ReportSection> {
  const cells = facts === null ? [] : needleCells(trials, facts);
  const charts = cells.length > 0
    ? [await chartArtifact(
      "context-heatmap",
      "Needle retrieval accuracy by context length and depth",
      "Heatmap per model of the share of needle items answered correctly, by context length and needle depth; blank cells were not measured.",
      contextHeatmapSpec(cells, { models: summary.models }),
    )]
    : [];
  const notes = cells.length > 0 ? [] : [
    facts === null ? "Needle retrieval: the dataset files could not be read, so needle items cannot be told apart." : NEEDLE_NOT_MEASURED,
  ];
  // Short JSON or code items and long needle items differ in difficulty, so a curve over every
  // item would mistake the task mix for an effect of length. Use the long-context items when any ran.
  const longContext = trials.filter(pl.col("task_kind").eq(pl.lit("long-context")));
  const curveTrials = longContext.height > 0 ? longContext : trials;
  const curves = contextCurve(curveTrials);
  const binLabel = (low: number, high: number | null) => `${f.count(low)}–${high === null ? "∞" : f.count(high)}`;
  const table: Table = {
    id: "context-table",
    caption: longContext.height > 0
      ? "Accuracy of long-context items by input length (tokens) per model"
      : "Accuracy by input length (tokens) per model, all items",
    columns: ["Model", "Context window", "Input bin, tokens", "n", "Accuracy (Wilson 95%)", "TTFT p50, ms", "Effective context, tokens"],
    numericColumns: [1, 3, 5, 6],
    rows: curves.flatMap((curve) => {
      const window = summary.byModel.find((m) => m.model === curve.model)?.context_window ?? null;
      const effective = curve.effective_context_tokens === null
        ? "not determined"
        : `${f.count(curve.effective_context_tokens)}${curve.limited_by_data ? " or more (no drop measured)" : ""}`;
      return curve.bins.map((bin, i) => [
        curve.model,
        i === 0 ? f.count(window) : "",
        binLabel(bin.low_tokens, bin.high_tokens),
        f.count(bin.n),
        bin.accuracy === null ? MISSING : `${f.pct(bin.accuracy)} (${f.pct(bin.accuracy_ci_low)}–${f.pct(bin.accuracy_ci_high)})`,
        f.ms(bin.ttft_p50_ms),
        i === 0 ? effective : "",
      ]);
    }),
    note: "Effective context: the largest input measured before accuracy first falls below 90% of the shortest bin's " +
      "accuracy, over bins with at least 5 graded trials.",
  };
  const largest = summary.byModel.map((m) => `${m.model} ${f.count(m.max_input_tokens)}`).join("; ");
  return {
    id: "context-section",
    title: "Context handling",
    intro: [`Largest input measured per model (tokens): ${largest || MISSING}.`],
    charts,
    tables: curves.length > 0 ? [table] : [],
    notes,
  };
}

function needleCells(trials: pl.DataFrame, facts: ItemFacts): ContextCell[] {
  if (facts.needles.size === 0) return [];
  const final = trials.filter(pl.col("is_final_attempt")).select("model", "dataset", "item_id", "status", "grade_pass");
  const datasets = final.getColumn("dataset").toArray() as string[];
  const items = final.getColumn("item_id").toArray() as string[];
  const models = final.getColumn("model").toArray() as string[];
  const status = final.getColumn("status").toArray() as string[];
  const pass = final.getColumn("grade_pass").toArray() as (boolean | null)[];
  const cells = new Map<string, ContextCell>();
  for (let i = 0; i < datasets.length; i++) {
    const needle = facts.needles.get(itemKey(datasets[i], items[i]));
    // Same rule as the pass rate: an error without a grade counts as not passed.
    if (!needle || (pass[i] === null && status[i] !== "error")) continue;
    const key = `${models[i]}\u0000${needle.context_tokens}\u0000${needle.depth_pct}`;
    const cell = cells.get(key) ?? { model: models[i], ...needle, passed: 0, n: 0, accuracy: null };
    cell.n += 1;
    if (pass[i] === true) cell.passed += 1;
    cell.accuracy = cell.passed / cell.n;
    cells.set(key, cell);
  }
  return [...cells.values()];
}
