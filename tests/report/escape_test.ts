import assert from "node:assert/strict";
import { escapeHtml } from "../../lib/report/escape_html.ts";
import { escapeMarkdown } from "../../lib/report/escape_markdown.ts";

Deno.test("escapeHtml script tag becomes text", () => {
  assert.equal(escapeHtml("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
});

Deno.test("escapeHtml img onerror becomes text", () => {
  assert.equal(escapeHtml("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
});

Deno.test("escapeHtml quotes cannot leave an attribute", () => {
  assert.equal(escapeHtml(`" onmouseover='x'`), "&quot; onmouseover=&#39;x&#39;");
});

Deno.test("escapeHtml ampersand first", () => {
  assert.equal(escapeHtml("&lt;"), "&amp;lt;");
});

Deno.test("escapeHtml null is empty", () => {
  assert.equal(escapeHtml(null), "");
});

Deno.test("escapeMarkdown pipe cannot end a table cell", () => {
  assert.equal(escapeMarkdown("a|b"), "a\\|b");
});

Deno.test("escapeMarkdown html becomes entities", () => {
  assert.equal(escapeMarkdown("<img src=x>"), "&lt;img src=x&gt;");
});

Deno.test("escapeMarkdown link syntax is neutralised", () => {
  assert.equal(escapeMarkdown("[x](javascript:alert(1))"), "\\[x\\](javascript:alert(1))");
});

Deno.test("escapeMarkdown newline becomes a space", () => {
  assert.equal(escapeMarkdown("a\nb\r\nc"), "a b c");
});
