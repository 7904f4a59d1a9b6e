import assert from "node:assert/strict";
import { loadPriceTable } from "../../lib/pricing/load_price_table.ts";
import { parsePriceTable, PRICE_TABLE_COLUMNS } from "../../lib/pricing/parse_price_table.ts";
import { PriceTableError } from "../../lib/pricing/price_table_error.ts";
import { findPrice } from "../../lib/pricing/find_price.ts";

const HEADER = PRICE_TABLE_COLUMNS.join(",");
const GOOD = "openai,gpt-4o,2.5,1.25,,10,128000,16384,test fixture,2026-07-24";

function parseError(text: string): PriceTableError {
  try {
    parsePriceTable(text, "prices.csv");
  } catch (error) {
    assert.ok(error instanceof PriceTableError, `expected PriceTableError, got ${error}`);
    return error;
  }
  throw new assert.AssertionError({ message: "parsePriceTable accepted a bad table" });
}

Deno.test("loadPriceTable reads the project price table", async () => {
  const rows = await loadPriceTable(new URL("../../datasets/prices.csv", import.meta.url).pathname);
  const required = [
    "openai:gpt-4o",
    "openai:gpt-4o-mini",
    "openai:gpt-4.1",
    "openai:gpt-4.1-mini",
    "anthropic:claude-sonnet-4-5",
    "anthropic:claude-haiku-4-5",
    "anthropic:claude-opus-4-1",
    "google:gemini-2.5-flash",
    "google:gemini-2.5-pro",
    "google:gemini-2.5-flash-lite",
  ];
  const missing = required.filter((ref) => findPrice(rows, ref) === null);
  assert.deepEqual(missing, []);
});

Deno.test("loadPriceTable anthropic cache write is 1.25 times input", async () => {
  const rows = await loadPriceTable(new URL("../../datasets/prices.csv", import.meta.url).pathname);
  const anthropic = rows.filter((r) => r.provider === "anthropic");
  const wrong = anthropic.filter((r) => Math.abs((r.cache_write_per_mtok ?? NaN) - 1.25 * r.input_per_mtok) > 1e-9);
  assert.deepEqual(wrong.map((r) => r.model), []);
});

Deno.test("loadPriceTable every row keeps source and date", async () => {
  const rows = await loadPriceTable(new URL("../../datasets/prices.csv", import.meta.url).pathname);
  assert.ok(rows.every((r) => r.source.length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(r.as_of)));
});

Deno.test("loadPriceTable missing file names the path", async () => {
  await assert.rejects(loadPriceTable("/nonexistent/prices.csv"), /\/nonexistent\/prices.csv/);
});

Deno.test("parsePriceTable empty optional cells become null", () => {
  const [row] = parsePriceTable(`${HEADER}\n${GOOD}\n`, "prices.csv");
  assert.equal(row.cache_write_per_mtok, null);
});

Deno.test("parsePriceTable reads a quoted source with commas", () => {
  const [row] = parsePriceTable(`${HEADER}\nopenai,gpt-4o,2.5,,,10,,,"a, b",2026-07-24\n`, "prices.csv");
  assert.equal(row.source, "a, b");
});

Deno.test("parsePriceTable bad price names line and column", () => {
  const error = parseError(`${HEADER}\n${GOOD.replace("2.5", "two")}\n`);
  assert.equal(`${error.line}:${error.column}`, "2:input_per_mtok");
});

Deno.test("parsePriceTable bad price message carries a fix", () => {
  const error = parseError(`${HEADER}\n${GOOD.replace("2.5", "-1")}\n`);
  assert.match(error.message, /prices\.csv:2: column "input_per_mtok".*Fix:/);
});

Deno.test("parsePriceTable bad date names the as_of column", () => {
  assert.equal(parseError(`${HEADER}\n${GOOD.replace("2026-07-24", "July 2026")}\n`).column, "as_of");
});

Deno.test("parsePriceTable unknown provider names the provider column", () => {
  assert.equal(parseError(`${HEADER}\n${GOOD.replace("openai", "acme")}\n`).column, "provider");
});

Deno.test("parsePriceTable missing header column", () => {
  const header = PRICE_TABLE_COLUMNS.filter((c) => c !== "as_of").join(",");
  assert.equal(parseError(`${header}\n`).column, "as_of");
});

Deno.test("parsePriceTable wrong field count names the line", () => {
  assert.equal(parseError(`${HEADER}\n${GOOD}\n${GOOD},extra\n`).line, 3);
});

Deno.test("parsePriceTable duplicate model is rejected", () => {
  assert.match(parseError(`${HEADER}\n${GOOD}\n${GOOD}\n`).message, /first listed on line 2/);
});

Deno.test("parsePriceTable cached price above input is rejected", () => {
  assert.equal(parseError(`${HEADER}\n${GOOD.replace("1.25", "3")}\n`).column, "cached_input_per_mtok");
});

Deno.test("parsePriceTable reads the optional supports_images column", () => {
  const [row] = parsePriceTable(`${HEADER},supports_images\n${GOOD},true\n`, "prices.csv");
  assert.equal(row.supports_images, true);
});
