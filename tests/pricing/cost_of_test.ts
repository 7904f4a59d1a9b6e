import assert from "node:assert/strict";
import type { Usage } from "../../lib/providers/types.ts";
import type { PriceRow } from "../../lib/runner/manifest.ts";
import { costOf } from "../../lib/pricing/cost_of.ts";

function row(fields: Partial<PriceRow>): PriceRow {
  return {
    provider: "openai",
    model: "test-model",
    input_per_mtok: 1,
    cached_input_per_mtok: null,
    cache_write_per_mtok: null,
    output_per_mtok: 1,
    context_window: null,
    max_output: null,
    source: "test fixture",
    as_of: "2026-07-24",
    ...fields,
  };
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

function assertUsd(actual: number | null, expected: number): void {
  assert.notEqual(actual, null);
  assert.ok(Math.abs((actual as number) - expected) < 1e-12, `expected ${expected}, got ${actual}`);
}

Deno.test("costOf gemini counts thinking tokens as output", () => {
  // 300 candidate tokens + 1700 thinking tokens = 2000 output tokens.
  const price = row({ provider: "google", input_per_mtok: 0.3, cached_input_per_mtok: 0.03, output_per_mtok: 2.5 });
  assertUsd(costOf(usage({ inputTokens: 4000, outputTokens: 2000, reasoningTokens: 1700 }), price), 0.0062);
});

Deno.test("costOf openai bills cached prompt tokens at the cached price", () => {
  const price = row({ input_per_mtok: 2.5, cached_input_per_mtok: 1.25, output_per_mtok: 10 });
  assertUsd(costOf(usage({ inputTokens: 2000, cachedInputTokens: 1920, outputTokens: 300 }), price), 0.0056);
});

Deno.test("costOf anthropic prices cache reads and writes apart", () => {
  // Raw usage: input_tokens 50, cache_creation 2000, cache_read 30000 → normalised input 32050.
  const price = row({
    provider: "anthropic",
    input_per_mtok: 3,
    cache_write_per_mtok: 3.75,
    cached_input_per_mtok: 0.3,
    output_per_mtok: 15,
  });
  const u = usage({ inputTokens: 32050, cacheWriteTokens: 2000, cachedInputTokens: 30000, outputTokens: 400 });
  assertUsd(costOf(u, price), 0.02265);
});

Deno.test("costOf anthropic without cache", () => {
  const price = row({ provider: "anthropic", input_per_mtok: 3, cached_input_per_mtok: 0.3, output_per_mtok: 15 });
  assertUsd(costOf(usage({ inputTokens: 1200, outputTokens: 356 }), price), 0.00894);
});

Deno.test("costOf returns null when output count is missing", () => {
  assert.equal(costOf(usage({ inputTokens: 100 }), row({})), null);
});

Deno.test("costOf returns null when input count is missing", () => {
  assert.equal(costOf(usage({ outputTokens: 100 }), row({})), null);
});

Deno.test("costOf clamps cache reads above the input count", () => {
  // 500 cached of 400 input: all 400 billed as cache reads, none as negative uncached input.
  const price = row({ input_per_mtok: 10, cached_input_per_mtok: 1, output_per_mtok: 0 });
  assertUsd(costOf(usage({ inputTokens: 400, cachedInputTokens: 500, outputTokens: 0 }), price), 400 / 1e6);
});

Deno.test("costOf clamps cache writes to what cache reads leave", () => {
  const price = row({ input_per_mtok: 10, cached_input_per_mtok: 1, cache_write_per_mtok: 100, output_per_mtok: 0 });
  const u = usage({ inputTokens: 1000, cachedInputTokens: 800, cacheWriteTokens: 900, outputTokens: 0 });
  assertUsd(costOf(u, price), (800 * 1 + 200 * 100) / 1e6);
});

Deno.test("costOf bills cache writes at the input price when the row has no write price", () => {
  const price = row({ input_per_mtok: 2, cached_input_per_mtok: 1, output_per_mtok: 0 });
  assertUsd(costOf(usage({ inputTokens: 1000, cacheWriteTokens: 1000, outputTokens: 0 }), price), 2000 / 1e6);
});

Deno.test("costOf rejects a negative token count", () => {
  assert.throws(() => costOf(usage({ inputTokens: -1, outputTokens: 1 }), row({})), /usage.inputTokens/);
});
