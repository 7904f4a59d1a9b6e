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

const LONG_HEADER = `${HEADER},long_context_threshold_tokens,input_per_mtok_long,cached_input_per_mtok_long,output_per_mtok_long`;

Deno.test("parsePriceTable reads a long-context tier", () => {
  const [row] = parsePriceTable(`${LONG_HEADER}\n${GOOD},200000,5,2.5,20\n`, "prices.csv");
  assert.deepEqual(
    [row.long_context_threshold_tokens, row.input_per_mtok_long, row.cached_input_per_mtok_long, row.output_per_mtok_long],
    [200000, 5, 2.5, 20],
  );
});

Deno.test("parsePriceTable table without long columns has no tier", () => {
  const [row] = parsePriceTable(`${HEADER}\n${GOOD}\n`, "prices.csv");
  assert.equal(row.long_context_threshold_tokens ?? null, null);
});

Deno.test("parsePriceTable threshold without long prices is rejected", () => {
  assert.equal(parseError(`${LONG_HEADER}\n${GOOD},200000,,2.5,20\n`).column, "input_per_mtok_long");
});

Deno.test("parsePriceTable long price without threshold is rejected", () => {
  assert.equal(parseError(`${LONG_HEADER}\n${GOOD},,5,2.5,20\n`).column, "long_context_threshold_tokens");
});

Deno.test("parsePriceTable long cache price above long input is rejected", () => {
  assert.equal(parseError(`${LONG_HEADER}\n${GOOD},200000,5,6,20\n`).column, "cached_input_per_mtok_long");
});

Deno.test("parsePriceTable long tier must price cache reads when the base does", () => {
  assert.equal(parseError(`${LONG_HEADER}\n${GOOD},200000,5,,20\n`).column, "cached_input_per_mtok_long");
});

Deno.test("loadPriceTable project tiers for gemini 2.5 pro", async () => {
  const rows = await loadPriceTable(new URL("../../datasets/prices.csv", import.meta.url).pathname);
  const row = findPrice(rows, "google:gemini-2.5-pro");
  assert.deepEqual(
    [row?.long_context_threshold_tokens, row?.input_per_mtok_long, row?.cached_input_per_mtok_long, row?.output_per_mtok_long],
    [200000, 2.5, 0.25, 15],
  );
});

Deno.test("loadPriceTable anthropic long cache write is 1.25 times long input", async () => {
  const rows = await loadPriceTable(new URL("../../datasets/prices.csv", import.meta.url).pathname);
  const tiered = rows.filter((r) => r.provider === "anthropic" && r.long_context_threshold_tokens);
  const wrong = tiered.filter((r) => Math.abs((r.cache_write_per_mtok_long ?? NaN) - 1.25 * (r.input_per_mtok_long ?? NaN)) > 1e-9);
  assert.deepEqual([tiered.length, wrong.map((r) => r.model)], [2, []]);
});

Deno.test("loadPriceTable overrides replace a row by provider and model", async () => {
  const dir = await Deno.makeTempDir({ prefix: "prices-" });
  await Deno.writeTextFile(`${dir}/base.csv`, `${HEADER}\n${GOOD}\nopenai,gpt-4o-mini,0.15,0.075,,0.6,,,base,2026-07-24\n`);
  await Deno.writeTextFile(`${dir}/mine.csv`, `${HEADER}\nopenai,gpt-4o,2,1,,8,,,negotiated,2026-08-01\n`);
  const rows = await loadPriceTable(`${dir}/base.csv`, { overrides: `${dir}/mine.csv` });
  assert.deepEqual(rows.map((r) => `${r.model}:${r.input_per_mtok}:${r.source}`), [
    "gpt-4o:2:negotiated",
    "gpt-4o-mini:0.15:base",
  ]);
});

Deno.test("loadPriceTable overrides add models the table lacks", async () => {
  const dir = await Deno.makeTempDir({ prefix: "prices-" });
  await Deno.writeTextFile(`${dir}/base.csv`, `${HEADER}\n${GOOD}\n`);
  await Deno.writeTextFile(`${dir}/mine.csv`, `${HEADER}\ngoogle,gemini-9,1,,,2,,,mine,2026-08-01\n`);
  const rows = await loadPriceTable(`${dir}/base.csv`, { overrides: `${dir}/mine.csv` });
  assert.deepEqual(rows.map((r) => r.model), ["gpt-4o", "gemini-9"]);
});

Deno.test("loadPriceTable bad override names the override file", async () => {
  const dir = await Deno.makeTempDir({ prefix: "prices-" });
  await Deno.writeTextFile(`${dir}/base.csv`, `${HEADER}\n${GOOD}\n`);
  await Deno.writeTextFile(`${dir}/mine.csv`, `${HEADER}\nopenai,gpt-4o,cheap,,,8,,,mine,2026-08-01\n`);
  await assert.rejects(loadPriceTable(`${dir}/base.csv`, { overrides: `${dir}/mine.csv` }), /mine\.csv:2/);
});

Deno.test("loadPriceTable missing override file names it", async () => {
  await assert.rejects(
    loadPriceTable(new URL("../../datasets/prices.csv", import.meta.url).pathname, { overrides: "/nonexistent/mine.csv" }),
    /\/nonexistent\/mine\.csv/,
  );
});
