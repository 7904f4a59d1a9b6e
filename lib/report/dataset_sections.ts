import pl from "nodejs-polars";
import type { RunSummary } from "../analysis/summary_types.ts";
import { formatMetric as f, MISSING } from "./format_metric.ts";
import type { DatasetSection } from "./report_model.ts";

/** Failed or wrong trials shown per dataset, so a reader can see what went wrong. */
const SAMPLE_FAILURES = 6;
/** Characters of model output or error text shown per sample. */
const EXCERPT_CHARS = 160;

/** Build one section per dataset: a per-model metrics table and sample failures. */
export function datasetSections(summary: RunSummary, trials: pl.DataFrame): DatasetSection[] {
  return summary.datasets.map((dataset) => {
    const groups = summary.byModelDataset.filter((g) => g.dataset === dataset.name);
    const slug = dataset.name.replace(/[^A-Za-z0-9_-]+/g, "-");
    return {
      dataset: dataset.name,
      taskKinds: dataset.task_kinds,
      metrics: {
        id: `dataset-${slug}`,
        caption: `Dataset ${dataset.name}`,
        columns: [
          "Model",
          "n",
          "Errors",
          "Pass rate (Wilson 95%)",
          "No response",
          "TTFT p50 (ms)",
          "TTFT p90 (ms)",
          "E2E p50 (ms)",
          "E2E p95 (ms)",
          "Output tokens/s",
          "Mean in / out tokens",
          "USD per 1,000 req.",
        ],
        numericColumns: [1, 2, 4, 5, 6, 7, 8, 9, 11],
        rows: groups.map((g) => [
          g.model,
          f.count(g.n),
          f.count(g.errors),
          g.pass_rate === null
            ? MISSING
            : `${f.pct(g.pass_rate)} (${g.passed}/${g.quality_n}; ${f.pct(g.pass_ci_low)}–${f.pct(g.pass_ci_high)})`,
          f.count(g.no_response),
          f.ms(g.ttft_p50_ms),
          f.ms(g.ttft_p90_ms),
          f.ms(g.e2e_p50_ms),
          f.ms(g.e2e_p95_ms),
          f.tps(g.output_tps_median),
          `${f.count(g.mean_input_tokens)} / ${f.count(g.mean_output_tokens)}`,
          f.usd(g.cost_per_1k_requests_usd),
        ]),
      },
      failures: failuresTable(trials, dataset.name, slug),
    };
  });
}

function failuresTable(trials: pl.DataFrame, dataset: string, slug: string): DatasetSection["failures"] {
  const failed = trials
    .filter(
      pl.col("dataset").eq(pl.lit(dataset))
        .and(pl.col("is_final_attempt"))
        .and(pl.col("status").eq(pl.lit("error")).or(pl.col("grade_pass").eq(pl.lit(false)))),
    )
    .sort(["model", "item_id", "repetition"]);
  if (failed.height === 0) return null;
  const rows = failed.head(SAMPLE_FAILURES).toRecords().map((r) => [
    String(r.model),
    `${r.item_id} (rep ${r.repetition ?? MISSING})`,
    outcomeOf(r),
    excerpt(typeof r.output_text === "string" && r.output_text !== "" ? r.output_text : "(no output)"),
  ]);
  return {
    id: `failures-${slug}`,
    caption: `Sample failures: ${dataset}`,
    columns: ["Model", "Item", "Outcome", "Output (excerpt)"],
    excerptColumns: [2, 3],
    rows,
    note: failed.height > SAMPLE_FAILURES
      ? `Showing ${SAMPLE_FAILURES} of ${failed.height} failed or wrong trials; all are in trials.jsonl.`
      : undefined,
  };
}

function outcomeOf(r: Record<string, unknown>): string {
  if (r.status === "error") {
    const http = r.error_http_status === null ? "" : ` HTTP ${r.error_http_status}`;
    return excerpt(`error ${r.error_class ?? "unknown"}${http}: ${r.error_message ?? "no message"}`);
  }
  const noResponse = r.grade_no_response === true ? " (no response)" : "";
  return excerpt(`wrong${noResponse}: ${r.grade_reason ?? "no reason given"}`);
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}
