import assert from "node:assert/strict";
import type { PriceRow } from "../../lib/runner/manifest.ts";
import { findPrice } from "../../lib/pricing/find_price.ts";

function row(provider: string, model: string): PriceRow {
  return {
    provider,
    model,
    input_per_mtok: 1,
    cached_input_per_mtok: null,
    cache_write_per_mtok: null,
    output_per_mtok: 2,
    context_window: 1000,
    max_output: 100,
    source: "test fixture",
    as_of: "2026-07-24",
  };
}

const rows = [
  row("openai", "gpt-4o"),
  row("openai", "gpt-4o-mini"),
  row("anthropic", "claude-sonnet-4-5"),
  row("google", "gemini-2.5-flash"),
];

Deno.test("findPrice exact model ref", () => {
  assert.equal(findPrice(rows, "openai:gpt-4o")?.model, "gpt-4o");
});

Deno.test("findPrice does not confuse gpt-4o-mini with gpt-4o", () => {
  assert.equal(findPrice(rows, "openai:gpt-4o-mini")?.model, "gpt-4o-mini");
});

Deno.test("findPrice falls back from an anthropic dated name", () => {
  assert.equal(findPrice(rows, "anthropic:claude-sonnet-4-5-20250929")?.model, "claude-sonnet-4-5");
});

Deno.test("findPrice falls back from an openai dated name", () => {
  assert.equal(findPrice(rows, "openai:gpt-4o-2024-08-06")?.model, "gpt-4o");
});

Deno.test("findPrice strips the gemini models/ prefix", () => {
  assert.equal(findPrice(rows, "google:models/gemini-2.5-flash")?.model, "gemini-2.5-flash");
});

Deno.test("findPrice matches the provider too", () => {
  assert.equal(findPrice(rows, "google:gpt-4o"), null);
});

Deno.test("findPrice openai-compatible has no price", () => {
  assert.equal(findPrice(rows, "openai-compatible:gpt-4o"), null);
});

Deno.test("findPrice unknown model is null", () => {
  assert.equal(findPrice(rows, "openai:gpt-9"), null);
});

Deno.test("findPrice rejects a ref without provider", () => {
  assert.throws(() => findPrice(rows, "gpt-4o"), /provider prefix is missing/);
});
