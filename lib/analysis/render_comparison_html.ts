import { escapeHtml } from "../report/escape_html.ts";
import type { MetricChange, RunComparison } from "./comparison_types.ts";
import { describeComparisonMethod } from "./describe_comparison_method.ts";
import { formatComparison } from "./format_comparison.ts";

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; max-width: 72rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; width: 100%; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; font-variant-numeric: tabular-nums; }
th { background: #f2f2f2; }
tr.regression td { background: #fde2e2; color: #8a1010; }
tr.improvement td { background: #dff3e0; color: #145a1e; }
tr.insufficient td { color: #777; }
.warnings { background: #fff6d6; border: 1px solid #e6c200; padding: 0.5rem 1rem; }
`;

/**
 * Render a run comparison as one self-contained HTML page (inline style, no scripts or
 * external files): regressions in red, improvements in green. Every value taken from the
 * runs is HTML-escaped.
 */
export function renderComparisonHtml(comparison: RunComparison): string {
  if (!comparison || !Array.isArray(comparison.changes)) {
    throw new TypeError("renderComparisonHtml: comparison must be the object compareRuns returns");
  }
  const { run_a: a, run_b: b, counts } = comparison;
  const title = `Run comparison: ${a.run_id} vs ${b.run_id}`;
  const parts = [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<ul><li>Run A: ${describe(a)}</li><li>Run B: ${describe(b)}</li></ul>`,
  ];
  if (comparison.warnings.length > 0) {
    parts.push('<div class="warnings"><h2>Warnings</h2><ul>');
    parts.push(...comparison.warnings.map((w) => `<li>${escapeHtml(w)}</li>`));
    parts.push("</ul></div>");
  }
  parts.push(
    "<h2>Summary</h2>",
    `<p>${counts.regression} regressions, ${counts.improvement} improvements, ${counts["no significant change"]} ` +
      `without significant change, ${counts["insufficient data"]} with insufficient data.</p>`,
  );
  for (const [label, models] of [["Only in run A", comparison.models.only_a], ["Only in run B", comparison.models.only_b]] as const) {
    if (models.length > 0) parts.push(`<p>${label}: ${models.map(escapeHtml).join(", ")}.</p>`);
  }
  for (const model of comparison.models.compared) {
    parts.push(
      `<h2>${escapeHtml(model)}</h2>`,
      "<table><thead><tr><th>Datasets</th><th>Metric</th><th>Run A</th><th>Run B</th><th>Change</th>" +
        "<th>95% interval</th><th>Verdict</th></tr></thead><tbody>",
      ...comparison.changes.filter((c) => c.model === model).map(row),
      "</tbody></table>",
    );
  }
  parts.push("<h2>Method</h2><ul>", ...describeComparisonMethod(comparison.settings).map((s) => `<li>${escapeHtml(s)}</li>`));
  parts.push("</ul></body></html>", "");
  return parts.join("\n");
}

function describe(run: RunComparison["run_a"]): string {
  const spec = run.spec_name === null ? "" : `, spec ${escapeHtml(run.spec_name)}`;
  return `${escapeHtml(run.run_id)} (started ${escapeHtml(run.started_at)}${spec}, ${escapeHtml(run.status)}, ` +
    `${escapeHtml(run.endpoint_kind)} endpoints, ${run.trials} trials)`;
}

function row(change: MetricChange): string {
  const classes: Record<MetricChange["verdict"], string> = {
    regression: "regression",
    improvement: "improvement",
    "no significant change": "unchanged",
    "insufficient data": "insufficient",
  };
  const cells = [
    change.dataset === null ? "all" : change.dataset,
    change.label,
    `${formatComparison.value(change.a, change.unit)} (n ${change.n_a})`,
    `${formatComparison.value(change.b, change.unit)} (n ${change.n_b})`,
    changeText(change),
    formatComparison.interval(change.ci_low, change.ci_high, change.unit),
    change.verdict,
  ];
  return `<tr class="${classes[change.verdict]}">${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`;
}

// Rates change in percentage points; a relative change of a small rate (+150% for 0.8% → 2%) misleads.
function changeText(change: MetricChange): string {
  const absolute = formatComparison.change(change.change, change.unit);
  if (change.unit === "fraction") return absolute;
  return `${absolute} (${formatComparison.relative(change.relative_change)})`;
}
