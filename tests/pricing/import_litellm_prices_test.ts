import assert from "node:assert/strict";
import { costOf } from "../../lib/pricing/cost_of.ts";
import { findPrice } from "../../lib/pricing/find_price.ts";
import { formatPriceTable } from "../../lib/pricing/format_price_table.ts";
import { importLitellmPrices } from "../../lib/pricing/import_litellm_prices.ts";
import { parsePriceTable } from "../../lib/pricing/parse_price_table.ts";

const FIXTURE = new URL("./fixtures/litellm_prices.json", import.meta.url).pathname;
const data = JSON.parse(await Deno.readTextFile(FIXTURE));
const imported = importLitellmPrices(data, { asOf: "2026-07-24", source: "fixture" });

function row(ref: string) {
  const found = findPrice(imported.rows, ref);
  assert.ok(found, `no imported row for ${ref}`);
  return found;
}

Deno.test("importLitellmPrices keeps chat models of project providers", () => {
  assert.deepEqual(imported.rows.map((r) => `${r.provider}:${r.model}`), [
    "openai:gpt-4o",
    "google:gemini-2.5-pro",
    "anthropic:claude-sonnet-4-5",
    "anthropic:claude-sonnet-4-20250514",
    "google:gemini-1.5-pro-tiered",
  ]);
});

Deno.test("importLitellmPrices converts per-token to per-million prices", () => {
  // 2.5e-06 USD per token × 1,000,000 = 2.5 (not 2.4999999999999996).
  const gpt = row("openai:gpt-4o");
  assert.deepEqual([gpt.input_per_mtok, gpt.cached_input_per_mtok, gpt.output_per_mtok], [2.5, 1.25, 10]);
});

Deno.test("importLitellmPrices reads limits and vision support", () => {
  const gpt = row("openai:gpt-4o");
  assert.deepEqual([gpt.context_window, gpt.max_output, gpt.supports_images], [128000, 16384, true]);
});

Deno.test("importLitellmPrices strips the gemini/ key prefix", () => {
  assert.equal(row("google:gemini-2.5-pro").model, "gemini-2.5-pro");
});

Deno.test("importLitellmPrices reads the above-200k tier", () => {
  const pro = row("google:gemini-2.5-pro");
  assert.deepEqual(
    [pro.long_context_threshold_tokens, pro.input_per_mtok_long, pro.cached_input_per_mtok_long, pro.output_per_mtok_long],
    [200000, 2.5, 0.25, 15],
  );
});

Deno.test("importLitellmPrices reads anthropic cache write prices on both tiers", () => {
  const sonnet = row("anthropic:claude-sonnet-4-5");
  assert.deepEqual([sonnet.cache_write_per_mtok, sonnet.cache_write_per_mtok_long], [3.75, 7.5]);
});

Deno.test("importLitellmPrices scales a missing long cache price and notes it", () => {
  // Long input 6 / base input 3 = 2, so cache reads 0.3 → 0.6 and cache writes 3.75 → 7.5.
  const sonnet4 = row("anthropic:claude-sonnet-4-20250514");
  assert.deepEqual([sonnet4.cached_input_per_mtok_long, sonnet4.cache_write_per_mtok_long], [0.6, 7.5]);
});

Deno.test("importLitellmPrices notes the scaled prices in source", () => {
  assert.match(row("anthropic:claude-sonnet-4-20250514").source, /scaled from the base price/);
});

Deno.test("importLitellmPrices keeps the lowest of several thresholds", () => {
  const tiered = row("google:gemini-1.5-pro-tiered");
  assert.deepEqual([tiered.long_context_threshold_tokens, tiered.input_per_mtok_long], [128000, 2.5]);
});

Deno.test("importLitellmPrices skips other providers and modes with reasons", () => {
  const reasons = Object.fromEntries(imported.skipped.map((s) => [s.key, s.reason]));
  assert.match(reasons["text-embedding-3-small"], /not a chat model/);
  assert.match(reasons["bedrock/anthropic.claude-3-haiku"], /not billed by a project provider/);
  assert.match(reasons["ft:gpt-4o-mini-2024-07-18"], /characters a price table cannot hold/);
});

Deno.test("importLitellmPrices skips an entry that breaks a table rule", () => {
  const reason = imported.skipped.find((s) => s.key === "gemini/gemini-cache-typo")?.reason;
  assert.match(reason ?? "", /cached_input_per_mtok/);
});

Deno.test("importLitellmPrices keeps the first of two keys for one model", () => {
  const reason = imported.skipped.find((s) => s.key === "openai/gpt-4o")?.reason;
  assert.match(reason ?? "", /already imported from key gpt-4o/);
});

Deno.test("importLitellmPrices model list keeps only those models", () => {
  const only = importLitellmPrices(data, { asOf: "2026-07-24", models: ["google:gemini-2.5-pro", "gpt-4o", "gpt-9"] });
  assert.deepEqual(only.rows.map((r) => r.model), ["gpt-4o", "gemini-2.5-pro"]);
});

Deno.test("importLitellmPrices model list reports a model not found", () => {
  const only = importLitellmPrices(data, { asOf: "2026-07-24", models: ["gpt-9"] });
  assert.deepEqual(only.skipped, [{ key: "gpt-9", reason: "no importable entry in the file" }]);
});

Deno.test("importLitellmPrices rejects a bad as-of date", () => {
  assert.throws(() => importLitellmPrices(data, { asOf: "July 2026" }), /asOf must be a date/);
});

Deno.test("formatPriceTable output parses back to the same rows", () => {
  const parsed = parsePriceTable(formatPriceTable(imported.rows), "imported.csv");
  assert.deepEqual(parsed.map((r) => ({ ...r })), imported.rows.map((r) => ({
    long_context_threshold_tokens: null,
    input_per_mtok_long: null,
    cached_input_per_mtok_long: null,
    cache_write_per_mtok_long: null,
    output_per_mtok_long: null,
    ...r,
  })));
});

Deno.test("formatPriceTable writes tiny prices without exponents", () => {
  const tiny = { ...row("openai:gpt-4o"), cached_input_per_mtok: 1e-7 };
  assert.equal(parsePriceTable(formatPriceTable([tiny]), "tiny.csv")[0].cached_input_per_mtok, 1e-7);
});

Deno.test("importLitellmPrices imported tier prices the threshold like the table", () => {
  // Same arithmetic as the project row: 200,001 × $2.50/M + 1,000 × $15/M = $0.5150025.
  const usage = { inputTokens: 200_001, outputTokens: 1000, reasoningTokens: null, cachedInputTokens: null, cacheWriteTokens: null };
  const cost = costOf(usage, row("google:gemini-2.5-pro")) as number;
  assert.ok(Math.abs(cost - 0.5150025) < 1e-12, `got ${cost}`);
});
