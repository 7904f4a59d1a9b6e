import { escapeHtml as h } from "./escape_html.ts";
import { recommendationPick } from "./recommendation_pick.ts";
import type { ChartArtifact, Recommendation, ReportModel, ReportSection, Table } from "./report_model.ts";
import { REPORT_CSS } from "./report_styles.ts";
import { describeScenario } from "./scenarios.ts";

/** Exact banner text for reports with emulated numbers. */
export const EMULATED_BANNER = "Emulated endpoint: numbers show how the tool measures, not how the real APIs perform";

// Blocks scripts and every request to another origin, even if an escaping bug slipped through.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * Render the report as one self-contained HTML page: inline CSS, charts as inline SVG,
 * no scripts and no external requests. Every string from the run is HTML-escaped.
 */
export function renderHtml(model: ReportModel): string {
  if (!model || !Array.isArray(model.recommendations) || !Array.isArray(model.sections)) {
    throw new TypeError("renderHtml: model must be the ReportModel writeReport builds");
  }
  const toc: [string, string][] = [
    ["summary", "Summary recommendations"],
    ["key-criteria-section", "Key criteria"],
    ["comparison-section", "Model comparison"],
    ["use-case-section", "Use-case breakdown"],
    ...model.sections.map((s): [string, string] => [s.id, s.title]),
    ["methodology-section", "Methodology"],
    ["limitations", "Limitations"],
    ["data-files", "Data files"],
  ];
  const parts = [
    `<!doctype html>`,
    `<html lang="en"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${h(model.title)}</title><style>${REPORT_CSS}</style></head><body>`,
    `<header><h1>${h(model.title)}</h1>`,
    `<p class="meta">Models: ${model.models.map(h).join(", ") || "none"}</p></header>`,
    banner(model),
    ...model.notices.map((n) => `<div class="notice" role="alert">${h(n)}</div>`),
    `<nav class="toc" aria-label="Contents"><ol>${toc.map(([id, t]) => `<li><a href="#${h(id)}">${h(t)}</a></li>`).join("")}</ol></nav>`,
    `<section id="summary"><h2>Summary recommendations</h2>`,
    table(summaryTable(model.recommendations)),
    ...model.recommendations.map(recommendationBlock),
    `</section>`,
    section("key-criteria-section", "Key criteria", table(model.criteria, false, "Key criteria")),
    section(
      "comparison-section",
      "Model comparison",
      table(model.comparison, true, "Model comparison") + `<h3 id="${h(model.versions.id)}">${h(model.versions.title)}</h3>` +
        sectionBody(model.versions),
    ),
    section("use-case-section", "Use-case breakdown", table(model.useCases, false, "Use-case breakdown")),
    ...model.sections.map((s) => section(s.id, s.title, sectionBody(s))),
    section(
      "methodology-section",
      "Methodology",
      table(model.methodology, true, "Methodology") +
        `<dl>${model.definitions.map((d) => `<dt>${h(d.term)}</dt><dd>${h(d.definition)}</dd>`).join("")}</dl>`,
    ),
    section("limitations", "Limitations", `<ul>${model.limitations.map((l) => `<li>${h(l)}</li>`).join("")}</ul>`),
    section("data-files", "Data files", dataFiles(model)),
    `<footer>Computed from the trials.jsonl and run.json of run ${h(model.runId)}.</footer>`,
    `</body></html>`,
  ];
  return parts.filter((p) => p !== "").join("\n") + "\n";
}

function banner(model: ReportModel): string {
  if (model.emulatedModels.length === 0) return "";
  return `<div class="banner" role="alert"><strong>${h(EMULATED_BANNER)}.</strong> ` +
    `Emulated models: ${model.emulatedModels.map(h).join(", ")}.</div>`;
}

function summaryTable(recs: readonly Recommendation[]): Table {
  return {
    id: "summary-table",
    caption: "Recommendation per scenario",
    columns: ["Scenario", "Recommendation", "Score (95% band)", "Runner-up"],
    rows: recs.map((r) => {
      const top = r.ranking[0];
      return [
        r.scenario.title,
        recommendationPick(r),
        top ? `${top.score.toFixed(2)} (${top.low.toFixed(2)}–${top.high.toFixed(2)})` : "—",
        r.runnerUp ?? "—",
      ];
    }),
    note: "Each criterion scores 1.00 for the best model's measured value, so a 95% band can reach above 1.",
  };
}

function recommendationBlock(r: Recommendation): string {
  const evidence = r.evidence.map((e) => `<li>${h(e.text)} <a href="#${h(e.anchor)}">(see ${h(anchorName(e.anchor))})</a></li>`);
  return `<article class="rec" id="scenario-${h(r.scenario.id)}"><h3>${h(r.scenario.title)} ` +
    `<span class="rule">(${h(r.scenario.workload)})</span></h3>` +
    `<p class="verdict">→ <strong>${h(recommendationPick(r))}</strong></p><p>${h(r.reason)}</p>` +
    (evidence.length > 0 ? `<ul class="evidence">${evidence.join("")}</ul>` : "") +
    `<p class="rule">Rule (${h(r.scenario.source)}): ${h(describeScenario(r.scenario))}.</p></article>`;
}

function anchorName(anchor: string): string {
  return anchor.startsWith("chart-") ? "chart" : "table";
}

function section(id: string, title: string, body: string): string {
  return `<section id="${h(id)}"><h2>${h(title)}</h2>${body}</section>`;
}

function sectionBody(s: ReportSection): string {
  return s.intro.map((p) => `<p>${h(p)}</p>`).join("") +
    s.charts.map(figure).join("\n") +
    s.tables.map((t) => table(t)).join("\n") +
    (s.notes.length > 0 ? `<ul class="notes">${s.notes.map((n) => `<li>${h(n)}</li>`).join("")}</ul>` : "");
}

// A caption that repeats the section heading stays for screen readers but is not shown.
function table(t: Table, rowHeaders = false, heading?: string): string {
  const numeric = new Set(t.numericColumns ?? []);
  const excerpts = new Set(t.excerptColumns ?? []);
  const head = `<thead><tr>${t.columns.map((c) => `<th scope="col">${h(c)}</th>`).join("")}</tr></thead>`;
  const body = t.rows.map((row) =>
    `<tr>${
      row.map((cell, i) => {
        if (rowHeaders && i === 0) return `<th scope="row">${h(cell)}</th>`;
        const cls = numeric.has(i) ? ` class="num"` : excerpts.has(i) ? ` class="excerpt"` : "";
        return `<td${cls}>${h(cell)}</td>`;
      }).join("")
    }</tr>`
  ).join("");
  const note = t.note ? `<p class="table-note">${h(t.note)}</p>` : "";
  const caption = `<caption${t.caption === heading ? ` class="visually-hidden"` : ""}>${h(t.caption)}</caption>`;
  return `<div class="table-wrap"><table id="${h(t.id)}">${caption}${head}<tbody>${body}</tbody></table></div>${note}`;
}

function figure(c: ChartArtifact): string {
  return `<figure id="chart-${h(c.id)}" role="img" aria-label="${h(c.description)}">${scopeSvgIds(c.svg, c.id)}` +
    `<figcaption>${h(c.description)}</figcaption></figure>`;
}

function dataFiles(model: ReportModel): string {
  const rows = model.dataFiles.map((d) => [d.name, d.format, String(d.rows), String(d.columns), d.description]);
  const t: Table = {
    id: "data-files-table",
    caption: "Per-trial data files next to this report",
    columns: ["File", "Format", "Rows", "Columns", "Contents"],
    numericColumns: [2, 3],
    rows,
  };
  const snippets = model.loadSnippets.map((s) => `<h3>${h(s.tool)}</h3><pre><code>${h(s.code)}</code></pre>`).join("");
  return (rows.length > 0 ? table(t) : "<p>No data file was written.</p>") + snippets;
}

// Several inline SVGs share one document, so any id Vega emits must be unique per chart.
function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_, id) => `href="#${prefix}-${id}"`);
}
