import assert from "node:assert/strict";
import { loadPriceTable } from "../../lib/pricing/load_price_table.ts";

const SCRIPT = new URL("../../scripts/import_prices.ts", import.meta.url).pathname;
const FIXTURE = new URL("./fixtures/litellm_prices.json", import.meta.url).pathname;

async function runScript(args: string[]) {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", SCRIPT, ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code: output.code, stdout: decode(output.stdout), stderr: decode(output.stderr) };
}

Deno.test("import_prices script writes a loadable table", async () => {
  const out = `${await Deno.makeTempDir({ prefix: "import-prices-" })}/prices.csv`;
  const result = await runScript(["--from", FIXTURE, "--out", out, "--as-of", "2026-07-24"]);
  assert.equal(result.code, 0, result.stderr);
  const rows = await loadPriceTable(out);
  assert.equal(rows.length, 5);
});

Deno.test("import_prices script prints the written path", async () => {
  const out = `${await Deno.makeTempDir({ prefix: "import-prices-" })}/prices.csv`;
  const result = await runScript(["--from", FIXTURE, "--out", out, "--as-of", "2026-07-24"]);
  assert.equal(result.stdout.trim(), out);
});

Deno.test("import_prices script without --out exits 2", async () => {
  const result = await runScript(["--from", FIXTURE]);
  assert.equal(result.code, 2);
});

Deno.test("import_prices script lists skipped models of the model list", async () => {
  const out = `${await Deno.makeTempDir({ prefix: "import-prices-" })}/prices.csv`;
  const result = await runScript(["--from", FIXTURE, "--out", out, "--models", "gpt-4o,gpt-9"]);
  assert.match(result.stderr, /skipped: gpt-9: no importable entry/);
});
