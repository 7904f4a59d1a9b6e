import { escapeMarkdown as m } from "./escape_markdown.ts";
import { EMULATED_BANNER } from "./render_html.ts";
import type { Recommendation, ReportModel, Table } from "./report_model.ts";

/**
 * Render the report as Markdown. Charts are linked as PNG files in the same folder.
 * Every string from the run is escaped, so it cannot break a table or inject markup.
 */
export function renderMarkdown(model: ReportModel): string {
  if (!model || !Array.isArray(model.recommendations)) {
    throw new TypeError("renderMarkdown: model must be the ReportModel buildReportModel returns");
  }
  const out: string[] = [`# ${m(model.title)}`, "", `Models: ${model.models.map(m).join(", ") || "none"}`, ""];
  if (model.emulatedModels.length > 0) {
    out.push(`> **${m(EMULATED_BANNER)}.** Emulated models: ${model.emulatedModels.map(m).join(", ")}.`, "");
  }
  for (const notice of model.notices) out.push(`> **Note:** ${m(notice)}`, "");

  out.push("## Summary recommendations", "");
  out.push(...model.recommendations.map(recommendationItem), "");
  out.push("## Key criteria", "", ...table(model.criteria, "Key criteria"));
  out.push("## Model comparison", "", ...table(model.comparison, "Model comparison"));
  out.push("## Use-case breakdown", "", ...table(model.useCases, "Use-case breakdown"));

  out.push("## Charts", "");
  for (const chart of model.charts) {
    out.push(`![${m(chart.title)}](${encodeURI(chart.pngFile)})`, "", `*${m(chart.description)}*`, "");
  }
  for (const skipped of model.skippedCharts) out.push(`- ${m(skipped)}`);
  if (model.skippedCharts.length > 0) out.push("");
  if (model.charts.length === 0 && model.skippedCharts.length === 0) out.push("No chart could be drawn.", "");

  out.push("## Per-dataset results", "");
  if (model.datasets.length === 0) out.push("No dataset has trials.", "");
  for (const dataset of model.datasets) {
    out.push(`### ${m(dataset.dataset)} (${m(dataset.taskKinds.join(", ") || "no task kind")})`, "");
    out.push(...table(dataset.metrics));
    if (dataset.failures) out.push("#### Sample failures", "", ...table(dataset.failures));
    else out.push("No failed or wrong trial.", "");
  }

  out.push("## Errors", "");
  if (model.errors) out.push(...table(model.errors, "Errors"));
  else out.push("No trial failed.", "");

  out.push("## Methodology", "", ...table(model.methodology, "Methodology"));
  out.push(...model.definitions.map((d) => `- **${m(d.term)}**: ${m(d.definition)}`), "");
  out.push("## Limitations", "", ...model.limitations.map((l) => `- ${m(l)}`), "");
  return out.join("\n");
}

function recommendationItem(r: Recommendation): string {
  const pick = r.verdict === "winner"
    ? `**${m(r.models[0])}**`
    : r.verdict === "no-clear-winner"
    ? "**no clear winner**"
    : r.verdict === "not-measured"
    ? "**not measured in this run**"
    : "**no model qualifies**";
  return `- **${m(r.scenario.title)}** (${m(r.scenario.workload)}) → ${pick}. ${m(r.reason)} ` +
    `*Rule: ${m(r.scenario.rule)}.*`;
}

// The caption is left out when the section heading above already names the table.
function table(t: Table, heading?: string): string[] {
  const numeric = new Set(t.numericColumns ?? []);
  const lines = [
    ...(t.caption === heading ? [] : [`**${m(t.caption)}**`, ""]),
    `| ${t.columns.map(m).join(" | ")} |`,
    `| ${t.columns.map((_, i) => (numeric.has(i) ? "---:" : "---")).join(" | ")} |`,
    ...t.rows.map((row) => `| ${row.map(m).join(" | ")} |`),
    "",
  ];
  if (t.note) lines.push(`*${m(t.note)}*`, "");
  return lines;
}
