import { join } from "node:path";
import { buildReportModel } from "./build_report_model.ts";
import { renderHtml } from "./render_html.ts";
import { renderMarkdown } from "./render_markdown.ts";

/**
 * Write the report of the run in `runDir` to `outDir`: `report.html` (one self-contained
 * page with inline SVG charts), `report.md` and, next to it, one PNG per chart.
 * Creates `outDir` when missing. Returns the paths of the two report files.
 */
export async function writeReport(runDir: string, outDir: string): Promise<{ htmlPath: string; mdPath: string }> {
  for (const [name, value] of [["runDir", runDir], ["outDir", outDir]] as const) {
    if (typeof value !== "string" || value === "") {
      throw new TypeError(`writeReport: ${name} must be a non-empty folder path, got ${JSON.stringify(value)}`);
    }
  }
  const model = await buildReportModel(runDir);
  await Deno.mkdir(outDir, { recursive: true });
  for (const chart of model.charts) {
    await Deno.writeFile(join(outDir, chart.pngFile), chart.png);
  }
  const htmlPath = join(outDir, "report.html");
  const mdPath = join(outDir, "report.md");
  await Deno.writeTextFile(htmlPath, renderHtml(model));
  await Deno.writeTextFile(mdPath, renderMarkdown(model));
  return { htmlPath, mdPath };
}
