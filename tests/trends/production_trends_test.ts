import assert from "node:assert/strict";
import { join } from "node:path";
import { generateProductionLog } from "../../lib/importers/generate_production_log.ts";
import { importLog } from "../../lib/importers/import_log.ts";
import { buildImportTrends } from "../../lib/trends/build_import_trends.ts";
import { writeTrendsReport } from "../../lib/trends/report/write_trends_report.ts";

const REPO = new URL("../../", import.meta.url).pathname;

let tempDir: string | null = null;
globalThis.addEventListener("unload", () => {
  if (tempDir !== null) Deno.removeSync(tempDir, { recursive: true });
});

// One import of a generated 30-day OTLP log, shared by the tests below.
const setup = (async () => {
  const dir = await Deno.makeTempDir({ prefix: "production-trends-" });
  tempDir = dir;
  const log = await generateProductionLog({
    path: join(dir, "spans.jsonl"),
    format: "otel",
    rows: 30_000,
    days: 30,
    badRows: 10,
  });
  const imported = await importLog({ name: "march", format: "otel", files: [log.path], importsDir: join(dir, "imports") });
  return { dir, log, imported };
})();

Deno.test("production trends flag exactly the planted changes", async () => {
  const { log, imported } = await setup;
  assert.equal(imported.bad, 10);
  const report = await buildImportTrends(imported.outDir);
  const flags = report.flags.map((f) => `${f.kind} ${f.model} ${f.period}`);
  assert.deepEqual([...new Set(flags)].sort(), [
    `latency_shift ${log.regression.model} ${log.regression.date}`,
    `new_model_version ${log.versionChange.model} ${log.versionChange.date}`,
  ]);
});

Deno.test("production trends name the new version", async () => {
  const { log, imported } = await setup;
  const report = await buildImportTrends(imported.outDir);
  const flag = report.flags.find((f) => f.kind === "new_model_version")!;
  assert.match(
    flag.detail,
    new RegExp(`new version ${log.versionChange.to} on \\d+\\.\\d% of requests \\(earlier: ${log.versionChange.from}\\)`),
  );
});

Deno.test("production trends report has charts and flags", async () => {
  const { dir, imported } = await setup;
  const report = await buildImportTrends(imported.outDir);
  const written = await writeTrendsReport(report, join(dir, "trends", "march"));
  const html = await Deno.readTextFile(written.htmlPath);
  const markdown = await Deno.readTextFile(written.mdPath);
  assert.ok([...html.matchAll(/<svg/g)].length >= 5, "latency, TTFT, cost, error rate and hour charts are inline");
  assert.ok(!/<script/i.test(html), "the page has no script");
  assert.match(html, /latency_shift/);
  assert.match(markdown, /!\[End-to-end latency over time\]\(charts\/latency-e2e\.svg\)/);
  assert.match(markdown, /10 of \d+ log records were not imported/);
  for (const path of written.chartPaths) assert.ok((await Deno.stat(path)).size > 1000, `${path} is written`);
});

Deno.test("trends check exits 1 naming the crossed threshold", async () => {
  const { dir, log, imported } = await setup;
  const thresholds = join(dir, "thresholds.json");
  await Deno.writeTextFile(thresholds, JSON.stringify({ models: { "openai:gpt-4o": { max_p95_ms: 9000 } } }));
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "scripts/trends.ts",
      "--import",
      imported.outDir,
      "--out-dir",
      join(dir, "trends"),
      "--thresholds",
      thresholds,
    ],
    cwd: REPO,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(output.stderr);
  assert.equal(output.code, 1, stderr);
  assert.match(
    stderr,
    new RegExp(
      `threshold crossed: e2e_p95_ms of openai:gpt-4o on ${log.regression.date} is [\\d,]+ ms, above the maximum 9,000 ms \\(max_p95_ms\\)`,
    ),
  );
  assert.equal([...stderr.matchAll(/threshold crossed/g)].length, 1, stderr);
});

Deno.test("trends check passes under loose thresholds", async () => {
  const { dir, imported } = await setup;
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "scripts/trends.ts",
      "--import",
      imported.outDir,
      "--out-dir",
      join(dir, "trends"),
      "--max-p95-ms",
      "60000",
      "--max-error-rate",
      "0.2",
    ],
    cwd: REPO,
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
});
