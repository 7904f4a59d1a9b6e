import assert from "node:assert/strict";
import { importLog } from "../../lib/importers/import_log.ts";
import { loadImportedTrials } from "../../lib/trends/load_imported_trials.ts";
import { writeTempFile, writeTestPrices } from "./_temp_files.ts";

const LOG = [
  '{"timestamp":"2026-03-01T10:00:00Z","model":"gpt-4o","latency_ms":1200,"ttft_ms":300,"input_tokens":1000,"output_tokens":500,"status":"ok","model_version":"gpt-4o-2024-08-06"}',
  "",
  '{"timestamp":"2026-03-01T10:00:01Z","model":"gpt-4o",',
  '{"timestamp":"2026-03-01T10:00:02Z","model":"gpt-4o","status":429}',
  '{"timestamp":"2026-03-01T10:00:03Z","model":"gpt-4o","latency_ms":-1,"status":"ok"}',
  '{"timestamp":"2026-03-01T10:00:04Z","model":"gpt-4o","latency_ms":100,"ttft_ms":200,"status":"ok"}',
  '{"timestamp":"2026-03-01T10:00:05Z","model":"claude-sonnet-4-5","provider":"anthropic","latency_ms":3000,"ttft_ms":900,"input_tokens":200,"output_tokens":100,"status":"success","model_version":"claude-sonnet-4-5-20250929"}',
  "[1, 2]",
  '{"timestamp":1772359206,"model":"llama3.1","latency_ms":800,"input_tokens":10,"output_tokens":5,"status":"ok"}',
].join("\n") + "\n";

async function runImport(output: "parquet" | "jsonl" = "parquet") {
  const path = await writeTempFile("requests.jsonl", LOG);
  const importsDir = await Deno.makeTempDir({ prefix: "imports-" });
  const result = await importLog({
    name: "jsonl-test",
    format: "jsonl",
    files: [path],
    pricesPath: await writeTestPrices(),
    importsDir,
    output,
  });
  return { path, result };
}

Deno.test("jsonl import counts records, rows and bad rows", async () => {
  const { result } = await runImport();
  assert.equal(result.records, 8);
  assert.equal(result.imported, 4);
  assert.equal(result.bad, 4);
});

Deno.test("jsonl import reports bad rows by line", async () => {
  const { path, result } = await runImport();
  assert.deepEqual(result.badRows.map((row) => `${row.file}:${row.line}`), [3, 5, 6, 8].map((line) => `${path}:${line}`));
});

Deno.test("jsonl import gives each bad row its reason", async () => {
  const { result } = await runImport();
  assert.deepEqual(result.badRows.map((row) => row.reason), [
    "line is not valid JSON",
    "latency_ms is not a number ≥ 0 (got -1)",
    'ttft_ms exceeds latency_ms (got {"ttft_ms":200,"latency_ms":100})',
    "record is not a JSON object (got [1,2])",
  ]);
});

Deno.test("jsonl import prices rows from the table", async () => {
  const { result } = await runImport();
  const trials = (await loadImportedTrials(result.outDir)).toRecords();
  assert.ok(Math.abs((trials[0].cost_usd as number) - 0.0075) < 1e-12, `cost ${trials[0].cost_usd}`);
});

Deno.test("jsonl import leaves unknown models unpriced", async () => {
  const { result } = await runImport();
  assert.deepEqual(result.unpricedModels, ["llama3.1"]);
});

Deno.test("jsonl import maps fields to the trial schema", async () => {
  const { path, result } = await runImport("jsonl");
  assert.match(result.trialsPath, /trials\.jsonl$/);
  const trials = (await loadImportedTrials(result.outDir)).toRecords();
  assert.deepEqual(trials.map((t) => t.model), ["openai:gpt-4o", "openai:gpt-4o", "anthropic:claude-sonnet-4-5", "llama3.1"]);
  assert.deepEqual(trials.map((t) => t.status), ["ok", "error", "ok", "ok"]);
  assert.deepEqual(trials.map((t) => t.error_class), [null, "rate_limited", null, null]);
  assert.deepEqual(trials.map((t) => t.e2e_ms), [1200, null, 3000, 800]);
  assert.deepEqual(trials.map((t) => t.model_version), ["gpt-4o-2024-08-06", null, "claude-sonnet-4-5-20250929", null]);
  assert.equal(trials[3].started_at, "2026-03-01T10:00:06.000Z");
  assert.equal(trials[2].source, `${path}:7`);
});

Deno.test("jsonl import rejects a missing file", async () => {
  await assert.rejects(
    importLog({ name: "missing", format: "jsonl", files: ["/nonexistent/requests.jsonl"], pricesPath: await writeTestPrices() }),
    /log file \/nonexistent\/requests\.jsonl does not exist/,
  );
});
