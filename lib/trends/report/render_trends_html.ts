import { escapeHtml as h } from "../../report/escape_html.ts";
import { buildTrendTables } from "./build_trend_tables.ts";
import type { TextTable, TrendChart, TrendReport } from "./trend_report.ts";

// No scripts and no requests to any other origin, even if an escaping bug slipped through.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const CSS = `body{font-family:system-ui,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.88rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top}
th{background:#f3f3f3;text-align:left}td.num{text-align:right;white-space:nowrap}
.meta{color:#555}.note{background:#fff8e1;border-left:4px solid #f0b400;padding:.4rem .7rem;margin:.4rem 0}
.breach{background:#fdecea;border-left:4px solid #d00000;padding:.4rem .7rem;margin:.4rem 0}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}`;

/**
 * Renders the trend report as one self-contained HTML page: inline CSS, charts as inline SVG,
 * no scripts and no external requests. Every string from the data is HTML-escaped.
 */
export function renderTrendsHtml(report: TrendReport, charts: readonly TrendChart[], skippedCharts: readonly string[]): string {
  if (!report || !Array.isArray(report.metrics)) throw new TypeError("renderTrendsHtml: report must be a TrendReport");
  const tables = buildTrendTables(report);
  const word = report.periodKind === "day" ? "day" : "run";
  const parts = [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${h(report.title)}</title><style>${CSS}</style></head><body>`,
    `<header><h1>${h(report.title)}</h1>`,
    `<p class="meta">Source: ${h(report.source)}. Periods: one per ${word}. Generated ${h(report.generatedAt)}.</p></header>`,
    ...report.notes.map((note) => `<div class="note">${h(note)}</div>`),
    section("flags", "Flags", tables.flags ? htmlTable(tables.flags) : `<p>No ${word} was flagged.</p>`),
  ];
  if (report.breaches !== null) {
    const body = tables.breaches === null
      ? "<p>No threshold was crossed.</p>"
      : `<div class="breach">${report.breaches.length} threshold crossing(s); the first: ${h(report.breaches[0].message)}</div>` +
        htmlTable(tables.breaches);
    parts.push(section("check", "Threshold check", `<p>Thresholds: ${h(JSON.stringify(report.thresholds))}</p>${body}`));
  }
  parts.push(
    section("charts", "Charts", charts.map(figure).join("\n") + skippedList(skippedCharts)),
    section("overview", "Overview per model", htmlTable(tables.overview)),
    section("versions", "Model versions returned", htmlTable(tables.versions)),
  );
  if (tables.excluded) {
    parts.push(section("excluded", "Runs left out (not comparable with the latest run)", htmlTable(tables.excluded)));
  }
  parts.push(
    section(
      "periods",
      `Metrics per ${word}`,
      `<details open><summary>${tables.periods.rows.length} rows</summary>${htmlTable(tables.periods)}</details>`,
    ),
  );
  if (tables.hours) {
    parts.push(
      section(
        "hours",
        "Metrics per hour of day (UTC)",
        `<details><summary>${tables.hours.rows.length} rows</summary>${htmlTable(tables.hours)}</details>`,
      ),
    );
  }
  parts.push(section("method", "How flags are decided", htmlTable(tables.rules)), "</body></html>");
  return parts.join("\n") + "\n";
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${h(title)}</h2>\n${body}\n</section>`;
}

// The SVG comes from Vega's renderer, which escapes the data's text itself.
function figure(chart: TrendChart): string {
  return `<figure id="chart-${h(chart.id)}" aria-label="${h(chart.title)}">${chart.svg}</figure>`;
}

function skippedList(skipped: readonly string[]): string {
  if (skipped.length === 0) return "";
  return `<p>Charts not drawn:</p><ul>${skipped.map((s) => `<li>${h(s)}</li>`).join("")}</ul>`;
}

function htmlTable(table: TextTable): string {
  const head = table.columns.map((c) => `<th>${h(c)}</th>`).join("");
  const rows = table.rows.map((row) =>
    `<tr>${row.map((cell, i) => `<td${table.numeric[i] ? ' class="num"' : ""}>${h(cell)}</td>`).join("")}</tr>`
  );
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}
