import type { GroupSummary, ModelSummary, RunSummary } from "../analysis/summary_types.ts";
import { formatMetric as f, MISSING } from "./format_metric.ts";
import type { Table } from "./report_model.ts";

/** A metric a model can rank first on, for the "Strengths" row. */
interface Strength {
  label: string;
  better: "lower" | "higher";
  value: (m: ModelSummary) => number | null;
}

const STRENGTHS: Strength[] = [
  { label: "lowest TTFT p50", better: "lower", value: (m) => m.ttft_p50_ms },
  { label: "lowest end-to-end p50", better: "lower", value: (m) => m.e2e_p50_ms },
  { label: "highest output speed", better: "higher", value: (m) => m.output_tps_median },
  { label: "lowest cost per 1,000 requests", better: "lower", value: (m) => m.cost_per_1k_requests_usd },
  { label: "highest overall pass rate", better: "higher", value: (m) => m.pass_rate },
  { label: "lowest error rate", better: "lower", value: (m) => m.error_rate },
  { label: "largest context window", better: "higher", value: (m) => m.context_window },
];

/**
 * Build the side-by-side comparison: one column per model, one row per metric, and a
 * "Strengths" row listing the metrics on which a model ranks first. Models tied at the
 * top share a strength, unless every measured model has the same value.
 */
export function comparisonTable(summary: RunSummary): Table {
  const models = summary.byModel;
  const row = (label: string, cell: (m: ModelSummary) => string) => [label, ...models.map(cell)];
  const passByDataset = summary.datasets.map((dataset) => {
    const groups = new Map<string, GroupSummary>(
      summary.byModelDataset.filter((g) => g.dataset === dataset.name).map((g) => [g.model, g]),
    );
    return row(`Pass rate: ${dataset.name}`, (m) => passRate(groups.get(m.model)));
  });
  return {
    id: "model-comparison",
    caption: "Model comparison",
    columns: ["Metric", ...models.map((m) => m.model)],
    rows: [
      row("Provider, endpoint", (m) => `${m.provider ?? MISSING}, ${m.endpoint_kinds.join("/") || MISSING}`),
      row("Model version (server)", (m) => m.model_versions.join(", ") || MISSING),
      row("Context window (tokens)", (m) => f.count(m.context_window)),
      row("Trials (n)", (m) => f.count(m.n)),
      row("TTFT p50 (ms)", (m) => f.ms(m.ttft_p50_ms)),
      row("TTFT p90 (ms)", (m) => f.ms(m.ttft_p90_ms)),
      row("End-to-end p50 (ms)", (m) => f.ms(m.e2e_p50_ms)),
      row("End-to-end p95 (ms)", (m) => f.ms(m.e2e_p95_ms)),
      row("Output speed, median (tokens/s)", (m) => f.tps(m.output_tps_median)),
      row("Mean input / output tokens", (m) => `${f.count(m.mean_input_tokens)} / ${f.count(m.mean_output_tokens)}`),
      row("Cost per 1,000 requests (USD)", (m) => f.usd(m.cost_per_1k_requests_usd)),
      ...passByDataset,
      row("Pass rate: overall", (m) => passRate(m)),
      row("Error rate", (m) => `${f.pct(m.error_rate)} (${m.errors}/${m.n})`),
      row("Strengths", (m) => strengthsOf(m, models).join("; ") || MISSING),
    ],
    note: "Pass rates count errors as not passed; the interval is Wilson 95%. A dash means not measured.",
  };
}

function passRate(group: GroupSummary | undefined): string {
  if (!group || group.pass_rate === null) return MISSING;
  return `${f.pct(group.pass_rate)} (${group.passed}/${group.quality_n}; ${f.pct(group.pass_ci_low)}–${f.pct(group.pass_ci_high)})`;
}

function strengthsOf(model: ModelSummary, all: readonly ModelSummary[]): string[] {
  if (all.length < 2) return [];
  return STRENGTHS.filter((s) => {
    const own = s.value(model);
    if (own === null) return false;
    const values = all.map(s.value).filter((v): v is number => v !== null);
    if (values.length < 2) return false;
    const best = s.better === "lower" ? Math.min(...values) : Math.max(...values);
    // A value every measured model shares is no one's strength.
    if (values.every((v) => v === best)) return false;
    return own === best;
  }).map((s) => s.label);
}
