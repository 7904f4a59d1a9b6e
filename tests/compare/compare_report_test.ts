import assert from "node:assert/strict";
import { compareRuns } from "../../lib/analysis/compare_runs.ts";
import { formatComparison } from "../../lib/analysis/format_comparison.ts";
import { loadRun } from "../../lib/analysis/load_run.ts";
import { renderComparisonHtml } from "../../lib/analysis/render_comparison_html.ts";
import { renderComparisonMarkdown } from "../../lib/analysis/render_comparison_markdown.ts";
import { writeRun } from "./make_run_pair.ts";

const SCRIPT = new URL("../../scripts/compare.ts", import.meta.url).pathname;
const HOSTILE = "<img src=x onerror=alert(1)>|*";
const parent = await Deno.makeTempDir({ prefix: "compare-report-" });
const dirA = await writeRun(parent, { runId: "before", seed: 1, datasets: ["json-extraction", HOSTILE] });
const dirB = await writeRun(parent, {
  runId: "after",
  seed: 2,
  datasets: ["json-extraction", HOSTILE],
  ttftScale: { "openai:gpt-4o-mini": 2 },
});
const COMPARISON = compareRuns(await loadRun(dirA), await loadRun(dirB), { resamples: 500 });

async function runScript(args: string[]) {
  const output = await new Deno.Command(Deno.execPath(), { args: ["run", "-A", SCRIPT, ...args], stdout: "piped", stderr: "piped" })
    .output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code: output.code, stdout: decode(output.stdout), stderr: decode(output.stderr) };
}

Deno.test("renderComparisonHtml marks regressions red", () => {
  const html = renderComparisonHtml(COMPARISON);
  assert.match(html, /<tr class="regression"><td>all<\/td><td>TTFT p50<\/td>/);
});

Deno.test("renderComparisonHtml escapes dataset names", () => {
  const html = renderComparisonHtml(COMPARISON);
  assert.equal(html.includes("<img"), false);
  assert.ok(html.includes("&lt;img src=x onerror=alert(1)&gt;"));
});

Deno.test("renderComparisonHtml loads nothing from outside", () => {
  assert.doesNotMatch(renderComparisonHtml(COMPARISON), /<script|<link|src="http|href="http/);
});

Deno.test("renderComparisonMarkdown escapes table cells", () => {
  const markdown = renderComparisonMarkdown(COMPARISON);
  assert.ok(markdown.includes("&lt;img src=x onerror=alert(1)&gt;\\|\\*"), "dataset cell is not escaped");
});

Deno.test("renderComparisonMarkdown bolds a regression", () => {
  assert.match(renderComparisonMarkdown(COMPARISON), /\| all \| TTFT p50 \|.*\| \*\*regression\*\* \|/);
});

Deno.test("formatComparison change in percentage points", () => {
  assert.equal(formatComparison.change(-0.025, "fraction"), "−2.5 pp");
});

Deno.test("formatComparison change rounding to zero has no sign", () => {
  assert.equal(formatComparison.change(-0.2, "ms"), "±0 ms");
});

Deno.test("formatComparison cost residue prints as zero", () => {
  assert.equal(formatComparison.change(4.3e-16, "USD"), "±$0");
});

Deno.test("formatComparison interval in milliseconds", () => {
  assert.equal(formatComparison.interval(380.4, 1455.2, "ms"), "[+380, +1,455] ms");
});

Deno.test("formatComparison missing value is a dash", () => {
  assert.equal(formatComparison.value(null, "ms"), "—");
});

Deno.test("compare script writes md html and json", async () => {
  const out = `${parent}/report`;
  const result = await runScript([dirA, dirB, "--out", out, "--resamples", "500"]);
  assert.equal(result.code, 0, result.stderr);
  const written = [...Deno.readDirSync(out)].map((entry) => entry.name).sort();
  assert.deepEqual(written, ["compare.html", "compare.json", "compare.md"]);
});

Deno.test("compare script prints the html path", async () => {
  const out = `${parent}/report-path`;
  const result = await runScript([dirA, dirB, "--out", out, "--resamples", "500"]);
  assert.equal(result.stdout.trim(), `${out}/compare.html`);
});

Deno.test("compare script json matches the saved file", async () => {
  const out = `${parent}/report-json`;
  const result = await runScript([dirA, dirB, "--out", out, "--resamples", "500", "--json"]);
  assert.deepEqual(JSON.parse(result.stdout), JSON.parse(await Deno.readTextFile(`${out}/compare.json`)));
});

Deno.test("compare script fails on regression when asked", async () => {
  const result = await runScript([dirA, dirB, "--out", `${parent}/report-fail`, "--resamples", "500", "--fail-on-regression"]);
  assert.equal(result.code, 1);
});

Deno.test("compare script unknown run exits 2", async () => {
  const result = await runScript(["no-such-run", dirB]);
  assert.deepEqual([result.code, /run not found/.test(result.stderr)], [2, true]);
});
