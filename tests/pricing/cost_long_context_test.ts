import assert from "node:assert/strict";
import type { Usage } from "../../lib/providers/types.ts";
import { costBreakdown } from "../../lib/pricing/cost_breakdown.ts";
import { costOf } from "../../lib/pricing/cost_of.ts";
import { findPrice } from "../../lib/pricing/find_price.ts";
import { loadPriceTable } from "../../lib/pricing/load_price_table.ts";
import type { PriceTableRow } from "../../lib/pricing/price_table_row.ts";

const TABLE = new URL("../../datasets/prices.csv", import.meta.url).pathname;

async function projectRow(ref: string): Promise<PriceTableRow> {
  const row = findPrice(await loadPriceTable(TABLE), ref);
  assert.ok(row, `the project price table has no row for ${ref}`);
  return row;
}

function usage(fields: Partial<Usage>): Usage {
  return {
    inputTokens: null,
    outputTokens: null,
    reasoningTokens: null,
    cachedInputTokens: null,
    cacheWriteTokens: null,
    ...fields,
  };
}

function assertUsd(actual: number | null | undefined, expected: number): void {
  assert.ok(typeof actual === "number", `expected ${expected}, got ${actual}`);
  assert.ok(Math.abs(actual - expected) < 1e-12, `expected ${expected}, got ${actual}`);
}

Deno.test("costOf gemini 2.5 pro at exactly 200,000 tokens stays on the base tier", async () => {
  // 200,000 × $1.25/M = $0.25, plus 1,000 × $10/M = $0.01.
  const row = await projectRow("google:gemini-2.5-pro");
  assertUsd(costOf(usage({ inputTokens: 200_000, outputTokens: 1000 }), row), 0.26);
});

Deno.test("costOf gemini 2.5 pro at 200,001 tokens bills the whole request long", async () => {
  // Every token re-priced: 200,001 × $2.50/M = $0.5000025, plus 1,000 × $15/M = $0.015.
  const row = await projectRow("google:gemini-2.5-pro");
  assertUsd(costOf(usage({ inputTokens: 200_001, outputTokens: 1000 }), row), 0.5150025);
});

Deno.test("costBreakdown names the tier at the threshold", async () => {
  const row = await projectRow("google:gemini-2.5-pro");
  const tiers = [200_000, 200_001].map((n) => costBreakdown(usage({ inputTokens: n, outputTokens: 0 }), row)?.tier);
  assert.deepEqual(tiers, ["base", "long"]);
});

Deno.test("costOf gemini long tier prices cache reads at the long cache price", async () => {
  // 250,000 input of which 200,000 cache reads: 50,000 × $2.50/M + 200,000 × $0.25/M = $0.125 + $0.05.
  const row = await projectRow("google:gemini-2.5-pro");
  assertUsd(costOf(usage({ inputTokens: 250_000, cachedInputTokens: 200_000, outputTokens: 0 }), row), 0.175);
});

Deno.test("costOf cached tokens count toward the threshold", async () => {
  // 1,000 uncached + 199,500 cached = 200,500 > 200,000, so the long tier applies:
  // 1,000 × $2.50/M + 199,500 × $0.25/M = $0.0025 + $0.049875.
  const row = await projectRow("google:gemini-2.5-pro");
  assertUsd(costOf(usage({ inputTokens: 200_500, cachedInputTokens: 199_500, outputTokens: 0 }), row), 0.052375);
});

Deno.test("costOf sonnet 4.5 long tier prices every bucket", async () => {
  // 250,000 input = 40,000 uncached + 200,000 cache reads + 10,000 cache writes; 2,000 output.
  // 40,000 × 6 + 200,000 × 0.6 + 10,000 × 7.5 + 2,000 × 22.5 = 240,000 + 120,000 + 75,000 + 45,000 µ$ = $0.48.
  const row = await projectRow("anthropic:claude-sonnet-4-5-20250929");
  const u = usage({ inputTokens: 250_000, cachedInputTokens: 200_000, cacheWriteTokens: 10_000, outputTokens: 2000 });
  assertUsd(costOf(u, row), 0.48);
});

Deno.test("costOf sonnet 4 dated name finds the long tier", async () => {
  // 300,000 × $6/M + 1,000 × $22.50/M = $1.8 + $0.0225.
  const row = await projectRow("anthropic:claude-sonnet-4-20250514");
  assertUsd(costOf(usage({ inputTokens: 300_000, outputTokens: 1000 }), row), 1.8225);
});

Deno.test("costOf model without a tier keeps base prices above 200k", async () => {
  // gemini-2.5-flash has no long tier: 300,000 × $0.30/M = $0.09.
  const row = await projectRow("google:gemini-2.5-flash");
  assertUsd(costOf(usage({ inputTokens: 300_000, outputTokens: 0 }), row), 0.09);
});

Deno.test("costOf reasoning tokens bill as output on the long tier", async () => {
  // outputTokens already includes the 1,500 reasoning tokens: 2,000 × $15/M = $0.03, plus 210,000 × $2.50/M.
  const row = await projectRow("google:gemini-2.5-pro");
  const u = usage({ inputTokens: 210_000, outputTokens: 2000, reasoningTokens: 1500 });
  assertUsd(costOf(u, row), 0.525 + 0.03);
});

Deno.test("costBreakdown flags cache reads above the input", () => {
  const row = baseRow();
  const breakdown = costBreakdown(usage({ inputTokens: 400, cachedInputTokens: 500, outputTokens: 0 }), row);
  assert.deepEqual(breakdown?.flags, ["cache_reads_exceed_input"]);
});

Deno.test("costBreakdown clamped buckets are never negative", () => {
  // Raw Anthropic counts mistaken for normalised ones: 50 input, 30,000 reads, 2,000 writes.
  const row = baseRow();
  const u = usage({ inputTokens: 50, cachedInputTokens: 30_000, cacheWriteTokens: 2000, outputTokens: 0 });
  const tokens = costBreakdown(u, row)?.tokens;
  assert.deepEqual(tokens, { uncached_input: 0, cache_read: 50, cache_write: 0, output: 0 });
});

Deno.test("costBreakdown flags cache writes above the remaining input", () => {
  const u = usage({ inputTokens: 1000, cachedInputTokens: 800, cacheWriteTokens: 900, outputTokens: 0 });
  assert.deepEqual(costBreakdown(u, baseRow())?.flags, ["cache_writes_exceed_input"]);
});

Deno.test("costBreakdown consistent usage has no flags", () => {
  const u = usage({ inputTokens: 1000, cachedInputTokens: 800, cacheWriteTokens: 100, outputTokens: 5 });
  assert.deepEqual(costBreakdown(u, baseRow())?.flags, []);
});

Deno.test("costOf rejects a threshold without long prices", () => {
  const row = { ...baseRow(), long_context_threshold_tokens: 1000 };
  assert.throws(() => costOf(usage({ inputTokens: 1, outputTokens: 1 }), row), /input_per_mtok_long/);
});

Deno.test("costOf long tier without a cache price bills reads at the long input price", () => {
  // 2,000 input over a 1,000 threshold, all cache reads, no long cache price: 2,000 × $4/M.
  const row = { ...baseRow(), long_context_threshold_tokens: 1000, input_per_mtok_long: 4, output_per_mtok_long: 8 };
  assertUsd(costOf(usage({ inputTokens: 2000, cachedInputTokens: 2000, outputTokens: 0 }), row), 0.008);
});

function baseRow(): PriceTableRow {
  return {
    provider: "openai",
    model: "test-model",
    input_per_mtok: 2,
    cached_input_per_mtok: 1,
    cache_write_per_mtok: null,
    output_per_mtok: 4,
    context_window: null,
    max_output: null,
    source: "test fixture",
    as_of: "2026-07-24",
  };
}
