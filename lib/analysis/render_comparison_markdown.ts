import { escapeMarkdown } from "../report/escape_markdown.ts";
import type { MetricChange, RunComparison } from "./comparison_types.ts";
import { describeComparisonMethod } from "./describe_comparison_method.ts";
import { formatComparison } from "./format_comparison.ts";

/**
 * Render a run comparison as Markdown: the two runs, warnings, counts of verdicts, one
 * table per model (all datasets first, then each dataset) and the method. Every value
 * taken from the runs is escaped, so a model or dataset name cannot break the table.
 */
export function renderComparisonMarkdown(comparison: RunComparison): string {
  if (!comparison || !Array.isArray(comparison.changes)) {
    throw new TypeError("renderComparisonMarkdown: comparison must be the object compareRuns returns");
  }
  const { run_a: a, run_b: b } = comparison;
  const lines = [
    `# Run comparison: ${escapeMarkdown(a.run_id)} vs ${escapeMarkdown(b.run_id)}`,
    "",
    `- Run A: ${describe(a)}`,
    `- Run B: ${describe(b)}`,
    "",
  ];
  if (comparison.warnings.length > 0) {
    lines.push("## Warnings", "", ...comparison.warnings.map((w) => `- ${escapeMarkdown(w)}`), "");
  }
  const { counts } = comparison;
  lines.push(
    "## Summary",
    "",
    `${counts.regression} regressions, ${counts.improvement} improvements, ${counts["no significant change"]} without ` +
      `significant change, ${counts["insufficient data"]} with insufficient data.`,
    "",
  );
  if (comparison.models.only_a.length > 0) lines.push(`Only in run A: ${comparison.models.only_a.map(escapeMarkdown).join(", ")}.`, "");
  if (comparison.models.only_b.length > 0) lines.push(`Only in run B: ${comparison.models.only_b.map(escapeMarkdown).join(", ")}.`, "");

  for (const model of comparison.models.compared) {
    lines.push(`## ${escapeMarkdown(model)}`, "", "| Datasets | Metric | Run A | Run B | Change | 95% interval | Verdict |", "|---|---|---|---|---|---|---|");
    for (const change of comparison.changes.filter((c) => c.model === model)) lines.push(row(change));
    lines.push("");
  }
  lines.push("## Method", "", ...describeComparisonMethod(comparison.settings).map((s) => `- ${escapeMarkdown(s)}`), "");
  return lines.join("\n");
}

function describe(run: RunComparison["run_a"]): string {
  const spec = run.spec_name === null ? "" : `, spec ${escapeMarkdown(run.spec_name)}`;
  return `${escapeMarkdown(run.run_id)} (started ${escapeMarkdown(run.started_at)}${spec}, ${escapeMarkdown(run.status)}, ` +
    `${escapeMarkdown(run.endpoint_kind)} endpoints, ${run.trials} trials)`;
}

function row(change: MetricChange): string {
  const verdict = change.verdict === "regression" || change.verdict === "improvement"
    ? `**${change.verdict}**`
    : change.verdict;
  const cells = [
    change.dataset === null ? "all" : escapeMarkdown(change.dataset),
    change.label,
    `${formatComparison.value(change.a, change.unit)} (n ${change.n_a})`,
    `${formatComparison.value(change.b, change.unit)} (n ${change.n_b})`,
    changeText(change),
    formatComparison.interval(change.ci_low, change.ci_high, change.unit),
    verdict,
  ];
  return `| ${cells.join(" | ")} |`;
}

// Rates change in percentage points; a relative change of a small rate (+150% for 0.8% → 2%) misleads.
function changeText(change: MetricChange): string {
  const absolute = formatComparison.change(change.change, change.unit);
  if (change.unit === "fraction") return absolute;
  return `${absolute} (${formatComparison.relative(change.relative_change)})`;
}
