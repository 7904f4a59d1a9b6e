import assert from "node:assert/strict";
import { textBundle } from "../../lib/notebook/text_bundle.ts";

Deno.test("text bundle keeps short text whole", () => {
  assert.deepEqual(textBundle("hello"), { "text/plain": "hello" });
});

Deno.test("text bundle cuts long text with a note", () => {
  const bundle = textBundle("x".repeat(12_345), { maxChars: 1_000 });
  const text = bundle["text/plain"] as string;
  assert.ok(text.startsWith("x".repeat(1_000) + "\n"));
  assert.match(text, /truncated: showing 1,000 of 12,345 characters$/);
});

Deno.test("text bundle cuts by lines first", () => {
  const lines = Array.from({ length: 500 }, (_, i) => `line ${i}`).join("\n");
  const text = textBundle(lines, { maxLines: 10 })["text/plain"] as string;
  assert.match(text, /^line 0\n/);
  assert.match(text, /line 9\n… truncated: showing 10 of 500 lines$/);
});

Deno.test("text bundle renders markdown with a note", () => {
  const bundle = textBundle("# Title\n" + "word ".repeat(100), { format: "markdown", maxChars: 50 });
  assert.match(bundle["text/markdown"] as string, /^# Title\n/);
  assert.match(bundle["text/markdown"] as string, /\*… truncated: showing 50 of 508 characters\*$/);
  assert.equal(typeof bundle["text/plain"], "string");
});

Deno.test("text bundle closes a cut code fence", () => {
  const markdown = "```json\n" + '{"a": 1}\n'.repeat(50) + "```";
  const cut = textBundle(markdown, { format: "markdown", maxLines: 5 })["text/markdown"] as string;
  assert.equal(cut.match(/^```/gm)?.length, 2);
  assert.match(cut, /```\n\n\*… truncated/);
});

Deno.test("text bundle keeps surrogate pairs whole", () => {
  const text = textBundle("a😀b", { maxChars: 2 })["text/plain"] as string;
  assert.ok(text.startsWith("a\n"), JSON.stringify(text));
});

Deno.test("text bundle rejects an unknown format", () => {
  assert.throws(() => textBundle("x", { format: "html" as never }), /format/);
});
