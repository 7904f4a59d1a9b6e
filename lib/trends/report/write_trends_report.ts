import { join } from "node:path";
import { buildTrendCharts } from "./build_trend_charts.ts";
import { renderTrendsHtml } from "./render_trends_html.ts";
import { renderTrendsMarkdown } from "./render_trends_markdown.ts";
import type { TrendReport } from "./trend_report.ts";

/** Paths of a written trend report. */
export interface WrittenTrends {
  htmlPath: string;
  mdPath: string;
  jsonPath: string;
  chartPaths: string[];
}

/**
 * Writes a trend report to `outDir`: `trends.html` (self-contained, inline SVG charts),
 * `trends.md` with `charts/*.svg` beside it, and `trends.json` with the metrics, flags and
 * breaches for other tools.
 */
export async function writeTrendsReport(report: TrendReport, outDir: string): Promise<WrittenTrends> {
  if (!report || !Array.isArray(report.metrics)) throw new TypeError("writeTrendsReport: report must be a TrendReport");
  if (typeof outDir !== "string" || outDir === "") throw new TypeError("writeTrendsReport: outDir must be a folder path");
  const { charts, skipped } = await buildTrendCharts(report);
  const chartsDir = join(outDir, "charts");
  await Deno.mkdir(chartsDir, { recursive: true });

  const chartPaths: string[] = [];
  for (const chart of charts) {
    const path = join(chartsDir, `${chart.id}.svg`);
    await Deno.writeTextFile(path, chart.svg);
    chartPaths.push(path);
  }
  const htmlPath = join(outDir, "trends.html");
  const mdPath = join(outDir, "trends.md");
  const jsonPath = join(outDir, "trends.json");
  await Deno.writeTextFile(htmlPath, renderTrendsHtml(report, charts, skipped));
  await Deno.writeTextFile(mdPath, renderTrendsMarkdown(report, charts, skipped));
  await Deno.writeTextFile(jsonPath, JSON.stringify(report, null, 2) + "\n");
  return { htmlPath, mdPath, jsonPath, chartPaths };
}
