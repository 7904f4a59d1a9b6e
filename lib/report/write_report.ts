import { join, resolve } from "node:path";
import { buildReportModel } from "./build_report_model.ts";
import { ensureChromium } from "./ensure_chromium.ts";
import { loadScenarios, parseScenarios } from "./load_scenarios.ts";
import { loadTrialsFast, TRIALS_PARQUET } from "./load_trials_fast.ts";
import { readRunManifest } from "./read_run_manifest.ts";
import { renderHtml } from "./render_html.ts";
import { renderMarkdown } from "./render_markdown.ts";
import { renderPdf } from "./render_pdf.ts";
import type { ReportModel } from "./report_model.ts";
import { type ScenarioDefinition, SEED_SCENARIOS } from "./scenarios.ts";
import { describeDataFiles, LOAD_SNIPPETS, TRIALS_CSV, writeDataFiles } from "./write_data_files.ts";

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  /** JSON file of user-defined scenarios, added to the built-in ones (same id replaces). */
  scenariosFile?: string;
  /** Render report.pdf with headless Chromium; default true. */
  pdf?: boolean;
}

/** Paths of what {@link writeReport} wrote, and warnings for what it skipped. */
export interface WrittenReport {
  htmlPath: string;
  mdPath: string;
  /** Null when the PDF was turned off or could not be rendered (see warnings). */
  pdfPath: string | null;
  parquetPath: string;
  csvPath: string;
  /** Chart PNG files next to report.md. */
  pngPaths: string[];
  /** Sentences for the caller to show, e.g. why no PDF was written. */
  warnings: string[];
}

/**
 * Write the report of the run in `runDir` to `outDir`, creating the folder. The files are
 * `report.html` (one self-contained page with inline SVG charts), `report.md` with one PNG
 * per chart, `report.pdf` printed by headless Chromium, and the per-trial data files
 * `trials.parquet` and `trials.csv`. Chromium is installed with apt-get when it is missing
 * and the process runs as root. Scenarios are the built-in set, plus `scenarios` of the
 * run's spec, plus `options.scenariosFile`.
 */
export async function writeReport(runDir: string, outDir: string, options: WriteReportOptions = {}): Promise<WrittenReport> {
  for (const [name, value] of [["runDir", runDir], ["outDir", outDir]] as const) {
    if (typeof value !== "string" || value === "") {
      throw new TypeError(`writeReport: ${name} must be a non-empty folder path, got ${JSON.stringify(value)}`);
    }
  }
  const manifest = await readRunManifest(runDir);
  const scenarios = await scenariosFor(manifest.spec, options.scenariosFile);
  await Deno.mkdir(outDir, { recursive: true });
  const parquetPath = join(outDir, TRIALS_PARQUET);
  const csvPath = join(outDir, TRIALS_CSV);
  // Data files newer than trials.jsonl are current: a rebuild reads the Parquet file without
  // the bulky events column and rewrites neither file.
  const source = await mtimeOf(join(runDir, "trials.jsonl"));
  const current = source !== null && [await mtimeOf(parquetPath), await mtimeOf(csvPath)].every((t) => t !== null && t > source);
  let loaded = current ? await loadTrialsFast(runDir, { cacheFile: parquetPath }) : null;
  let dataFiles;
  if (loaded?.source === "parquet-cache") {
    dataFiles = describeDataFiles(loaded.trials.height, loaded.trials.width + 1, true);
  } else {
    loaded = await loadTrialsFast(runDir, { cacheFile: parquetPath, withEvents: true });
    dataFiles = writeDataFiles(loaded.trials, outDir, loaded.source === "parquet-cache");
  }
  const trials = loaded.trials;
  const built = await buildReportModel({ runDir, manifest, trials, scenarios });
  const model: ReportModel = { ...built, dataFiles, loadSnippets: [...LOAD_SNIPPETS] };

  const charts = [...model.sections, model.versions].flatMap((s) => s.charts);
  const pngPaths = [];
  for (const chart of charts) {
    pngPaths.push(join(outDir, chart.pngFile));
    await Deno.writeFile(join(outDir, chart.pngFile), chart.png);
  }
  const htmlPath = join(outDir, "report.html");
  const mdPath = join(outDir, "report.md");
  await Deno.writeTextFile(htmlPath, renderHtml(model));
  await Deno.writeTextFile(mdPath, renderMarkdown(model));

  const warnings: string[] = [];
  let pdfPath: string | null = null;
  if (options.pdf !== false) {
    const chromium = await ensureChromium();
    if (!chromium.ok) {
      warnings.push(`report.pdf skipped: ${chromium.reason}`);
    } else {
      try {
        await renderPdf(resolve(htmlPath), resolve(join(outDir, "report.pdf")), chromium.path);
        pdfPath = join(outDir, "report.pdf");
      } catch (error) {
        warnings.push(`report.pdf skipped: ${(error as Error).message}`);
      }
    }
  }
  return { htmlPath, mdPath, pdfPath, parquetPath, csvPath, pngPaths, warnings };
}

async function scenariosFor(spec: Record<string, unknown>, file: string | undefined): Promise<ScenarioDefinition[]> {
  const extra = [
    ...(spec?.scenarios === undefined ? [] : parseScenarios(spec.scenarios, "run.json spec.scenarios")),
    ...(file === undefined ? [] : await loadScenarios(file)),
  ];
  const byId = new Map<string, ScenarioDefinition>(SEED_SCENARIOS.map((s) => [s.id, s]));
  for (const s of extra) byId.set(s.id, s);
  return [...byId.values()];
}

async function mtimeOf(path: string): Promise<number | null> {
  try {
    return (await Deno.stat(path)).mtime?.getTime() ?? null;
  } catch {
    return null;
  }
}
