import type { RunComparison } from "./comparison_types.ts";
import { renderComparisonHtml } from "./render_comparison_html.ts";
import { renderComparisonMarkdown } from "./render_comparison_markdown.ts";

/** Paths of the files a comparison report consists of. */
export interface ComparisonReportPaths {
  mdPath: string;
  htmlPath: string;
  jsonPath: string;
}

/**
 * Write a run comparison into `outDir` (created when missing) as `compare.md`,
 * `compare.html` (self-contained) and `compare.json` (the structured data), replacing
 * earlier files of the same names.
 */
export async function writeComparisonReport(comparison: RunComparison, outDir: string): Promise<ComparisonReportPaths> {
  if (typeof outDir !== "string" || outDir === "") {
    throw new TypeError("writeComparisonReport: outDir must be a folder path such as reports/compare-A-vs-B");
  }
  const markdown = renderComparisonMarkdown(comparison);
  const html = renderComparisonHtml(comparison);
  const dir = outDir.replace(/\/+$/, "");
  await Deno.mkdir(dir, { recursive: true });
  const paths = { mdPath: `${dir}/compare.md`, htmlPath: `${dir}/compare.html`, jsonPath: `${dir}/compare.json` };
  await Deno.writeTextFile(paths.mdPath, markdown);
  await Deno.writeTextFile(paths.htmlPath, html);
  await Deno.writeTextFile(paths.jsonPath, JSON.stringify(comparison, null, 2) + "\n");
  return paths;
}
