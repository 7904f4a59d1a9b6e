import assert from "node:assert/strict";
import { join } from "node:path";
import { parseSpec } from "../../lib/spec/load_spec.ts";
import { runBenchmark } from "../../lib/runner/run_benchmark.ts";
import { writeReport } from "../../lib/report/write_report.ts";
import type { TrialRecord } from "../../lib/runner/record.ts";

const MODELS = ["openai:gpt-4o", "anthropic:claude-sonnet-4-5", "google:gemini-2.5-flash", "openai-compatible:llama3.1"];

Deno.test({
  name: "small spec runs end to end on the emulator",
  // The emulator process and the SDKs' keep-alive sockets outlive single ops.
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const runsDir = await Deno.makeTempDir({ prefix: "e2e-runs-" });
    const spec = parseSpec({
      name: "e2e",
      models: MODELS,
      datasets: [{ name: "json-extraction", items: 3 }, { name: "sql-sqlite", items: 2 }],
      repetitions: 2,
      concurrency: 8,
      max_output_tokens: 512,
      endpoint: "emulator",
    });
    // Keys in the environment must not change which endpoint the test measures.
    const env = { OPENAI_API_KEY: "sk-test-should-not-be-used" };

    const { runDir, manifest } = await runBenchmark({ spec, runsDir, env });

    const lines = (await Deno.readTextFile(join(runDir, "trials.jsonl"))).trim().split("\n");
    const records = lines.map((line) => JSON.parse(line) as TrialRecord);
    assert.equal(records.length, MODELS.length * (3 + 2) * 2);
    assert.equal(new Set(records.map((r) => r.trial_id)).size, records.length);
    assert.equal(manifest.status, "completed");
    assert.equal(manifest.endpoint_kind, "emulated");
    assert.ok(manifest.peak_in_flight <= 8, `peak in flight ${manifest.peak_in_flight}`);

    for (const record of records) {
      assert.equal(record.status, "ok", `${record.trial_id}: ${record.error_message}`);
      assert.equal(record.endpoint_kind, "emulated");
      assert.notEqual(record.ttft_ms, null, `${record.trial_id} has no TTFT`);
      assert.ok(record.ttft_ms! > 0, `${record.trial_id} has TTFT ${record.ttft_ms}`);
      assert.ok(record.e2e_ms >= record.ttft_ms!, `${record.trial_id}: e2e below TTFT`);
      assert.equal(record.usage_source, "server", `${record.trial_id} has no usage`);
      assert.ok(record.input_tokens! > 0);
      assert.ok(record.output_tokens! > 0);
      assert.notEqual(record.grade, null);
    }
    const runText = await Deno.readTextFile(join(runDir, "run.json"));
    assert.ok(!runText.includes("sk-test-should-not-be-used"), "API key leaked into run.json");

    const outDir = await Deno.makeTempDir({ prefix: "e2e-report-" });
    const { htmlPath, mdPath } = await writeReport(runDir, outDir);
    const markdown = await Deno.readTextFile(mdPath);
    const html = await Deno.readTextFile(htmlPath);
    for (const heading of ["Summary recommendations", "Key criteria", "Model comparison", "Use-case breakdown"]) {
      assert.ok(markdown.includes(heading), `report.md lacks ${heading}`);
      assert.ok(html.includes(heading), `report.html lacks ${heading}`);
    }
    const comparison = markdown.slice(markdown.indexOf("## Model comparison"), markdown.indexOf("## Use-case breakdown"));
    for (const model of MODELS) {
      assert.ok(comparison.includes(model), `model comparison table lacks ${model}`);
    }
    assert.match(markdown, /Emulated endpoint/);
    assert.ok(!html.includes("sk-test-should-not-be-used"), "API key leaked into the report");
    const charts = [...html.matchAll(/<svg/g)].length;
    assert.ok(charts >= 3, `report.html holds ${charts} inline charts`);
  },
});

Deno.test({
  name: "prompt over the window passes as expected error",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const runsDir = await Deno.makeTempDir({ prefix: "e2e-runs-" });
    const spec = parseSpec({
      name: "e2e-edge",
      models: ["openai:gpt-4o", "anthropic:claude-sonnet-4-5"],
      datasets: [{ name: "edge-cases", items: 1 }],
      endpoint: "emulator",
    });
    const { records } = await runBenchmark({ spec, runsDir, env: {} });

    assert.equal(records.length, 2);
    for (const record of records) {
      assert.equal(record.item_id, "edge-001-over-window");
      assert.equal(record.status, "error");
      assert.equal(record.error_class, "context_length_exceeded");
      assert.equal(record.error_http_status, 400);
      assert.equal(record.grade?.pass, true, `${record.model}: ${record.grade?.reason}`);
    }
  },
});
