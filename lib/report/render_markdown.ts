import { escapeMarkdown as m } from "./escape_markdown.ts";
import { EMULATED_BANNER } from "./render_html.ts";
import { recommendationPick } from "./recommendation_pick.ts";
import type { ChartArtifact, Recommendation, ReportModel, ReportSection, Table } from "./report_model.ts";
import { describeScenario } from "./scenarios.ts";

/**
 * Render the report as Markdown in the order of the HTML report. Charts are linked as PNG
 * files in the same folder. Every string from the run is escaped, so it cannot break a
 * table or inject markup.
 */
export function renderMarkdown(model: ReportModel): string {
  if (!model || !Array.isArray(model.recommendations) || !Array.isArray(model.sections)) {
    throw new TypeError("renderMarkdown: model must be the ReportModel writeReport builds");
  }
  const charts = new Map(
    [...model.sections, model.versions].flatMap((s) => s.charts).map((c) => [`chart-${c.id}`, c.pngFile]),
  );
  const out: string[] = [`# ${m(model.title)}`, "", `Models: ${model.models.map(m).join(", ") || "none"}`, ""];
  if (model.emulatedModels.length > 0) {
    out.push(`> **${m(EMULATED_BANNER)}.** Emulated models: ${model.emulatedModels.map(m).join(", ")}.`, "");
  }
  for (const notice of model.notices) out.push(`> **Note:** ${m(notice)}`, "");

  out.push("## Summary recommendations", "");
  out.push(...model.recommendations.map((r) => recommendationItem(r, charts)), "");
  out.push("## Key criteria", "", ...table(model.criteria, "Key criteria"));
  out.push("## Model comparison", "", ...table(model.comparison, "Model comparison"));
  out.push(`### ${m(model.versions.title)}`, "", ...sectionBody(model.versions));
  out.push("## Use-case breakdown", "", ...table(model.useCases, "Use-case breakdown"));
  for (const s of model.sections) out.push(`## ${m(s.title)}`, "", ...sectionBody(s));

  out.push("## Methodology", "", ...table(model.methodology, "Methodology"));
  out.push(...model.definitions.map((d) => `- **${m(d.term)}**: ${m(d.definition)}`), "");
  out.push("## Limitations", "", ...model.limitations.map((l) => `- ${m(l)}`), "");
  out.push("## Data files", "");
  for (const d of model.dataFiles) {
    out.push(`- [${m(d.name)}](${encodeURI(d.name)}): ${m(d.format)}, ${d.rows} rows × ${d.columns} columns. ${m(d.description)}`);
  }
  if (model.dataFiles.length === 0) out.push("No data file was written.");
  out.push("");
  for (const s of model.loadSnippets) out.push(`**${m(s.tool)}**`, "", "```python", s.code, "```", "");
  return out.join("\n");
}

function recommendationItem(r: Recommendation, charts: Map<string, string>): string {
  const evidence = r.evidence.map((e) => {
    const png = charts.get(e.anchor);
    return png ? `${m(e.text)} ([chart](${encodeURI(png)}))` : m(e.text);
  });
  return `- **${m(r.scenario.title)}** (${m(r.scenario.workload)}) → **${m(recommendationPick(r))}**. ${m(r.reason)}` +
    (evidence.length > 0 ? ` Evidence: ${evidence.join("; ")}.` : "") +
    ` *Rule (${m(r.scenario.source)}): ${m(describeScenario(r.scenario))}.*`;
}

function sectionBody(s: ReportSection): string[] {
  const out: string[] = [];
  for (const p of s.intro) out.push(m(p), "");
  for (const c of s.charts) out.push(...chart(c));
  for (const t of s.tables) out.push(...table(t));
  for (const n of s.notes) out.push(`- ${m(n)}`);
  if (s.notes.length > 0) out.push("");
  return out;
}

function chart(c: ChartArtifact): string[] {
  return [`![${m(c.title)}](${encodeURI(c.pngFile)})`, "", `*${m(c.description)}*`, ""];
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
