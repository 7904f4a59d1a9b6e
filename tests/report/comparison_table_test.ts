import assert from "node:assert/strict";
import { loadTrials } from "../../lib/analysis/load_trials.ts";
import { summariseRun } from "../../lib/analysis/summarise_run.ts";
import { loadPriceTable } from "../../lib/pricing/load_price_table.ts";
import { comparisonTable } from "../../lib/report/comparison_table.ts";
import { makeFakeRun } from "./make_fake_run.ts";

async function table() {
  const parent = await Deno.makeTempDir({ prefix: "comparison-" });
  const prices = await loadPriceTable(new URL("../../datasets/prices.csv", import.meta.url).pathname);
  return comparisonTable(summariseRun(await loadTrials(await makeFakeRun(parent)), prices));
}

Deno.test("comparisonTable has one column per model", async () => {
  const t = await table();
  assert.equal(t.columns.length, 1 + 4);
});

Deno.test("comparisonTable has a pass-rate row per dataset", async () => {
  const t = await table();
  const rows = t.rows.map((r) => r[0]).filter((label) => label.startsWith("Pass rate: ") && label !== "Pass rate: overall");
  assert.deepEqual(rows, ["Pass rate: code-typescript", "Pass rate: json-extraction", "Pass rate: sql-sqlite"]);
});

Deno.test("comparisonTable strengths name the fastest first token", async () => {
  const t = await table();
  const strengths = t.rows.find((r) => r[0] === "Strengths")!;
  const llama = t.columns.indexOf("openai-compatible:llama-3.1-8b-instruct");
  assert.match(strengths[llama], /lowest TTFT p50/);
});

Deno.test("comparisonTable unpriced model shows a dash for cost", async () => {
  const t = await table();
  const cost = t.rows.find((r) => r[0] === "Cost per 1,000 requests (USD)")!;
  assert.equal(cost[t.columns.indexOf("openai-compatible:llama-3.1-8b-instruct")], "—");
});

Deno.test("comparisonTable value shared by every model is no strength", async () => {
  const parent = await Deno.makeTempDir({ prefix: "comparison-" });
  const prices = await loadPriceTable(new URL("../../datasets/prices.csv", import.meta.url).pathname);
  const t = comparisonTable(summariseRun(await loadTrials(await makeFakeRun(parent, { allFailed: true })), prices));
  const strengths = t.rows.find((r) => r[0] === "Strengths")!;
  assert.equal(strengths.some((cell) => cell.includes("lowest error rate")), false);
});
