import { escapeHtml as h } from "./escape_html.ts";
import type { ChartArtifact, Recommendation, ReportModel, Table } from "./report_model.ts";
import { REPORT_CSS } from "./report_styles.ts";

/** Exact banner text for reports with emulated numbers. */
export const EMULATED_BANNER = "Emulated endpoint: numbers show how the tool measures, not how the real APIs perform";

// Blocks scripts and every request to another origin, even if an escaping bug slipped through.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * Render the report as one self-contained HTML page: inline CSS, charts as inline SVG,
 * no scripts and no external requests. Every string from the run is HTML-escaped.
 */
export function renderHtml(model: ReportModel): string {
  if (!model || !Array.isArray(model.recommendations)) {
    throw new TypeError("renderHtml: model must be the ReportModel buildReportModel returns");
  }
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
    `<section id="summary"><h2>Summary recommendations</h2><ul class="recommendations">`,
    ...model.recommendations.map(recommendationItem),
    `</ul></section>`,
    section("key-criteria-section", "Key criteria", table(model.criteria, false, "Key criteria")),
    section("comparison-section", "Model comparison", table(model.comparison, true, "Model comparison")),
    section("use-case-section", "Use-case breakdown", table(model.useCases, false, "Use-case breakdown")),
    section("charts", "Charts", charts(model.charts, model.skippedCharts)),
    section("datasets", "Per-dataset results", datasets(model)),
    section("errors-section", "Errors", model.errors ? table(model.errors, false, "Errors") : "<p>No trial failed.</p>"),
    section(
      "methodology-section",
      "Methodology",
      table(model.methodology, true, "Methodology") +
        `<dl>${model.definitions.map((d) => `<dt>${h(d.term)}</dt><dd>${h(d.definition)}</dd>`).join("")}</dl>`,
    ),
    section("limitations", "Limitations", `<ul>${model.limitations.map((l) => `<li>${h(l)}</li>`).join("")}</ul>`),
    `<footer>Computed from the trials.jsonl and run.json of run ${h(model.runId)}.</footer>`,
    `</body></html>`,
  ];
  return parts.join("\n") + "\n";
}

function banner(model: ReportModel): string {
  if (model.emulatedModels.length === 0) return "";
  return `<div class="banner" role="alert"><strong>${h(EMULATED_BANNER)}.</strong> ` +
    `Emulated models: ${model.emulatedModels.map(h).join(", ")}.</div>`;
}

function recommendationItem(r: Recommendation): string {
  const pick = r.verdict === "winner"
    ? `<strong>${h(r.models[0])}</strong>`
    : r.verdict === "no-clear-winner"
    ? "<strong>no clear winner</strong>"
    : r.verdict === "not-measured"
    ? "<strong>not measured in this run</strong>"
    : "<strong>no model qualifies</strong>";
  return `<li><strong>${h(r.scenario.title)}</strong> (${h(r.scenario.workload)}) → ${pick}. ${h(r.reason)} ` +
    `<span class="rule">Rule: ${h(r.scenario.rule)}.</span></li>`;
}

function section(id: string, title: string, body: string): string {
  return `<section id="${h(id)}"><h2>${h(title)}</h2>${body}</section>`;
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
        let cls = "";
        if (numeric.has(i)) cls = ` class="num"`;
        else if (excerpts.has(i)) cls = ` class="excerpt"`;
        return `<td${cls}>${h(cell)}</td>`;
      }).join("")
    }</tr>`
  ).join("");
  const note = t.note ? `<p class="table-note">${h(t.note)}</p>` : "";
  return `<div class="table-wrap"><table id="${h(t.id)}"><caption${t.caption === heading ? ` class="visually-hidden"` : ""}>${h(t.caption)}</caption>${head}<tbody>${body}</tbody></table></div>${note}`;
}

function charts(list: readonly ChartArtifact[], skipped: readonly string[]): string {
  const figures = list.map((c) =>
    `<figure id="chart-${h(c.id)}" aria-label="${h(c.description)}">${scopeSvgIds(c.svg, c.id)}` +
    `<figcaption>${h(c.description)}</figcaption></figure>`
  );
  const notes = skipped.length > 0 ? `<ul>${skipped.map((s) => `<li>${h(s)}</li>`).join("")}</ul>` : "";
  return figures.join("\n") + notes || "<p>No chart could be drawn.</p>";
}

function datasets(model: ReportModel): string {
  if (model.datasets.length === 0) return "<p>No dataset has trials.</p>";
  return model.datasets.map((d) => {
    const failures = d.failures ? `<h4>Sample failures</h4>${table(d.failures)}` : "<p>No failed or wrong trial.</p>";
    return `<h3>${h(d.dataset)} <span class="rule">(${h(d.taskKinds.join(", ") || "no task kind")})</span></h3>` +
      table(d.metrics) + failures;
  }).join("\n");
}

// Several inline SVGs share one document, so any id Vega emits must be unique per chart.
function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_, id) => `href="#${prefix}-${id}"`);
}
