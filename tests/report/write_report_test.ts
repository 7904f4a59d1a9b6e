import assert from "node:assert/strict";
import { writeReport } from "../../lib/report/write_report.ts";
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
}

const cache = new Map<string, Promise<Built>>();

function build(options: FakeRunOptions): Promise<Built> {
  const key = JSON.stringify(options);
  if (!cache.has(key)) {
    cache.set(key, (async () => {
      const parent = await Deno.makeTempDir({ prefix: "report-" });
      const runDir = await makeFakeRun(parent, options);
      const outDir = `${parent}/out`;
      const { htmlPath, mdPath } = await writeReport(runDir, outDir);
      return { html: await Deno.readTextFile(htmlPath), md: await Deno.readTextFile(mdPath), outDir };
    })());
  }
  return cache.get(key)!;
}

const emulated = () => build({ hostileOutput: HOSTILE });

Deno.test("writeReport html has the four tables", async () => {
  const { html } = await emulated();
  const ids = ["key-criteria", "model-comparison", "use-cases", "dataset-json-extraction"];
  assert.deepEqual(ids.filter((id) => !html.includes(`<table id="${id}">`)), []);
});

Deno.test("writeReport markdown has the four tables", async () => {
  const { md } = await emulated();
  const headers = ["| Criterion | Metric |", "| Metric | ", "| Use case | Best model |", "| Model | n | Errors |"];
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
    'id="charts"',
    'id="datasets"',
    'id="methodology-section"',
    'id="limitations"',
  ].map((marker) => html.indexOf(marker));
  assert.deepEqual(order, [...order].sort((a, b) => a - b));
});

Deno.test("writeReport markdown sections come in report order", async () => {
  const { md } = await emulated();
  const order = ["Emulated endpoint", "## Summary recommendations", "## Key criteria", "## Model comparison",
    "## Use-case breakdown", "## Charts", "## Per-dataset results", "## Methodology", "## Limitations"]
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
  assert.match(md, /\*\*Images\*\*[^\n]*not measured in this run/);
});

Deno.test("writeReport measures images when an image item ran", async () => {
  const { md } = await build({ withImages: true, runId: "image-run" });
  assert.match(md, /\*\*Images\*\*[^\n]*on items with image input/);
});

Deno.test("writeReport all-failed run still builds", async () => {
  const { html } = await build({ allFailed: true, runId: "failed-run" });
  assert.match(html, /Every trial failed \(80 of 80\)/);
});

Deno.test("writeReport all-failed run recommends no model for latency", async () => {
  const { md } = await build({ allFailed: true, runId: "failed-run" });
  assert.match(md, /\*\*Low latency\*\*[^\n]*not measured in this run/);
});

Deno.test("writeReport all-failed run keeps the four tables", async () => {
  const { html } = await build({ allFailed: true, runId: "failed-run" });
  const ids = ["key-criteria", "model-comparison", "use-cases", "dataset-sql-sqlite"];
  assert.deepEqual(ids.filter((id) => !html.includes(`<table id="${id}">`)), []);
});

Deno.test("writeReport missing run folder names run.json", async () => {
  const dir = await Deno.makeTempDir({ prefix: "report-" });
  await assert.rejects(writeReport(`${dir}/nope`, `${dir}/out`), /run\.json does not exist/);
});
