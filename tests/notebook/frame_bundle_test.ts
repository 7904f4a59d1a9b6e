import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { frameBundle } from "../../lib/notebook/frame_bundle.ts";

const html = (bundle: Record<string, unknown>) => bundle["text/html"] as string;
const plain = (bundle: Record<string, unknown>) => bundle["text/plain"] as string;

Deno.test("frame table notes truncated rows", () => {
  const df = pl.DataFrame({ n: Array.from({ length: 1234 }, (_, i) => i) });
  const bundle = frameBundle(df, { maxRows: 20 });

  assert.match(html(bundle), /showing 20 of 1,234 rows/);
  assert.equal(html(bundle).match(/<tr>/g)?.length, 21, "header row plus 20 data rows");
  assert.match(plain(bundle), /showing 20 of 1,234 rows/);
});

Deno.test("frame table shows row count without truncation", () => {
  const bundle = frameBundle(pl.DataFrame({ a: [1, 2, 3], b: ["x", "y", "z"] }));
  assert.match(html(bundle), /3 rows × 2 columns/);
  assert.doesNotMatch(html(bundle), /showing/);
});

Deno.test("frame table escapes values, names and caption", () => {
  const df = pl.DataFrame({ "<col>": ["<script>alert(1)</script>", "a & b"] });
  const bundle = frameBundle(df, { caption: 'runs "<x>"' });

  assert.doesNotMatch(html(bundle), /<script>/);
  assert.match(html(bundle), /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html(bundle), /a &amp; b/);
  assert.match(html(bundle), /<th>&lt;col&gt;/);
  assert.match(html(bundle), /<caption>runs &quot;&lt;x&gt;&quot;<\/caption>/);
});

Deno.test("frame table marks nulls and dtypes", () => {
  const bundle = frameBundle(pl.DataFrame({ ttft: [1.5, null] }));
  assert.match(html(bundle), /<td><i>null<\/i><\/td>/);
  assert.match(html(bundle), /<small>Float64<\/small>/);
});

Deno.test("frame table rejects a non-frame", () => {
  assert.throws(() => frameBundle([{ a: 1 }] as never), /nodejs-polars DataFrame/);
});

Deno.test("frame table rejects a negative maxRows", () => {
  assert.throws(() => frameBundle(pl.DataFrame({ a: [1] }), { maxRows: -1 }), /maxRows/);
});
