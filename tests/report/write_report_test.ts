import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { writeReport, type WriteReportOptions, type WrittenReport } from "../../lib/report/write_report.ts";
import { makeFakeRun, type FakeRunOptions } from "./make_fake_run.ts";

const HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)> a|b";
const MODELS = [
  "openai:gpt-4o-mini",
  "anthropic:claude-haiku-4-5",
  "google:gemini-2.5-flash",
  "openai-compatible:llama-3.1-8b-instruct",
];

interface Built {
  html: string;
  md: string;
  outDir: string;
  written: WrittenReport;
}

const cache = new Map<string, Promise<Built>>();

// PDFs are checked in pdf_test.ts; here they would only slow every build down.
function build(options: FakeRunOptions, report: WriteReportOptions = {}): Promise<Built> {
  const key = JSON.stringify([options, report]);
  if (!cache.has(key)) {
    cache.set(key, (async () => {
      const parent = await Deno.makeTempDir({ prefix: "report-" });
      const runDir = await makeFakeRun(parent, options);
      const outDir = `${parent}/out`;
      const written = await writeReport(runDir, outDir, { pdf: false, ...report });
      return { html: await Deno.readTextFile(written.htmlPath), md: await Deno.readTextFile(written.mdPath), outDir, written };
    })());
  }
  return cache.get(key)!;
}

const emulated = () => build({ hostileOutput: HOSTILE });

Deno.test("writeReport html has the main tables", async () => {
  const { html } = await emulated();
  const ids = ["summary-table", "key-criteria", "model-comparison", "use-cases", "latency-table", "quality-table", "methodology"];
  assert.deepEqual(ids.filter((id) => !html.includes(`<table id="${id}">`)), []);
});

Deno.test("writeReport markdown has the four tables", async () => {
  const { md } = await emulated();
  const headers = ["| Criterion | Metric |", "| Metric | ", "| Use case | Best model |", "| Suite (task kinds) |"];
  assert.deepEqual(headers.filter((header) => !md.includes(header)), []);
});

Deno.test("writeReport html sections come in report order", async () => {
  const { html } = await emulated();
  const order = [
    'class="banner"',
    'id="summary"',
    'id="key-criteria-section"',
    'id="comparison-section"',
    'id="use-case-section"',
    'id="latency-section"',
    'id="throughput-section"',
    'id="cost-section"',
    'id="quality-section"',
    'id="errors-section"',
    'id="context-section"',
    'id="methodology-section"',
    'id="limitations"',
    'id="data-files"',
  ].map((marker) => html.indexOf(marker));
  assert.deepEqual(order, [...order].sort((a, b) => a - b));
});

Deno.test("writeReport markdown sections come in report order", async () => {
  const { md } = await emulated();
  const order = ["Emulated endpoint", "## Summary recommendations", "## Key criteria", "## Model comparison",
    "## Use-case breakdown", "## Latency", "## Throughput", "## Cost", "## Quality per suite", "## Errors",
    "## Context handling", "## Methodology", "## Limitations", "## Data files"]
    .map((marker) => md.indexOf(marker));
  assert.deepEqual(order, [...order].sort((a, b) => a - b));
});

Deno.test("writeReport names every model in html", async () => {
  const { html } = await emulated();
  assert.deepEqual(MODELS.filter((m) => !html.includes(m)), []);
});

Deno.test("writeReport names every model in markdown", async () => {
  const { md } = await emulated();
  assert.deepEqual(MODELS.filter((m) => !md.includes(m)), []);
});

Deno.test("writeReport emulated run shows the banner", async () => {
  const { html } = await emulated();
  assert.match(html, /Emulated endpoint: numbers show how the tool measures, not how the real APIs perform/);
});

Deno.test("writeReport banner names the emulated models", async () => {
  const { md } = await emulated();
  const banner = md.split("\n").find((line) => line.includes("Emulated endpoint"))!;
  assert.deepEqual(MODELS.filter((m) => !banner.includes(m)), []);
});

Deno.test("writeReport real run has no banner", async () => {
  const { html } = await build({ endpointKind: "real", runId: "real-run" });
  assert.equal(html.includes("Emulated endpoint"), false);
});

Deno.test("writeReport html escapes a hostile script", async () => {
  const { html } = await emulated();
  assert.equal(/<script/i.test(html), false);
});

Deno.test("writeReport html escapes a hostile img tag", async () => {
  const { html } = await emulated();
  assert.equal(/<img/i.test(html), false);
});

Deno.test("writeReport html shows hostile output as text", async () => {
  const { html } = await emulated();
  assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"));
});

Deno.test("writeReport markdown escapes hostile html", async () => {
  const { md } = await emulated();
  assert.equal(/<script|<img/i.test(md), false);
});

Deno.test("writeReport markdown escapes a pipe in a table cell", async () => {
  const { md } = await emulated();
  const row = md.split("\n").find((line) => line.startsWith("|") && line.includes("onerror"))!;
  assert.ok(row.includes("a\\|b"), row);
});

Deno.test("writeReport markdown table rows keep their column count", async () => {
  const { md } = await emulated();
  const lines = md.split("\n");
  const bad: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith("| ---") && !lines[i].startsWith("| ---:")) continue;
    const cells = (line: string) => line.replace(/\\\|/g, "").split("|").length;
    const width = cells(lines[i - 1]);
    for (let j = i + 1; j < lines.length && lines[j].startsWith("|"); j++) {
      if (cells(lines[j]) !== width) bad.push(lines[j]);
    }
  }
  assert.deepEqual(bad, []);
});

Deno.test("writeReport html makes no external request", async () => {
  const { html } = await emulated();
  const external = html.match(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\/|<link\b|@import|url\(\s*["']?https?:/gi);
  assert.equal(external, null);
});

Deno.test("writeReport html inlines at least three charts as svg", async () => {
  const { html } = await emulated();
  assert.ok((html.match(/<svg\b/g) ?? []).length >= 3);
});

Deno.test("writeReport markdown links chart PNGs that exist next to it", async () => {
  const { md, outDir } = await emulated();
  const links = [...md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
  const missing = [];
  for (const link of links) {
    try {
      await Deno.stat(`${outDir}/${link}`);
    } catch {
      missing.push(link);
    }
  }
  assert.deepEqual([links.length >= 3, missing], [true, []]);
});

Deno.test("writeReport says no image item ran", async () => {
  const { md } = await emulated();
  assert.match(md, /\*\*Images and media\*\*[^\n]*not measured in this run/);
});

Deno.test("writeReport measures images when an image item ran", async () => {
  const { md } = await build({ withImages: true, runId: "image-run" });
  assert.match(md, /\*\*Images and media\*\*[^\n]*pass rate on image items/);
});

Deno.test("writeReport all-failed run still builds", async () => {
  const { html } = await build({ allFailed: true, runId: "failed-run" });
  assert.match(html, /Every trial failed \(80 of 80\)/);
});

Deno.test("writeReport all-failed run recommends no model for latency", async () => {
  const { md } = await build({ allFailed: true, runId: "failed-run" });
  assert.match(md, /\*\*Low latency\*\*[^\n]*not measured in this run/);
});

Deno.test("writeReport all-failed run keeps the main tables", async () => {
  const { html } = await build({ allFailed: true, runId: "failed-run" });
  const ids = ["key-criteria", "model-comparison", "use-cases", "quality-table"];
  assert.deepEqual(ids.filter((id) => !html.includes(`<table id="${id}">`)), []);
});

Deno.test("writeReport missing run folder names run.json", async () => {
  const dir = await Deno.makeTempDir({ prefix: "report-" });
  await assert.rejects(writeReport(`${dir}/nope`, `${dir}/out`), /run\.json does not exist/);
});

Deno.test("writeReport every section marker is present", async () => {
  const { html } = await emulated();
  const ids = ["summary", "latency-section", "throughput-section", "cost-section", "quality-section", "errors-section",
    "context-section", "data-files", "versions-section"];
  assert.deepEqual(ids.filter((id) => !html.includes(`id="${id}"`)), []);
});

Deno.test("writeReport every internal link has a target", async () => {
  const { html } = await emulated();
  const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(targets)].filter((id) => !html.includes(`id="${id}"`)), []);
});

Deno.test("writeReport recommendations link evidence to charts", async () => {
  const { html } = await emulated();
  assert.match(html, /<ul class="evidence"><li>[^<]*TTFT p50[^<]*<a href="#chart-ttft-distribution">/);
});

Deno.test("writeReport draws ten chart kinds for a full run", async () => {
  const { written } = await build({ withNeedles: true, sweep: [1, 4, 16], runId: "full-run" });
  assert.ok(written.pngPaths.length >= 10, written.pngPaths.join(", "));
});

Deno.test("writeReport draws the needle heatmap when needle items ran", async () => {
  const { html } = await build({ withNeedles: true, sweep: [1, 4, 16], runId: "full-run" });
  assert.ok(html.includes('id="chart-context-heatmap"'));
});

Deno.test("writeReport says needles were not measured without needle items", async () => {
  const { html } = await emulated();
  assert.deepEqual([html.includes('id="chart-context-heatmap"'), html.includes("not measured in this run (no item tagged context")], [
    false,
    true,
  ]);
});

Deno.test("writeReport single concurrency level is named in the chart", async () => {
  const { html } = await emulated();
  assert.match(html, /id="chart-throughput-vs-concurrency"[\s\S]*single concurrency level measured/);
});

Deno.test("writeReport concurrency sweep lists every level", async () => {
  const { md } = await build({ withNeedles: true, sweep: [1, 4, 16], runId: "full-run" });
  assert.match(md, /swept 3 concurrency levels: 1, 4, 16/);
});

Deno.test("writeReport methodology states the configured concurrency and peak", async () => {
  const { md } = await emulated();
  assert.match(md, /concurrency configured 8; observed peak requests in flight over the run 8/);
});

Deno.test("writeReport quality table has a Wilson interval per suite and model", async () => {
  const { md } = await emulated();
  const row = md.split("\n").find((line) => line.startsWith("| sql-sqlite (sql)"))!;
  assert.equal((row.match(/\d+% \(\d+\/\d+; \d+(\.\d)?%–\d+(\.\d)?%\)/g) ?? []).length, 4);
});

Deno.test("writeReport writes trials.parquet with one row per trial", async () => {
  const { written } = await emulated();
  assert.equal(pl.readParquet(written.parquetPath).height, 80);
});

Deno.test("writeReport trials.csv keeps events as JSON text", async () => {
  const { written } = await emulated();
  const csv = pl.readCSV(written.csvPath);
  const events = JSON.parse(String(csv.getColumn("events_json").get(0)));
  assert.equal(events[0].kind, "response-headers");
});

Deno.test("writeReport lists the data files with loading snippets", async () => {
  const { md } = await emulated();
  assert.deepEqual(["[trials.parquet]", "[trials.csv]", 'pl.read_parquet("trials.parquet")', "pd.read_parquet", "duckdb.sql("]
    .filter((text) => !md.includes(text)), []);
});

Deno.test("writeReport second run reads trials from the parquet cache", async () => {
  const parent = await Deno.makeTempDir({ prefix: "report-" });
  const runDir = await makeFakeRun(parent, { runId: "cached-run" });
  await writeReport(runDir, `${parent}/out`, { pdf: false });
  const before = (await Deno.stat(`${parent}/out/trials.parquet`)).mtime!.getTime();
  await writeReport(runDir, `${parent}/out`, { pdf: false });
  assert.equal((await Deno.stat(`${parent}/out/trials.parquet`)).mtime!.getTime(), before);
});

Deno.test("writeReport rebuild keeps current data files", async () => {
  const parent = await Deno.makeTempDir({ prefix: "report-" });
  const runDir = await makeFakeRun(parent, { runId: "rebuilt-run" });
  await writeReport(runDir, `${parent}/out`, { pdf: false });
  const before = (await Deno.stat(`${parent}/out/trials.csv`)).mtime!.getTime();
  const { mdPath } = await writeReport(runDir, `${parent}/out`, { pdf: false });
  const md = await Deno.readTextFile(mdPath);
  assert.deepEqual([(await Deno.stat(`${parent}/out/trials.csv`)).mtime!.getTime(), md.includes("80 rows")], [before, true]);
});

Deno.test("writeReport adds scenarios from a file", async () => {
  const dir = await Deno.makeTempDir({ prefix: "scenarios-" });
  await Deno.writeTextFile(`${dir}/s.json`, JSON.stringify([{
    id: "sql-analyst",
    title: "SQL analyst",
    workload: "questions over a database",
    criteria: [{ metric: "pass_rate", task_kind: "sql", weight: 1 }],
    constraints: [{ metric: "error_rate", max: 0.5 }],
  }]));
  const { md } = await build({ runId: "scenario-run" }, { scenariosFile: `${dir}/s.json` });
  assert.match(md, /\*\*SQL analyst\*\* \(questions over a database\) → /);
});

Deno.test("writeReport bad scenarios file names the field", async () => {
  const dir = await Deno.makeTempDir({ prefix: "scenarios-" });
  await Deno.writeTextFile(`${dir}/s.json`, JSON.stringify([{ id: "x", title: "X", workload: "w", criteria: [] }]));
  const runDir = await makeFakeRun(dir, {});
  await assert.rejects(writeReport(runDir, `${dir}/out`, { pdf: false, scenariosFile: `${dir}/s.json` }), /field "0\.criteria"/);
});

Deno.test("writeReport summary says no clear winner between tied models", async () => {
  const { html } = await emulated();
  assert.match(html, /<td>no clear winner between [^<]+ and [^<]+<\/td>/);
});

Deno.test("writeReport interrupted run says so on top", async () => {
  const parent = await Deno.makeTempDir({ prefix: "report-" });
  const runDir = await makeFakeRun(parent, { runId: "stopped-run" });
  const manifestPath = `${runDir}/run.json`;
  const manifest = JSON.parse(await Deno.readTextFile(manifestPath));
  manifest.status = "interrupted";
  manifest.stop_reason = "cancelled by the user (Ctrl-C)";
  manifest.trials_planned += 50;
  await Deno.writeTextFile(manifestPath, JSON.stringify(manifest));

  const written = await writeReport(runDir, `${parent}/out`, { pdf: false });
  const md = await Deno.readTextFile(written.mdPath);
  const notice = md.indexOf("This run is interrupted (cancelled by the user (Ctrl-C))");
  assert.ok(notice >= 0, "report.md lacks the interrupted notice");
  assert.ok(notice < md.indexOf("## Summary recommendations"), "the notice is not above the recommendations");
  assert.match(await Deno.readTextFile(written.htmlPath), /This run is interrupted/);
});
