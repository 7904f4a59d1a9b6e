import { escapeMarkdown as m } from "../../report/escape_markdown.ts";
import { buildTrendTables } from "./build_trend_tables.ts";
import type { TextTable, TrendChart, TrendReport } from "./trend_report.ts";

/**
 * Renders the trend report as Markdown. Charts are linked as `charts/<id>.svg`, which
 * `writeTrendsReport` writes beside the file. Every string from the data is escaped.
 */
export function renderTrendsMarkdown(
  report: TrendReport,
  charts: readonly TrendChart[],
  skippedCharts: readonly string[],
): string {
  if (!report || !Array.isArray(report.metrics)) throw new TypeError("renderTrendsMarkdown: report must be a TrendReport");
  const tables = buildTrendTables(report);
  const word = report.periodKind === "day" ? "day" : "run";
  const out: string[] = [
    `# ${m(report.title)}`,
    "",
    `Source: ${m(report.source)}. Periods: one per ${word}. Generated ${m(report.generatedAt)}.`,
    "",
  ];
  for (const note of report.notes) out.push(`> ${m(note)}`, "");
  out.push("## Flags", "", tables.flags ? mdTable(tables.flags) : `No ${word} was flagged.`, "");
  if (report.breaches !== null) {
    out.push("## Threshold check", "", `Thresholds: \`${JSON.stringify(report.thresholds).replace(/`/g, "'")}\``, "");
    if (tables.breaches === null) out.push("No threshold was crossed.", "");
    else {
      out.push(`**${report.breaches.length} threshold crossing(s).** The first: ${m(report.breaches[0].message)}`, "");
      out.push(mdTable(tables.breaches), "");
    }
  }
  out.push("## Charts", "");
  for (const chart of charts) out.push(`![${m(chart.title)}](charts/${chart.id}.svg)`, "");
  if (skippedCharts.length > 0) out.push("Charts not drawn:", "", ...skippedCharts.map((s) => `- ${m(s)}`), "");
  out.push("## Overview per model", "", mdTable(tables.overview), "");
  out.push("## Model versions returned", "", mdTable(tables.versions), "");
  if (tables.excluded) out.push("## Runs left out (not comparable with the latest run)", "", mdTable(tables.excluded), "");
  out.push(`## Metrics per ${word}`, "", mdTable(tables.periods), "");
  if (tables.hours) out.push("## Metrics per hour of day (UTC)", "", mdTable(tables.hours), "");
  out.push("## How flags are decided", "", mdTable(tables.rules), "");
  return out.join("\n");
}

function mdTable(table: TextTable): string {
  const header = `| ${table.columns.map(m).join(" | ")} |`;
  const rule = `|${table.numeric.map((num) => (num ? "---:" : "---")).join("|")}|`;
  const rows = table.rows.map((row) => `| ${row.map(m).join(" | ")} |`);
  return [header, rule, ...rows].join("\n");
}
