import assert from "node:assert/strict";
import { parseCsv } from "../../lib/pricing/parse_csv.ts";

Deno.test("parseCsv doubled quote inside a quoted field", () => {
  assert.deepEqual(parseCsv('a,"say ""hi"""\n')[0].fields, ["a", 'say "hi"']);
});

Deno.test("parseCsv quoted field across lines keeps the start line", () => {
  const records = parseCsv('h\n"x\ny"\nz\n');
  assert.deepEqual(records.map((r) => r.line), [1, 2, 4]);
});

Deno.test("parseCsv skips blank lines", () => {
  assert.equal(parseCsv("a\n\n\nb\r\n").length, 2);
});

Deno.test("parseCsv keeps empty trailing fields", () => {
  assert.deepEqual(parseCsv("a,,\n")[0].fields, ["a", "", ""]);
});

Deno.test("parseCsv unclosed quote names the line", () => {
  assert.throws(() => parseCsv('a\n"b,c\n'), /line 2/);
});
